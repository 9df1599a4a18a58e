import { join } from 'node:path';
import type { LocalCloud } from 'wx-local-cloud';
import { readAppJson } from './app-json';
import { installEnvironment } from './environment';
import { loadBuild } from './loader';
import { type OpenPage, PageStack } from './navigation';
import { WeappPage } from './page-handle';
import type { PageInstance } from './pages';
import { type Answers, type Records, type ScanAnswer, emptyRecords } from './records';
import { TempFiles } from './temp-files';
import { createWxApi } from './wx-api';
import { createWxCloud } from './wx-cloud';

const REPO = join(__dirname, '..', '..');
const DEFAULT_APPID = 'wx-local-appid';

export interface LaunchOptions {
  /** The local cloud whose runner answers `wx.cloud` (its functions folder holds the built functions). */
  cloud: LocalCloud;
  /** Whose phone it is: the OPENID every cloud call carries. */
  openid: string;
  /** The page the app opens on, with its query, as a code or a share would open it (default: app.json's first). */
  url?: string;
  /** The built mini-program (default: dist/, from `npm run build:weapp`). */
  dist?: string;
}

/** A running mini-program: the top page, what it asked WeChat for, and the answers the test lines up. */
export interface WeappApp {
  /** The page on top of the stack. */
  readonly page: WeappPage;
  /** The routes on the stack, bottom first. */
  readonly stack: string[];
  readonly records: Records;
  /** The answer to the next dialog (showModal): confirm or cancel. */
  answerModal(confirm: boolean): void;
  /** What the camera reads at the next scanCode, or 'cancel'. */
  answerScan(answer: ScanAnswer | 'cancel'): void;
  /** The person's choice at the next subscription prompt, per template id asked. */
  answerSubscription(...choices: ('accept' | 'reject')[]): void;
  /** The photos the person picks at the next chooseMedia (temporary paths from tempFile), or 'cancel'. */
  answerMedia(paths: string[] | 'cancel'): void;
  /** A file on the phone (as chosen from the album or taken), by the temporary path WeChat would give. */
  tempFile(bytes: Buffer, extension: string): string;
  /** The app goes to the background and comes back (App and top page onHide, then onShow). */
  leaveAndReturn(): Promise<void>;
  /** Waits until every call, navigation and render the app started has finished. */
  idle(): Promise<void>;
  /** Closes every page and restores the globals; throws when anything went wrong while it ran (strict mode). */
  close(): Promise<void>;
}

/**
 * Launches the built mini-program in jsdom with WeChat's own WXML compiler: App() as WeChat calls it, every page of
 * app.json registered, the start page opened. Each launch loads its own copy of the build and the component engine
 * (webpack runs a page's module once per registry), so launches never share state.
 */
export async function launchApp(options: LaunchOptions): Promise<WeappApp> {
  const dist = options.dist ?? join(REPO, 'dist');
  const appJson = readAppJson(dist);
  const environment = installEnvironment();
  try {
    return await start(options, dist, appJson, environment);
  } catch (error) {
    environment.restore();
    throw error;
  }
}

