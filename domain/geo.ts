import type { GeoFence, GeoPoint, LocationCheck } from '../types/service-documents';

const EARTH_RADIUS_METERS = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two points (haversine), in metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Where a phone's location stands with an activity's fence: `unknown` without either (no location given, or no geo
 * point set). A miss is only a flag for staff: locations can be faked, so it never refuses anything.
 */
export function locationCheck(fence: GeoFence | null, point: GeoPoint | null | undefined): LocationCheck {
  if (!fence || !point) return 'unknown';
  return distanceMeters(fence, point) <= fence.radiusMeters ? 'inside' : 'outside';
}
