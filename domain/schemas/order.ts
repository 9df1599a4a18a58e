import * as v from 'valibot';
import { ORDER_KINDS } from '../../types/catalogue';
import { ERRORS } from '../../types/errors';
import { MOBILE_PHONE, ORDER_LIMITS as L } from '../../types/limits';
import type { OrderListFilter } from '../../types/api/order';
import { plainPhoneNumber } from '../text';
import { PAGE_REQUEST_FIELDS } from './paging';
import { type InputTable, documentId, list, maxChars, minChars, noInput, request, typedText } from './common';
import { refusedWith } from './parse';

/** The latest moment a request may name (keeps the number a date). */
const TIME_MAX = Date.UTC(2100, 0, 1);

function moment(message: string) {
  return v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(TIME_MAX, message));
}

const orderId = documentId(ERRORS.ORDER_NOT_FOUND);
const phoneMessage = '请填写11位手机号';

function fileIds(max: number, tooMany: string) {
  return list(
    v.pipe(
      v.string(ERRORS.PHOTO_INVALID),
      v.minLength(1, ERRORS.PHOTO_INVALID),
      v.maxLength(1024, ERRORS.PHOTO_INVALID),
    ),
    '照片格式不对，请重新上传',
    max,
    tooMany,
  );
}

function doorPart(what: string) {
  return v.pipe(
    typedText(what, `请填写${what}`),
    v.nonEmpty(`请填写${what}`),
    maxChars(L.doorPartMax, `${what}最多${L.doorPartMax}个字`),
  );
}

const nameField = v.pipe(
  typedText('姓名', '请填写姓名'),
  v.nonEmpty('请填写姓名'),
  minChars(L.nameMin, `姓名至少${L.nameMin}个字`),
  maxChars(L.nameMax, `姓名最多${L.nameMax}个字`),
);

const phoneField = v.pipe(
  v.string(phoneMessage),
  v.transform(plainPhoneNumber),
  v.nonEmpty('请填写手机号'),
  v.regex(MOBILE_PHONE, phoneMessage),
);

/** Where a resident lives (the profile form and staff's form for a resident without a smartphone). */
export const ADDRESS_FIELDS = {
  compound: v.pipe(
    typedText('小区', '请填写小区名称'),
    v.nonEmpty('请填写小区名称'),
    maxChars(L.compoundMax, `小区名称最多${L.compoundMax}个字`),
  ),
  building: doorPart('楼栋'),
  unit: doorPart('单元'),
  room: doorPart('房号'),
};

/** What the profile form sends: the phone typed, or the phone button's code. */
export const PROFILE_FIELDS = {
  name: nameField,
  phone: v.optional(phoneField),
  phoneCode: v.optional(
    v.pipe(v.string(ERRORS.PHONE_CODE_INVALID), v.regex(/^[\x21-\x7e]{1,128}$/, ERRORS.PHONE_CODE_INVALID)),
  ),
  communityId: documentId('请选择所在社区'),
  ...ADDRESS_FIELDS,
};

export const profileRequest = v.pipe(
  request(PROFILE_FIELDS),
  v.forward(
    v.partialCheck(
      [['phone'], ['phoneCode']],
      (value) => value.phone !== undefined || value.phoneCode !== undefined,
      phoneMessage,
    ),
    ['phone'],
  ),
);

/** What a request asks for (the form checks the same fields before sending). */
export const ORDER_FIELDS = {
  kind: v.picklist(ORDER_KINDS, '请选择需求类别'),
  text: v.pipe(
    typedText('需求内容', '请写下您需要什么帮助'),
    minChars(L.textMin, `需求内容至少写${L.textMin}个字`),
    maxChars(L.textMax, `需求内容最多${L.textMax}个字`),
  ),
  wantedBy: moment('请选择希望什么时候办好'),
  photos: fileIds(L.photosMax, `照片最多${L.photosMax}张`),
};

const reasonField = (what: string) =>
  v.pipe(
    typedText(what, `请填写${what}`),
    minChars(2, `${what}至少写2个字`),
    maxChars(L.reasonMax, `${what}最多${L.reasonMax}个字`),
  );

const starsField = v.pipe(
  v.number('请选择评价星级'),
  v.integer('请选择评价星级'),
  v.minValue(1, '评价最少1颗星'),
  v.maxValue(5, '评价最多5颗星'),
);

const commentField = v.pipe(typedText('评价', '请填写评价'), maxChars(L.commentMax, `评价最多${L.commentMax}个字`));

/** What the taker fills in when the request is done (the form checks the same fields before sending). */
export const DONE_FIELDS = {
  orderId,
  note: v.pipe(
    typedText('办理情况', '请写下办理的情况'),
    minChars(2, '办理情况至少写2个字'),
    maxChars(L.doneNoteMax, `办理情况最多${L.doneNoteMax}个字`),
  ),
  photos: fileIds(L.donePhotosMax, `照片最多${L.donePhotosMax}张`),
  startAt: moment('请选择开始时间'),
  endAt: moment('请选择结束时间'),
};

const ORDER_FILTERS = [
  'submitted',
  'published',
  'taken',
  'done',
  'finished',
  'closed',
] as const satisfies readonly OrderListFilter[];

const pageOnly = request(PAGE_REQUEST_FIELDS);

export const ORDER_INPUTS = {
  getProfile: noInput,
  saveProfile: profileRequest,
  deleteProfile: request({
    confirm: v.custom<true>((value) => value === true, refusedWith('CONFIRMATION_NEEDED')),
  }),
  post: request(ORDER_FIELDS),
  postOnBehalf: request({
    ...ORDER_FIELDS,
    contact: request({ name: nameField, phone: phoneField, ...ADDRESS_FIELDS }),
  }),
  listMine: pageOnly,
  get: request({ orderId }),
  cancel: request({ orderId }),
  listForStaff: request({ ...PAGE_REQUEST_FIELDS, filter: v.picklist(ORDER_FILTERS, '未知的需求状态') }),
  publish: request({ orderId }),
  merge: request({ orderId, intoId: documentId(ERRORS.MERGE_TARGET_INVALID) }),
  reject: request({ orderId, reason: reasonField('退回理由') }),
  escalated: pageOnly,
  listOpen: pageOnly,
  listTaken: pageOnly,
  take: request({ orderId }),
  release: request({ orderId, reason: reasonField('放弃的理由') }),
  markDone: request(DONE_FIELDS),
  rate: request({ orderId, stars: starsField, comment: commentField }),
  confirmDone: request({ orderId, stars: v.nullable(starsField), comment: commentField }),
} satisfies InputTable<'order'>;
