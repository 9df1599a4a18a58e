import Taro from '@tarojs/taro';
import type { GeoPoint } from '../../../types';

/** Mini-program: where the phone is (GCJ-02, as WeChat gives it), or null when the person or the phone declines. */
export async function currentLocation(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}
