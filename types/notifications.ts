/**
 * The subscribe messages the app sends (WeChat one-time subscriptions). Each key's template id and the template's
 * field names come from `config/subscribe-messages.json`, filled in with the account's own templates.
 */
export const SUBSCRIBE_KEYS = ['orderTaken', 'orderDone', 'recordDecided', 'dailyDigest'] as const;
export type SubscribeKey = (typeof SUBSCRIBE_KEYS)[number];

/** The values each message carries, by our own names (the configuration maps them to the template's fields). */
export interface SubscribeMessageValues {
  orderTaken: { kind: string; taker: string; takenAt: string };
  orderDone: { kind: string; taker: string; doneAt: string };
  recordDecided: { what: string; result: string; note: string; decidedAt: string };
  dailyDigest: { community: string; pending: string; detail: string; date: string };
}

/** One template from the configuration: its id, the page it opens, and our names → the template's field keys. */
export interface SubscribeTemplate<K extends SubscribeKey = SubscribeKey> {
  templateId: string;
  page: string;
  fields: { [F in keyof SubscribeMessageValues[K]]: string };
}

export type SubscribeTemplates = { [K in SubscribeKey]: SubscribeTemplate<K> };

/** The most one-time grants kept per person and message (each accepted prompt adds one). */
export const SUBSCRIPTION_COUNT_MAX = 30;
