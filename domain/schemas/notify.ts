import * as v from 'valibot';
import { SUBSCRIBE_KEYS } from '../../types/notifications';
import { type InputTable, list, noInput, request } from './common';

export const NOTIFY_INPUTS = {
  subscribe: request({
    accepted: list(
      v.picklist(SUBSCRIBE_KEYS, '未知的消息类别'),
      '请选择要订阅的消息',
      SUBSCRIBE_KEYS.length,
      '订阅的消息太多了',
    ),
  }),
  mine: noInput,
} satisfies InputTable<'notify'>;
