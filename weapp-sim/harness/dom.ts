import { JSDOM } from 'jsdom';

/** The browser globals WeChat's component engine expects, taken from a fresh jsdom window. */
const GLOBALS = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'Event',
  'CustomEvent',
  'TouchEvent',
  'MutationObserver',
  'getComputedStyle',
] as const;

/**
 * Installs a fresh jsdom window as the global browser. jsdom's `Event` and `CustomEvent` must replace Node's own:
 * the engine dispatches them on jsdom nodes, which accept only their own window's events. Returns the undo.
 */
export function installDom(): () => void {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://servicewechat.com/',
  });
  const target = globalThis as Record<string, unknown>;
  const saved = new Map(GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)]));
  for (const name of GLOBALS) {
    const value = name === 'window' ? window : (window as unknown as Record<string, unknown>)[name];
    Object.defineProperty(target, name, { value, configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete target[name];
    }
    window.close();
  };
}
