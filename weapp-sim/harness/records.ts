/** What the mini-program asked WeChat to do, in order, for a test to read. */
export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack';
  url: string;
}
export interface Toast {
  title: string;
  icon?: string;
}
export interface Modal {
  title?: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  /** How the test had the person answer. */
  confirmed: boolean;
}
export interface SubscriptionRequest {
  tmplIds: string[];
  /** What the person chose for each template id. */
  answer: Record<string, 'accept' | 'reject'>;
}
export interface Scan {
  onlyFromCamera?: boolean;
  answered: ScanAnswer | 'cancel';
}
/** A photo viewer the page opened (previewImage). */
export interface Preview {
  current?: string;
  urls: string[];
}
export interface ScanAnswer {
  result: string;
  /** Set when the code is one of this mini-program's own (its page and scene). */
  path?: string;
  scanType?: string;
}

export interface Records {
  navigations: Navigation[];
  toasts: Toast[];
  modals: Modal[];
  subscriptions: SubscriptionRequest[];
  scans: Scan[];
  previews: Preview[];
  /** Every cloud function call: name, action and whether the function answered ok. */
  calls: { name: string; action: string; ok: boolean }[];
}

export function emptyRecords(): Records {
  return { navigations: [], toasts: [], modals: [], subscriptions: [], scans: [], previews: [], calls: [] };
}

/** The answers a test has lined up for the next dialogs, scans and subscription prompts (first in, first out). */
export interface Answers {
  modals: boolean[];
  scans: (ScanAnswer | 'cancel')[];
  subscriptions: ('accept' | 'reject')[];
  /** What the person picks at the next chooseMedia: temporary paths (app.tempFile), or 'cancel'. */
  media: (string[] | 'cancel')[];
}
