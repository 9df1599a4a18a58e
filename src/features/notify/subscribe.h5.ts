import Taro from '@tarojs/taro';
import type { SubscribeKey } from '../../../types';
import { call } from '../../api/client';

/**
 * The browser build has no WeChat prompt: the same question in a dialog, so that the local cloud's outbox shows what
 * WeChat would have sent. Never throws.
 */
export async function askToSubscribe(keys: SubscribeKey[]): Promise<SubscribeKey[]> {
  const wanted = keys.slice(0, 3);
  try {
    const { confirm } = await Taro.showModal({
      title: '消息提醒',
      content: '有进展时用微信消息提醒您吗？',
      confirmText: '提醒我',
      cancelText: '不用了',
      confirmColor: '#c8161d',
    });
    if (!confirm) return [];
    await call('notify', 'subscribe', { accepted: wanted });
    return wanted;
  } catch {
    return [];
  }
}
