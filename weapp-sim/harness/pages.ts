/**
 * Turns each `Page()` of the build into a custom component that miniprogram-simulate can render, calling the page's
 * lifecycle in WeChat's order: onLoad(query) and onShow once attached, onReady once the first render is done.
 */
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
type Lifecycle = (this: PageInstance, ...args: unknown[]) => unknown;

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

/** Set by the harness just before it renders a page: the query its onLoad receives. */
export interface Opening {
  query: Record<string, string>;
  onInstance(instance: PageInstance): void;
}

export function pageAsComponent(route: string, options: PageOptions, opening: () => Opening) {
  const methods: Record<string, Lifecycle> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data') continue;
    if (typeof value === 'function') methods[key] = value as Lifecycle;
    else fields[key] = value;
  }
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      created(this: PageInstance) {
        const { query, onInstance } = opening();
        Object.assign(this, fields, { route, __route__: route, options: query });
        onInstance(this);
      },
      attached(this: PageInstance) {
        call(this, 'onLoad', { ...this.options });
        call(this, 'onShow');
      },
      ready(this: PageInstance) {
        call(this, 'onReady');
      },
    },
  };
}

export function call(instance: PageInstance, name: string, ...args: unknown[]): void {
  const hook = instance[name];
  if (typeof hook === 'function') (hook as Lifecycle).apply(instance, args);
}
