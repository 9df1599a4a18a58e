import * as v from 'valibot';
import { ERRORS } from '../../types/errors';
import { CODE_SECONDS_RANGE, SERVICE_LIMITS } from '../../types/service-rules';
import { type InputTable, documentId, maxChars, minChars, request, typedText } from './common';

const { textMin, titleMax, placeMax, capacityMax, activityMaxHours, radiusMinMeters, radiusMaxMeters } = SERVICE_LIMITS;

/** The latest moment a form may name: far enough ahead for any plan (and keeps the number a date). */
const TIME_MAX = Date.UTC(2100, 0, 1);

const activityId = documentId(ERRORS.ACTIVITY_NOT_FOUND);

function moment(missing: string) {
  return v.pipe(v.number(missing), v.integer(missing), v.minValue(0, missing), v.maxValue(TIME_MAX, missing));
}

const latitude = v.pipe(v.number('位置无法识别'), v.minValue(-90, '位置无法识别'), v.maxValue(90, '位置无法识别'));
const longitude = v.pipe(v.number('位置无法识别'), v.minValue(-180, '位置无法识别'), v.maxValue(180, '位置无法识别'));

/** A phone's location (wx.getLocation, gcj02): only compared with the activity's fence, never stored. */
export const geoPoint = v.strictObject({ latitude, longitude }, '位置无法识别');

/** An activity's sign-in fence: a point and a radius. */
export const geoFence = v.strictObject(
  {
    latitude,
    longitude,
    radiusMeters: v.pipe(
      v.number('请填写签到范围'),
      v.integer('签到范围要填整数米'),
      v.minValue(radiusMinMeters, `签到范围至少${radiusMinMeters}米`),
      v.maxValue(radiusMaxMeters, `签到范围最多${radiusMaxMeters}米`),
    ),
  },
  '请重新选择签到位置',
);

/** What staff fill in for an activity (the form checks the same schema before sending). */
export const ACTIVITY_FIELDS = {
  title: v.pipe(
    typedText('活动名称', '请填写活动名称'),
    minChars(textMin, `活动名称至少写${textMin}个字`),
    maxChars(titleMax, `活动名称最多${titleMax}个字`),
  ),
  place: v.pipe(
    typedText('活动地点', '请填写活动地点'),
    minChars(textMin, `活动地点至少写${textMin}个字`),
    maxChars(placeMax, `活动地点最多${placeMax}个字`),
  ),
  startsAt: moment('请选择开始时间'),
  endsAt: moment('请选择结束时间'),
  geo: v.nullable(geoFence),
  capacity: v.pipe(
    v.number('请填写名额'),
    v.integer('名额要填整数'),
    v.minValue(1, '名额至少1人'),
    v.maxValue(capacityMax, `名额最多${capacityMax}人`),
  ),
  postId: v.nullable(documentId(ERRORS.POST_NOT_FOUND)),
  codeSeconds: v.optional(
    v.pipe(
      v.number('请填写签到码更换间隔'),
      v.integer('签到码更换间隔要填整数秒'),
      v.minValue(CODE_SECONDS_RANGE.min, `签到码至少${CODE_SECONDS_RANGE.min}秒换一次`),
      v.maxValue(CODE_SECONDS_RANGE.max, `签到码最多${CODE_SECONDS_RANGE.max}秒换一次`),
    ),
  ),
};

const HOUR = 3_600_000;

/** An activity as staff save it: the window ends after it starts, and lasts at most `activityMaxHours`. */
const saveRequest = v.pipe(
  request({ ...ACTIVITY_FIELDS, activityId: v.optional(activityId) }),
  v.forward(
    v.check((input) => input.endsAt > input.startsAt, ERRORS.END_BEFORE_START),
    ['endsAt'],
  ),
  v.forward(
    v.check((input) => input.endsAt - input.startsAt <= activityMaxHours * HOUR, `活动最长${activityMaxHours}小时`),
    ['endsAt'],
  ),
);

/** Either the code itself (or its URL) or the id of a code held while the person signed in: exactly one. */
const scanRequest = v.pipe(
  request({
    code: v.optional(v.pipe(v.string('签到码无法识别'), v.maxLength(1000, '签到码无法识别'))),
    holdId: v.optional(documentId(ERRORS.HOLD_EXPIRED)),
    location: v.optional(v.nullable(geoPoint)),
  }),
  v.check((input) => (input.code === undefined) !== (input.holdId === undefined), ERRORS.CODE_INVALID),
);

export const ACTIVITY_INPUTS = {
  list: request({
    communityId: v.optional(documentId(ERRORS.COMMUNITY_NOT_FOUND)),
    when: v.optional(v.picklist(['upcoming', 'past'], '请选择近期或往期活动')),
  }),
  get: request({ activityId }),
  save: saveRequest,
  signUp: request({ activityId, cancel: v.optional(v.boolean()) }),
  getCodeKey: request({ activityId }),
  scan: scanRequest,
  holdCode: request({ code: v.pipe(v.string('签到码无法识别'), v.maxLength(1000, '签到码无法识别')) }),
  attendance: request({ activityId }),
  recordAttendance: v.pipe(
    request({
      activityId,
      memberId: documentId('请选择一名党员'),
      signedInAt: moment('请选择签到时间'),
      signedOutAt: moment('请选择签退时间'),
    }),
    v.forward(
      v.check((input) => input.signedOutAt > input.signedInAt, '签退时间要晚于签到时间'),
      ['signedOutAt'],
    ),
  ),
} satisfies InputTable<'activity'>;
