import * as v from 'valibot';
import type { RecordStatus } from '../../types/service-documents';
import { ERRORS } from '../../types/errors';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { PAGE_REQUEST_FIELDS, pageRequest } from './paging';
import { type InputTable, documentId, list, maxChars, minChars, request, typedText } from './common';

const { textMin, descriptionMax, reasonMax, photosMin, photosMax, batchMax } = SERVICE_LIMITS;

const RECORD_STATUSES = [
  'signedIn',
  'awaitingRating',
  'pending',
  'confirmed',
  'rejected',
] as const satisfies readonly RecordStatus[];

/** The latest moment a record may name (keeps the number a date). */
const TIME_MAX = Date.UTC(2100, 0, 1);

/** A moment as the app sends it: whole milliseconds since 1970. */
function moment(message: string) {
  return v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(TIME_MAX, message));
}

const recordId = documentId(ERRORS.RECORD_NOT_FOUND);

/** What a member fills in to report self-organised service (the form checks the same fields before sending). */
export const REPORT_FIELDS = {
  postId: documentId('请选择服务的岗位'),
  startAt: moment('请选择开始时间'),
  endAt: moment('请选择结束时间'),
  description: v.pipe(
    typedText('服务内容', '请填写做了什么'),
    minChars(textMin, `服务内容至少写${textMin}个字`),
    maxChars(descriptionMax, `服务内容最多${descriptionMax}个字`),
  ),
  photos: v.pipe(
    list(
      v.pipe(
        v.string(ERRORS.PHOTO_INVALID),
        v.minLength(1, ERRORS.PHOTO_INVALID),
        v.maxLength(1024, ERRORS.PHOTO_INVALID),
      ),
      '请上传服务照片',
      photosMax,
      `照片最多${photosMax}张`,
    ),
    v.minLength(photosMin, `请至少上传${photosMin}张照片`),
  ),
};

export const RECORD_INPUTS = {
  report: request(REPORT_FIELDS),
  listMine: request({ ...PAGE_REQUEST_FIELDS, status: v.optional(v.picklist(RECORD_STATUSES, '未知的记录状态')) }),
  queue: pageRequest,
  confirm: request({
    recordIds: v.pipe(
      list(recordId, '请选择要认定的记录', batchMax, `一次最多认定${batchMax}条`),
      v.minLength(1, '请选择要认定的记录'),
    ),
  }),
  reject: request({
    recordId,
    reason: v.pipe(
      typedText('不予认定的理由', '请填写不予认定的理由'),
      minChars(textMin, `理由至少写${textMin}个字`),
      maxChars(reasonMax, `理由最多${reasonMax}个字`),
    ),
  }),
  correct: request({
    recordId,
    startAt: moment('请选择开始时间'),
    endAt: moment('请选择结束时间'),
    note: v.pipe(
      typedText('更正说明', '请填写更正说明'),
      minChars(textMin, `更正说明至少写${textMin}个字`),
      maxChars(descriptionMax, `更正说明最多${descriptionMax}个字`),
    ),
  }),
  overdue: pageRequest,
  verifyLedger: request({ communityId: v.optional(documentId(ERRORS.COMMUNITY_NOT_FOUND)) }),
} satisfies InputTable<'record'>;
