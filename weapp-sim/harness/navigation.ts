import { type AppJson, parseUrl } from './app-json';
import { type PageInstance, call } from './pages';
import type { Navigation } from './records';

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  instance: PageInstance;
  /** The page's rendered tree (its root element in the jsdom document). */
  dom: HTMLElement;
  /** The title in the navigation bar: the page's own, or what it set with setNavigationBarTitle. */
  title: string;
  /** Puts the page on screen: its onLoad and onShow run (it is already on the stack, as WeChat has it). */
  attach(): void;
  detach(): void;
}

/** A navigation WeChat refuses, with WeChat's own errMsg. */
export class NavigationError extends Error {}

/** WeChat keeps at most ten pages on the stack. */
const MAX_STACK = 10;

/**
 * The page stack as WeChat keeps it: navigateTo pushes, redirectTo replaces, navigateBack pops, switchTab closes every
 * page but the tab (tab pages stay alive, hidden, once opened), reLaunch closes everything. Refusals carry WeChat's
 * errMsg: unknown pages, tab pages opened with navigateTo or redirectTo, other pages with switchTab, an eleventh page.
 */
export class PageStack {
  readonly pages: OpenPage[] = [];
  private readonly tabs = new Map<string, OpenPage>();

  constructor(
    private readonly app: AppJson,
    private readonly render: (route: string, query: Record<string, string>) => OpenPage,
    private readonly record: (navigation: Navigation) => void,
  ) {}

  get top(): OpenPage | undefined {
    return this.pages[this.pages.length - 1];
  }

  navigateTo(url: string): void {
    const { route, query } = this.target('navigateTo', url);
    if (this.isTab(route)) throw new NavigationError('navigateTo:fail can not navigateTo a tabbar page');
    if (this.pages.length >= MAX_STACK) throw new NavigationError('navigateTo:fail webview count limit exceed');
    this.record({ api: 'navigateTo', url });
    this.hide(this.top);
    this.push(this.render(route, query));
  }

  redirectTo(url: string): void {
    const { route, query } = this.target('redirectTo', url);
    if (this.isTab(route)) throw new NavigationError('redirectTo:fail can not redirectTo a tabbar page');
    this.record({ api: 'redirectTo', url });
    const top = this.pages.pop();
    if (top) this.close(top);
    this.push(this.render(route, query));
  }

  switchTab(url: string): void {
    const { route } = this.target('switchTab', url);
    if (!this.isTab(route)) throw new NavigationError('switchTab:fail can not switch to no-tabBar page');
    this.record({ api: 'switchTab', url });
    this.hide(this.top);
    for (const page of this.pages.splice(0)) if (!this.isTab(page.route)) this.close(page);
    const kept = this.tabs.get(route);
    if (kept) {
      this.pages.push(kept);
      call(kept.instance, 'onShow');
      return;
    }
    // A tab page takes no query: WeChat drops it.
    const page = this.render(route, {});
    this.tabs.set(route, page);
    this.push(page);
  }

  reLaunch(url: string): void {
    this.target('reLaunch', url);
    this.record({ api: 'reLaunch', url });
    this.start(url);
  }

  /** Opens the app's first page (or a reLaunch's): every other page closed. */
  start(url: string): void {
    const { route, query } = this.target('reLaunch', url);
    this.closeAll();
    const page = this.render(route, query);
    if (this.isTab(route)) this.tabs.set(route, page);
    this.push(page);
  }

  navigateBack(delta = 1): void {
    if (this.pages.length <= 1) throw new NavigationError('navigateBack:fail cannot navigate back at first page.');
    this.record({ api: 'navigateBack', url: '' });
    const count = Math.min(Math.max(delta, 1), this.pages.length - 1);
    for (const page of this.pages.splice(this.pages.length - count)) this.close(page);
    const top = this.top;
    if (top) call(top.instance, 'onShow');
  }

  /** Calls onHide on the top page (the app went to the background) or onShow (it came back). */
  hideTop(): void {
    this.hide(this.top);
  }

  showTop(): void {
    const top = this.top;
    if (top) call(top.instance, 'onShow');
  }

  closeAll(): void {
    for (const page of this.pages.splice(0).reverse()) if (!this.isTab(page.route)) this.close(page);
    for (const page of this.tabs.values()) this.close(page);
    this.tabs.clear();
  }

  private push(page: OpenPage): void {
    this.pages.push(page);
    page.attach();
  }

  private target(api: Navigation['api'], url: string) {
    const parsed = parseUrl(url, this.top?.route);
    if (!this.app.pages.includes(parsed.route))
      throw new NavigationError(`${api}:fail page "${parsed.route}" is not found`);
    return parsed;
  }

  private isTab(route: string): boolean {
    return this.app.tabPages.includes(route);
  }

  private hide(page: OpenPage | undefined): void {
    if (page) call(page.instance, 'onHide');
  }

  private close(page: OpenPage): void {
    call(page.instance, 'onUnload');
    page.detach();
  }
}
