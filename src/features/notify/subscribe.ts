import Taro from '@tarojs/taro';
import type { SubscribeKey } from '../../../types';
import { SUBSCRIBE_TEMPLATES } from '../../../domain/subscribe-templates';
import { call } from '../../api/client';

/**
 * Asks WeChat to let the app send the messages `keys` (at most 3, one-time each) and tells the cloud which ones the
 * person accepted. WeChat opens its prompt only from a tap: call this FIRST in the tap's handler, before any other
 * await. Never throws: a refused or failed prompt just means no message.
 */
export async function askToSubscribe(keys: SubscribeKey[]): Promise<SubscribeKey[]> {
  const wanted = keys.slice(0, 3);
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map((key) => SUBSCRIBE_TEMPLATES[key].templateId),
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const accepted = wanted.filter((key) => answer[SUBSCRIBE_TEMPLATES[key].templateId] === 'accept');
    if (accepted.length > 0) await call('notify', 'subscribe', { accepted });
    return accepted;
  } catch {
    return [];
  }
}
