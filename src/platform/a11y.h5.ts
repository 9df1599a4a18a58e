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

/** Enter and Space press a drawn button, as they press a real one. */
function pressOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
}

/**
 * Browser: Taro.showModal draws a dialog of plain <div>s that neither a screen reader nor a keyboard can use. Make it
 * a modal dialog named by its title and described by its text, with buttons that take focus; focus starts on 取消 (the
 * safe answer: the questions asked this way are about things hard to undo).
 */
function dialogs(): void {
  document.querySelectorAll<HTMLElement>('.taro__modal .taro-modal__content:not([role])').forEach((dialog) => {
    const title = dialog.querySelector<HTMLElement>('.taro-modal__title');
    const text = dialog.querySelector<HTMLElement>('.taro-modal__text');
    if (title) title.id = 'taro-modal-title';
    if (text) text.id = 'taro-modal-text';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    if (title) dialog.setAttribute('aria-labelledby', 'taro-modal-title');
    if (text) dialog.setAttribute('aria-describedby', 'taro-modal-text');
    dialog.querySelectorAll<HTMLElement>('.taro-model__btn').forEach((button) => {
      button.setAttribute('role', 'button');
      button.tabIndex = 0;
      button.addEventListener('keydown', pressOnKey);
    });
  });
  // The wrapper is shown with display: block and hidden (after a fade) with display: none.
  const open = [...document.querySelectorAll<HTMLElement>('.taro__modal')].find(
    (modal) => modal.style.display !== 'none',
  );
  if (open && !open.contains(document.activeElement)) {
    const cancel = open.querySelector<HTMLElement>('.taro-model__cancel');
    const visibleCancel = cancel && cancel.style.display !== 'none' ? cancel : null;
    (visibleCancel ?? open.querySelector<HTMLElement>('.taro-model__confirm'))?.focus();
  }
}

export function patchTabBarA11y(): void {
  label();
  dialogs();
  new MutationObserver(() => {
    label();
    dialogs();
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'style'],
  });
}
