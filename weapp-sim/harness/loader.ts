import { dirname, join } from 'node:path';
import type { AppJson } from './app-json';
import { registerBuiltIns } from './builtins';
import type { Engine } from './elements';
import { type Opening, type PageInstance, pageAsComponent } from './pages';

/** miniprogram-simulate's render result: enough of it for the harness. */
export interface Rendered {
  dom: HTMLElement;
  attach(parent: HTMLElement): void;
  detach(): void;
}

interface Simulate {
  load(path: string, options: Record<string, unknown>): string;
  render(id: string): Rendered;
}

export type AppOptions = Record<string, unknown> & {
  onLaunch?: (options: unknown) => void;
  onShow?: (options: unknown) => void;
  onHide?: () => void;
};

/** A build loaded for one launch: its App(), its component engine, and each page ready to render. */
export interface LoadedBuild {
  app: AppOptions;
  engine: Engine;
  /** Renders a new instance of the page; its onLoad gets `opening.query` once it is attached. */
  render(route: string, opening: Opening): Rendered;
}

/** Loads a module into the launch's own module registry (called inside jest.isolateModules only). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fresh = (id: string): unknown => require(id);

const LOAD_OPTIONS = { compiler: 'official', compilerOptions: { maxBuffer: 64 * 1024 * 1024 } };

/**
 * What every launch can share, because it holds no state: the libraries miniprogram-simulate only uses to prefix
 * WXSS (loading them again is most of a launch's time), and wcc's output for a build.
 */
const simulateDir = dirname(require.resolve('miniprogram-simulate/package.json'));
const STATELESS = ['less', 'csso', 'postcss'].map((name) => require.resolve(name, { paths: [simulateDir] }));
const sharedModules = new Map<string, unknown>();
const compiledWxml = new Map<string, string>();

function shareStatelessModules(): void {
  for (const path of STATELESS) {
    jest.doMock(path, () => {
      if (!sharedModules.has(path)) sharedModules.set(path, jest.requireActual(path));
      return sharedModules.get(path);
    });
  }
}

interface WxmlCompiler {
  wxmlToJs(rootPath: string, options?: unknown): string;
}

/** wcc runs once per build and process; each launch evaluates its output afresh. */
function compileOncePerBuild(compiler: WxmlCompiler): void {
  const compile = compiler.wxmlToJs.bind(compiler);
  compiler.wxmlToJs = (rootPath, options) => {
    const cached = compiledWxml.get(rootPath) ?? compile(rootPath, options);
    compiledWxml.set(rootPath, cached);
    return cached;
  };
}

/**
 * Loads the build as WeChat would: app.js (capturing App()), then every page of app.json, each Page() turned into a
 * component, its WXML compiled by WeChat's own wcc. Everything is loaded into a fresh module registry, so that each
 * launch gets its own copy of the build and the engine (webpack runs a page's module once per registry).
 */
export function loadBuild(
  dist: string,
  appJson: AppJson,
  globals: Record<string, unknown>,
  currentPages: () => PageInstance[],
): LoadedBuild {
  let app: AppOptions | undefined;
  let engine: Engine | undefined;
  let simulate: Simulate | undefined;
  let loadingRoute = '';
  let opening: Opening | undefined;
  const ids = new Map<string, string>();

  shareStatelessModules();
  jest.isolateModules(() => {
    compileOncePerBuild(fresh('miniprogram-compiler') as WxmlCompiler);
    // miniprogram-simulate merges its own `wx` API under the harness's and defines the global Component.
    simulate = fresh('miniprogram-simulate') as Simulate;
    engine = fresh('miniprogram-exparser') as Engine;
    registerBuiltIns(fresh('j-component') as Parameters<typeof registerBuiltIns>[0]);
    globals.App = (options: AppOptions) => {
      app = options;
    };
    globals.getApp = () => app;
    globals.getCurrentPages = currentPages;
    const component = globals.Component as (definition: unknown) => void;
    globals.Page = (page: Record<string, unknown>) =>
      component(
        pageAsComponent(loadingRoute, page, () => {
          if (!opening) throw new Error('a page was created outside the harness');
          return opening;
        }),
      );
    fresh(join(dist, 'app.js'));
    for (const route of appJson.pages) {
      loadingRoute = route;
      ids.set(route, simulate.load(join(dist, route), { rootPath: dist, ...LOAD_OPTIONS }));
    }
  });
  if (!simulate || !engine || !app) throw new Error(`${dist}/app.js did not call App()`);
  const loaded = simulate;

  return {
    app,
    engine,
    render(route, pageOpening) {
      const id = ids.get(route);
      if (!id) throw new Error(`no page ${route} in app.json`);
      opening = pageOpening;
      try {
        return loaded.render(id);
      } finally {
        opening = undefined;
      }
    },
  };
}
