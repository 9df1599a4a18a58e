import Taro from '@tarojs/taro';

/** Mini-program: scrolls the page so the control is in view (its keyboard opens when the person taps it). */
export function focusControl(id: string): void {
  void Taro.pageScrollTo({ selector: `#${id}`, duration: 200, offsetTop: -80 });
}
