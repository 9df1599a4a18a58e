import * as v from 'valibot';
import { POST_KINDS } from '../../types/catalogue';
import { ERRORS } from '../../types/errors';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { type InputTable, documentId, maxChars, minChars, request, typedText } from './common';

const { textMin, dutyMax, forWhomMax, capacityMax } = SERVICE_LIMITS;

/** The latest `until` a post may have: a few years ahead is plenty (and keeps the number a date). */
const UNTIL_MAX = Date.UTC(2100, 0, 1);

const postId = documentId(ERRORS.POST_NOT_FOUND);

/** What staff fill in for a post (the form checks the same schema before sending). */
export const POST_FIELDS = {
  kind: v.picklist(POST_KINDS, '请选择岗位类别'),
  duty: v.pipe(
    typedText('岗位职责', '请填写岗位做什么'),
    minChars(textMin, `岗位职责至少写${textMin}个字`),
    maxChars(dutyMax, `岗位职责最多${dutyMax}个字`),
  ),
  forWhom: v.pipe(
    typedText('服务对象', '请填写为谁服务'),
    minChars(textMin, `服务对象至少写${textMin}个字`),
    maxChars(forWhomMax, `服务对象最多${forWhomMax}个字`),
  ),
  capacity: v.pipe(
    v.number('请填写名额'),
    v.integer('名额要填整数'),
    v.minValue(1, '名额至少1人'),
    v.maxValue(capacityMax, `名额最多${capacityMax}人`),
  ),
  until: v.pipe(
    v.number('请选择截止日期'),
    v.integer('请选择截止日期'),
    v.minValue(0, '请选择截止日期'),
    v.maxValue(UNTIL_MAX, '截止日期太远了，请重新选择'),
  ),
};

export const POST_INPUTS = {
  list: request({
    communityId: v.optional(documentId(ERRORS.COMMUNITY_NOT_FOUND)),
    includeClosed: v.optional(v.boolean()),
  }),
  save: request({ ...POST_FIELDS, postId: v.optional(postId) }),
  close: request({ postId }),
  claim: request({ postId }),
  leave: request({ postId }),
} satisfies InputTable<'post'>;
