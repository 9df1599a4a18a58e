/** Mini-program: WeChat draws the tab bar itself; nothing to patch. */
export function patchTabBarA11y(): void {}
