// The few parts of WeChat's component engine (miniprogram-exparser, shipped without types) that the harness uses.
declare module 'miniprogram-exparser' {
  export interface ExparserElement {
    readonly $$: HTMLElement;
    readonly dataset: Record<string, string>;
  }
  export const Element: { getMethodCaller(element: ExparserElement): { data: Record<string, unknown> } | undefined };
  export const Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: ExparserElement, event: unknown): void;
  };
}
