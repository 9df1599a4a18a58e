/**
 * Browser: Taro's page containers scroll by themselves; a page with no focusable content (a plain list) could then not
 * be scrolled from the keyboard (axe: scrollable-region-focusable). Let them take focus.
 */
function focusablePages(): void {
  document.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
}

/**
 * Browser: Taro draws the tab bar as <taro-tabbar> with plain links. Make it a named navigation landmark and mark
 * the current tab, so screen readers (and axe's "region" rule) treat it like any site menu.
 */
function label(): void {
  focusablePages();
  const bar = document.querySelector('taro-tabbar');
  if (!bar) return;
  if (bar.getAttribute('role') !== 'navigation') {
    bar.setAttribute('role', 'navigation');
    bar.setAttribute('aria-label', '主菜单');
  }
  bar.querySelectorAll('.weui-tabbar__item').forEach((item) => {
    const on = item.classList.contains('weui-bar__item_on');
    if (on && item.getAttribute('aria-current') !== 'page') item.setAttribute('aria-current', 'page');
    if (!on && item.hasAttribute('aria-current')) item.removeAttribute('aria-current');
  });
}

export function patchTabBarA11y(): void {
  label();
  new MutationObserver(label).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}
