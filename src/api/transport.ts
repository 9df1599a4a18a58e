// Mini-program transport: WeChat cloud functions (the browser build uses transport.h5.ts).
import Taro from '@tarojs/taro';
import type { CallResult } from '../../types';
import { initBackend } from './init';

export async function send(fn: string, event: { action: string; data: unknown }): Promise<CallResult<unknown>> {
  initBackend();
  const res = await Taro.cloud.callFunction({ name: fn, data: event });
  return res.result as CallResult<unknown>;
}
