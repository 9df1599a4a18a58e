import type { TestCloud } from 'wx-local-cloud/testing';
import type { OrderDoc, SubscribeKey } from '../../../types';
import { SUBSCRIBE_TEMPLATES } from '../../../domain/subscribe-templates';
import { aStoredOrder } from '../fixtures';
import { ok } from '../helpers';

/** `openid` accepts `key` in WeChat's prompt `times` times (one grant each). */
export async function subscribed(t: TestCloud, openid: string, key: SubscribeKey, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await ok(t, openid, 'notify', 'subscribe', { accepted: [key] });
}

/** The subscribe messages of `key` the functions sent to `openid`, as WeChat received them. */
export function messagesTo(t: TestCloud, openid: string, key: SubscribeKey) {
  return t.cloud.outbox.list(openid).filter((message) => message.templateId === SUBSCRIBE_TEMPLATES[key].templateId);
}

/**
 * Every field of every message in the outbox fits what WeChat accepts for the field's type (WeChat refuses the whole
 * message otherwise): thing ≤ 20 characters, phrase ≤ 5, name ≤ 10, number digits only, time and date filled in.
 */
export function expectFieldsFitWeChat(t: TestCloud): void {
  const messages = t.cloud.outbox.list();
  for (const message of messages) {
    for (const [field, { value }] of Object.entries(message.data)) {
      const chars = [...value].length;
      const type = field.replace(/\d+$/, '');
      expect(chars).toBeGreaterThan(0);
      if (type === 'thing') expect(chars).toBeLessThanOrEqual(20);
      if (type === 'phrase') expect(chars).toBeLessThanOrEqual(5);
      if (type === 'name') expect(chars).toBeLessThanOrEqual(10);
      if (type === 'number') expect(value).toMatch(/^\d{1,32}$/);
      if (type === 'time') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      if (type === 'date') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
  }
}

/** A request of C01 in `status` (written straight to the database: the digest only counts them). */
export function anOrder(id: string, at: number, p: Partial<OrderDoc> = {}): OrderDoc {
  return aStoredOrder({
    _id: id,
    wantedBy: at + 86_400_000,
    residentId: `resident-${id}`,
    createdAt: at,
    updatedAt: at,
    ...p,
  });
}
