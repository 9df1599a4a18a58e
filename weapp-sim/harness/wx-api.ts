import { NavigationError, type PageStack } from './navigation';
import { type Pending, respond } from './pending';
import type { Answers, Records, ScanAnswer } from './records';
import type { TempFiles } from './temp-files';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

interface WxOptions {
  stack: () => PageStack;
  records: Records;
  answers: Answers;
  problem: (text: string) => void;
  pending: Pending;
  tempFiles: TempFiles;
}

/**
 * The parts of `wx` that our pages use and a test needs to see or answer: navigation through the harness's page
 * stack, toasts and dialogs recorded (dialogs, scans and subscription prompts answered from the test's queue — an
 * unexpected one is a problem), and the navigation bar title.
 */
export function createWxApi({ stack, records, answers, problem, pending, tempFiles }: WxOptions) {
  const later = (options: Callbacks, work: () => unknown) => respond(options, pending.run(work));
  const tempFilesOf = (path: string): Buffer => {
    const bytes = tempFiles.read(path);
    if (!bytes) throw { errMsg: `file not found: ${path}` };
    return bytes;
  };

  const navigate =
    (api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') => (options: Callbacks & { url: string }) =>
      later(options, () => {
        try {
          stack()[api](options.url);
        } catch (error) {
          if (error instanceof NavigationError) throw { errMsg: error.message };
          throw error;
        }
        return { errMsg: `${api}:ok` };
      });

  return {
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack(options: Callbacks & { delta?: number } = {}) {
      return later(options, () => {
        try {
          stack().navigateBack(options.delta);
        } catch (error) {
          if (error instanceof NavigationError) throw { errMsg: error.message };
          throw error;
        }
        return { errMsg: 'navigateBack:ok' };
      });
    },

    showToast(options: Callbacks & { title: string; icon?: string }) {
      records.toasts.push({ title: options.title, icon: options.icon });
      return later(options, () => ({ errMsg: 'showToast:ok' }));
    },
    hideToast: (options: Callbacks = {}) => later(options, () => ({ errMsg: 'hideToast:ok' })),
    showLoading: (options: Callbacks = {}) => later(options, () => ({ errMsg: 'showLoading:ok' })),
    hideLoading: (options: Callbacks = {}) => later(options, () => ({ errMsg: 'hideLoading:ok' })),

    showModal(options: Callbacks & { title?: string; content?: string; confirmText?: string; cancelText?: string }) {
      const next = answers.modals.shift();
      if (next === undefined)
        problem(`a dialog the test did not expect: ${options.title ?? ''} ${options.content ?? ''}`);
      const confirmed = next ?? false;
      const { title, content, confirmText, cancelText } = options;
      records.modals.push({ title, content, confirmText, cancelText, confirmed });
      return later(options, () => ({ errMsg: 'showModal:ok', confirm: confirmed, cancel: !confirmed }));
    },

    scanCode(options: Callbacks & { onlyFromCamera?: boolean }) {
      const next = answers.scans.shift();
      if (next === undefined) problem('a scan the test did not expect');
      const answered: ScanAnswer | 'cancel' = next ?? 'cancel';
      records.scans.push({ onlyFromCamera: options.onlyFromCamera, answered });
      return later(options, () => {
        if (answered === 'cancel') throw { errMsg: 'scanCode:fail cancel' };
        return {
          errMsg: 'scanCode:ok',
          result: answered.result,
          path: answered.path,
          scanType: answered.scanType ?? (answered.path ? 'WX_CODE' : 'QR_CODE'),
          charSet: 'utf-8',
        };
      });
    },

    chooseMedia(options: Callbacks & { count?: number; mediaType?: string[]; sizeType?: string[] }) {
      const next = answers.media.shift();
      if (next === undefined) problem('a photo chooser the test did not expect');
      const chosen = next ?? 'cancel';
      return later(options, () => {
        if (chosen === 'cancel') throw { errMsg: 'chooseMedia:fail cancel' };
        if (chosen.length > (options.count ?? 9)) problem(`chooseMedia allowed ${options.count}, the test chose more`);
        const tempFiles = chosen.map((tempFilePath) => {
          const bytes = tempFilesOf(tempFilePath);
          return { tempFilePath, size: bytes.length, fileType: 'image', duration: 0, height: 0, width: 0 };
        });
        return { errMsg: 'chooseMedia:ok', type: 'image', tempFiles };
      });
    },

    /** A new temporary file with the same bytes (the harness does not re-encode pictures). */
    compressImage(options: Callbacks & { src: string; quality?: number }) {
      return later(options, () => {
        const bytes = tempFilesOf(options.src);
        const extension = /\.([A-Za-z0-9]+)$/.exec(options.src)?.[1] ?? 'jpg';
        return { errMsg: 'compressImage:ok', tempFilePath: tempFiles.add(bytes, extension) };
      });
    },

    previewImage(options: Callbacks & { current?: string; urls: string[] }) {
      records.previews.push({ current: options.current, urls: [...options.urls] });
      return later(options, () => ({ errMsg: 'previewImage:ok' }));
    },

    /** The test's phone has no location to give (as when the person declines): pages must go on without one. */
    getLocation(options: Callbacks & { type?: string }) {
      return later(options, () => {
        throw { errMsg: 'getLocation:fail auth deny' };
      });
    },

    setKeepScreenOn(options: Callbacks & { keepScreenOn: boolean }) {
      return later(options, () => ({ errMsg: 'setKeepScreenOn:ok' }));
    },

    requestSubscribeMessage(options: Callbacks & { tmplIds: string[] }) {
      const entries = options.tmplIds.map((id) => {
        const next = answers.subscriptions.shift();
        if (next === undefined) problem(`a subscription prompt the test did not expect: ${id}`);
        return [id, next ?? 'reject'] as const;
      });
      const answer = Object.fromEntries(entries);
      records.subscriptions.push({ tmplIds: options.tmplIds, answer });
      return later(options, () => ({ errMsg: 'requestSubscribeMessage:ok', ...answer }));
    },

    setNavigationBarTitle(options: Callbacks & { title: string }) {
      const top = stack().top;
      if (top) top.title = options.title;
      return later(options, () => ({ errMsg: 'setNavigationBarTitle:ok' }));
    },
  };
}
