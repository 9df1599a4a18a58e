import type * as Exparser from 'miniprogram-exparser';

/** The component engine of one launch (each launch loads its own copy, so it is passed in, never imported). */
export type Engine = typeof Exparser;

/** A node of the rendered page: its jsdom element, carrying WeChat's component engine node. */
export type WxNode = HTMLElement & { __wxElement?: Exparser.ExparserElement };

/** How a test names an element: its visible text, or a CSS selector over the `wx-*` tags and class names. */
export type Target = string | { text: string } | { selector: string } | { placeholder: string } | WxNode;

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export function textOf(node: Node): string {
  return squash(node.textContent);
}

/** The properties a built-in component was given (a button's `disabled`, an input's `value`…). */
export function propsOf(engine: Engine, node: WxNode): Record<string, unknown> {
  const element = node.__wxElement;
  if (!element) return {};
  return engine.Element.getMethodCaller(element)?.data ?? {};
}

/** Every element matching `target`; for text, the innermost elements holding it, exact matches only if any. */
export function findAll(engine: Engine, root: HTMLElement, target: Target): WxNode[] {
  if (typeof target !== 'string' && 'nodeType' in target) return [target];
  const all = [...root.querySelectorAll<WxNode>('*')];
  if (typeof target !== 'string' && 'selector' in target) return [...root.querySelectorAll<WxNode>(target.selector)];
  if (typeof target !== 'string' && 'placeholder' in target) {
    return all.filter((node) => propsOf(engine, node).placeholder === target.placeholder);
  }
  const text = typeof target === 'string' ? target : target.text;
  // An element whose whole text it is comes first (a button saying 报到 before a sentence mentioning 报到).
  for (const matches of [(node: WxNode) => textOf(node) === text, (node: WxNode) => textOf(node).includes(text)]) {
    const matching = all.filter(matches);
    // Keep the innermost: an element none of whose children also holds the text.
    const innermost = matching.filter((node) => !matching.some((other) => other !== node && node.contains(other)));
    if (innermost.length > 0) return innermost;
  }
  return [];
}

export function findOne(engine: Engine, root: HTMLElement, target: Target): WxNode {
  const found = findAll(engine, root, target);
  if (found.length === 0) throw new Error(`nothing on the page matches ${describe(target)}:\n${textOf(root)}`);
  return found[0] as WxNode;
}

/** The nearest element (itself or an ancestor) with this tag, below `root`. */
export function closest(node: WxNode, tag: string, root: HTMLElement): WxNode | null {
  for (let at: HTMLElement | null = node; at && at !== root.parentElement; at = at.parentElement) {
    if (at.tagName.toLowerCase() === tag) return at as WxNode;
  }
  return null;
}

/** Dispatches a WeChat event on the node, bubbling through the page's handlers as a real one does. */
export function dispatch(engine: Engine, node: WxNode, name: string, detail: Record<string, unknown> = {}): void {
  const element = node.__wxElement;
  if (!element) throw new Error(`<${node.tagName.toLowerCase()}> is not part of the rendered mini-program`);
  const event = engine.Event.create(name, detail, {
    bubbles: true,
    composed: true,
    capturePhase: true,
    extraFields: { touches: [], changedTouches: [] },
  });
  engine.Event.dispatchEvent(element, event);
}

export function describe(target: Target): string {
  if (typeof target === 'string') return `"${target}"`;
  if ('nodeType' in target) return `<${target.tagName.toLowerCase()}>`;
  return JSON.stringify(target);
}
