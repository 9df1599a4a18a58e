import type { SubscribeKey, SubscribeMessageValues } from '../../types';
import { SUBSCRIBE_TEMPLATES, fitField } from '../../domain/subscribe-templates';
import { currentTime } from './clock';
import { docs } from './data';
import { sendSubscribeMessage } from './sdk';
import { inTransaction } from './transaction';

/** WeChat's answer when the person has no grant left for the template (refused, or a one-time grant used up). */
const NO_GRANT = 43101;

export function subscriptionId(openid: string, key: SubscribeKey): string {
  return `${openid}_${key}`;
}

/** Takes one of the person's grants for `key`; false when they have none (they did not subscribe, or it is used). */
async function takeGrant(openid: string, key: SubscribeKey): Promise<boolean> {
  return inTransaction(async (transaction) => {
    const subscriptions = docs('subscriptions', transaction);
    const id = subscriptionId(openid, key);
    const held = await subscriptions.get(id);
    if (!held || held.count <= 0) return false;
    await subscriptions.set(id, { openid, key, count: held.count - 1, updatedAt: currentTime() });
    return true;
  });
}

/**
 * Sends the person the message `key`, only when they subscribed to it (one grant is used). Never throws: a message is
 * a courtesy, and the action that sends it has already done its work. `query` is added to the template's page.
 */
export async function notify<K extends SubscribeKey>(
  openid: string,
  key: K,
  values: SubscribeMessageValues[K],
  query = '',
): Promise<boolean> {
  try {
    if (!openid || !(await takeGrant(openid, key))) return false;
    const template = SUBSCRIBE_TEMPLATES[key];
    const fields = template.fields as Record<string, string>;
    const data: Record<string, { value: string }> = {};
    for (const [name, value] of Object.entries(values as Record<string, string>)) {
      const field = fields[name];
      if (field) data[field] = { value: fitField(field, value) };
    }
    const page = query ? `${template.page}?${query}` : template.page;
    const sent = await sendSubscribeMessage({ touser: openid, templateId: template.templateId, page, data });
    if (!sent.ok && sent.errCode === NO_GRANT) {
      await docs('subscriptions').set(subscriptionId(openid, key), {
        openid,
        key,
        count: 0,
        updatedAt: currentTime(),
      });
    }
    if (!sent.ok) console.warn(`subscribe message ${key} to a user was refused: ${sent.errCode}`);
    return sent.ok;
  } catch (error) {
    console.error(error);
    return false;
  }
}
