import Taro from '@tarojs/taro';

let ready = false;

/** Connects the mini-program to its WeChat cloud environment (at launch; safe to call again). */
export function initBackend(): void {
  if (ready) return;
  // CLOUD_ENV is set at build time (config/index.ts); empty means WeChat's default environment.
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  ready = true;
}
