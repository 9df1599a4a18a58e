import Taro from '@tarojs/taro';

/** Mini-program: keeps the screen lit while a page shows something to scan (WeChat restores it when the page is left). */
export function keepScreenOn(on: boolean): void {
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined);
}
