import { distanceMeters, locationCheck } from './geo';

describe('geo', () => {
  test('haversine distances: a degree of latitude is about 111 km, a point is 0 m from itself', () => {
    expect(distanceMeters({ latitude: 30, longitude: 120 }, { latitude: 31, longitude: 120 })).toBeCloseTo(111_195, -2);
    expect(distanceMeters({ latitude: 30, longitude: 120 }, { latitude: 30, longitude: 120 })).toBe(0);
    // A degree of longitude shrinks with the cosine of the latitude.
    const east = distanceMeters({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(east).toBeCloseTo(111_195 / 2, -3);
  });

  test('inside or outside the fence, unknown without a fence or a location', () => {
    const fence = { latitude: 30, longitude: 120, radiusMeters: 200 };
    expect(locationCheck(fence, { latitude: 30.001, longitude: 120 })).toBe('inside');
    expect(locationCheck(fence, { latitude: 30.002, longitude: 120 })).toBe('outside');
    expect(locationCheck(fence, null)).toBe('unknown');
    expect(locationCheck(fence, undefined)).toBe('unknown');
    expect(locationCheck(null, { latitude: 30, longitude: 120 })).toBe('unknown');
  });
});
