import type { GeoPoint } from '../../../types';

/** Browser: the demo signs in without a location (the check says 未获取位置). */
export function currentLocation(): Promise<GeoPoint | null> {
  return Promise.resolve(null);
}