async function start(
  options: LaunchOptions,
  dist: string,
  appJson: ReturnType<typeof readAppJson>,
  environment: ReturnType<typeof installEnvironment>,
): Promise<WeappApp> {
  const { problems, pending, globals } = environment;
  const records = emptyRecords();
  const answers: Answers = { modals: [], scans: [], subscriptions: [], media: [] };
  const tempFiles = new TempFiles();
  const startUrl = options.url ?? `/${appJson.pages[0]}`;

  const stack: PageStack = new PageStack(
    appJson,
    (route, query) => openPage(route, query),
    (navigation) => records.navigations.push(navigation),
  );
  const currentStack = () => stack;
  globals.wx = {
    ...createWxApi({
      stack: currentStack,
      records,
      answers,
      problem: (text) => problems.add(text),
      pending,
      tempFiles,
    }),
    cloud: createWxCloud({
      cloud: options.cloud,
      openid: options.openid,
      appid: DEFAULT_APPID,
      tempFiles,
      records,
      pending,
    }),
  };
  const build = loadBuild(dist, appJson, globals, () => stack.pages.map((page) => page.instance));

  function openPage(route: string, query: Record<string, string>): OpenPage {
    const page: OpenPage = {
      route,
      query,
      instance: undefined as unknown as PageInstance,
      dom: undefined as unknown as HTMLElement,
      title: appJson.titleOf(route),
      attach() {
        const frame = document.createElement('page-frame');
        document.body.appendChild(frame);
        const rendered = build.render(route, { query, onInstance: (instance) => (page.instance = instance) });
        page.dom = rendered.dom;
        page.detach = () => {
          rendered.detach();
          frame.remove();
        };
        rendered.attach(frame);
      },
      detach() {},
    };
    return page;
  }

  const [path = '', search = ''] = startUrl.replace(/^\//, '').split('?');
  const launchInfo = { path, query: Object.fromEntries(new URLSearchParams(search)), scene: 1001 };
  build.app.onLaunch?.call(build.app, launchInfo);
  build.app.onShow?.call(build.app, launchInfo);
  stack.start(startUrl);

  const host = {
    engine: build.engine,
    idle: () => pending.idle(),
    async followNavigator(openType: string, url: string, delta: number) {
      const api = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch' }[
        openType
      ];
      try {
        if (openType === 'navigateBack') currentStack().navigateBack(delta);
        else if (api) currentStack()[api as 'navigateTo'](url);
        else problems.add(`a <navigator> with an open-type the harness does not know: ${openType}`);
      } catch (error) {
        problems.add(`<navigator url="${url}"> failed: ${(error as Error).message}`);
      }
    },
  };
  await pending.idle();

  return {
    get page() {
      const top = currentStack().top;
      if (!top) throw new Error('no page is open');
      return new WeappPage(top, host);
    },
    get stack() {
      return currentStack().pages.map((page) => page.route);
    },
    records,
    answerModal: (confirm) => answers.modals.push(confirm),
    answerScan: (answer) => answers.scans.push(answer),
    answerSubscription: (...choices) => answers.subscriptions.push(...choices),
    answerMedia: (paths) => answers.media.push(paths),
    tempFile: (bytes, extension) => tempFiles.add(bytes, extension),
    async leaveAndReturn() {
      build.app.onHide?.call(build.app);
      currentStack().hideTop();
      await pending.idle();
      build.app.onShow?.call(build.app, { ...launchInfo, scene: 1089 });
      currentStack().showTop();
      await pending.idle();
    },
    idle: () => pending.idle(),
    async close() {
      await pending.idle().catch((error: Error) => problems.add(error.message));
      currentStack().closeAll();
      build.app.onHide?.call(build.app);
      await pending.idle().catch((error: Error) => problems.add(error.message));
      const found = environment.restore();
      const unanswered = [
        ...answers.modals.map(() => 'a dialog answer'),
        ...answers.scans.map(() => 'a scan'),
        ...answers.subscriptions.map(() => 'a subscription answer'),
        ...answers.media.map(() => 'a photo choice'),
      ];
      if (unanswered.length) found.push(`lined up but never asked for: ${unanswered.join(', ')}`);
      if (found.length) throw new Error(`the mini-program reported problems:\n- ${found.join('\n- ')}`);
    },
  };
}

/**
 * Launches the app, runs the test's steps and closes it. When a step fails, the problems the app reported are added
 * to that failure rather than hiding it; when the steps pass, the problems fail the test.
 */
export async function withApp<T>(options: LaunchOptions, steps: (app: WeappApp) => Promise<T>): Promise<T> {
  const app = await launchApp(options);
  let result: T;
  try {
    result = await steps(app);
  } catch (error) {
    await app.close().catch((problems: Error) => {
      if (error instanceof Error) error.message += `\n\n${problems.message}`;
    });
    throw error;
  }
  await app.close();
  return result;
}
