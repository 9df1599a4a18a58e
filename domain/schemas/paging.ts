import * as v from 'valibot';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { request } from './common';

/** How many items a page holds when the request does not say. */
export const PAGE_DEFAULT = 20;

/** A `PageRequest`: the cursor a previous page answered as `next`, and how many items at most (1 to pageMax). */
export const PAGE_REQUEST_FIELDS = {
  cursor: v.optional(
    v.pipe(v.string('翻页位置不对，请刷新后重试'), v.regex(/^[0-9A-Za-z_.:-]{1,80}$/, '翻页位置不对，请刷新后重试')),
  ),
  limit: v.optional(
    v.pipe(
      v.number('每页条数要填数字'),
      v.integer('每页条数要填整数'),
      v.minValue(1, '每页至少1条'),
      v.maxValue(SERVICE_LIMITS.pageMax, `每页最多${SERVICE_LIMITS.pageMax}条`),
    ),
  ),
};

export const pageRequest = request(PAGE_REQUEST_FIELDS);
