import {
  type Engine,
  type Target,
  type WxNode,
  closest,
  describe,
  dispatch,
  findAll,
  findOne,
  propsOf,
  textOf,
} from './elements';
import type { OpenPage } from './navigation';

/** What a page handle needs from its app: waiting for quiet, and opening what a native <navigator> opens. */
export interface PageHost {
  engine: Engine;
  idle(): Promise<void>;
  followNavigator(openType: string, url: string, delta: number): Promise<void>;
}

const FIELD_TAGS = ['wx-input', 'wx-textarea'];

/** One open page, as a test sees and uses it. Every action waits until the page has settled before it returns. */
export class WeappPage {
  constructor(
    private readonly page: OpenPage,
    private readonly host: PageHost,
  ) {}

  get route(): string {
    return this.page.route;
  }

  get query(): Record<string, string> {
    return this.page.query;
  }

  /** The navigation bar's title. */
  get title(): string {
    return this.page.title;
  }

  /** The page's own heading (its one h1). */
  get heading(): string {
    const h1 = this.page.dom.querySelector('[class*="h5-h1"]');
    return h1 ? textOf(h1) : '';
  }

  /** All the page's text, whitespace squashed. */
  text(): string {
    return textOf(this.page.dom);
  }

  has(text: string): boolean {
    return this.text().includes(text);
  }

  find(target: Target): WxNode {
    return findOne(this.host.engine, this.page.dom, target);
  }

  findAll(target: Target): WxNode[] {
    return findAll(this.host.engine, this.page.dom, target);
  }

  /** The properties a built-in component of the page was given (`disabled`, `value`, `url`, `src`…). */
  props(target: Target): Record<string, unknown> {
    return propsOf(this.host.engine, this.find(target));
  }

  /** Taps what the target names, as a finger would: refused on a disabled control; a <navigator> then opens its page. */
  async tap(target: Target): Promise<void> {
    const node = this.find(target);
    for (const tag of ['wx-button', 'wx-input', 'wx-textarea', 'wx-picker', 'wx-checkbox', 'wx-switch']) {
      const control = closest(node, tag, this.page.dom);
      if (control && propsOf(this.host.engine, control).disabled === true) {
        throw new Error(`${describe(target)} is disabled`);
      }
    }
    dispatch(this.host.engine, node, 'tap', { x: 0, y: 0 });
    const navigator = closest(node, 'wx-navigator', this.page.dom);
    if (navigator) {
      const { openType, url, delta } = propsOf(this.host.engine, navigator);
      await this.host.idle();
      await this.host.followNavigator(String(openType || 'navigate'), String(url ?? ''), Number(delta) || 1);
    }
    await this.host.idle();
  }

  /** Types into the input or textarea named by its placeholder, or by a label or text beside it. */
  async input(target: Target, value: string): Promise<void> {
    const field = this.field(target, FIELD_TAGS);
    if (propsOf(this.host.engine, field).disabled === true) throw new Error(`${describe(target)} is disabled`);
    dispatch(this.host.engine, field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.host.idle();
  }

  /** Chooses the item at `index` in the picker named by a label or text beside it. */
  async pick(target: Target, index: number): Promise<void> {
    const picker = this.field(target, ['wx-picker']);
    const range = propsOf(this.host.engine, picker).range;
    if (!Array.isArray(range) || index < 0 || index >= range.length) {
      throw new Error(`${describe(target)} has no item ${index} (range: ${JSON.stringify(range)})`);
    }
    dispatch(this.host.engine, picker, 'change', { value: index });
    await this.host.idle();
  }

  /** WeChat's phone button: the person agrees to share `phone`, and the page receives a one-time code for it. */
  async sharePhone(target: Target, code: string): Promise<void> {
    await this.trigger(this.button(target), 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code });
  }

  /** WeChat's phone button: the person declines. */
  async refusePhone(target: Target): Promise<void> {
    await this.trigger(this.button(target), 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
  }

  /** Any other event a component emits, with its detail. */
  async trigger(target: Target, event: string, detail: Record<string, unknown> = {}): Promise<void> {
    dispatch(this.host.engine, this.find(target), event, detail);
    await this.host.idle();
  }

  private button(target: Target): WxNode {
    const node = this.find(target);
    const button = closest(node, 'wx-button', this.page.dom);
    if (!button) throw new Error(`${describe(target)} is not a button`);
    return button;
  }

  /** The control named by the target: the target itself, or the first control in the nearest block around it. */
  private field(target: Target, tags: string[]): WxNode {
    const isField = (node: Element) => tags.includes(node.tagName.toLowerCase());
    const placeholder = typeof target === 'string' ? this.findAll({ placeholder: target }).filter(isField) : [];
    if (placeholder[0]) return placeholder[0];
    const node = this.find(target);
    for (let at: HTMLElement | null = node; at && at !== this.page.dom.parentElement; at = at.parentElement) {
      if (isField(at)) return at as WxNode;
      const inside = [...at.querySelectorAll<WxNode>(tags.join(','))];
      if (inside[0]) return inside[0];
    }
    throw new Error(`no ${tags.join(' or ')} near ${describe(target)}`);
  }
}
