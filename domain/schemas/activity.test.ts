import { ERRORS } from '../../types/errors';
import { ACTIVITY_INPUTS } from './activity';
import { fieldErrors, inputRefusal, parseInput } from './parse';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 5, 1, 1);
const activity = {
  title: ' 清理楼道杂物 ',
  place: '东街1号院',
  startsAt: start,
  endsAt: start + 2 * HOUR,
  geo: { latitude: 30, longitude: 120, radiusMeters: 100 },
  capacity: 20,
  postId: null,
};

function refusal(schema: Parameters<typeof parseInput>[0], data: unknown) {
  const result = parseInput(schema, data);
  if (result.success) throw new Error('expected a refusal');
  return { ...inputRefusal(result.issues), fields: fieldErrors(result) };
}

describe('ACTIVITY_INPUTS', () => {
  test('an activity is tidied and accepted; the code period is optional', () => {
    const result = parseInput(ACTIVITY_INPUTS.save, activity);
    expect(result).toMatchObject({ success: true, data: { ...activity, title: '清理楼道杂物' } });
  });

  test('the window ends after it starts and lasts at most 24 hours, said beside the end time', () => {
    expect(refusal(ACTIVITY_INPUTS.save, { ...activity, endsAt: start })).toMatchObject({
      code: 'INVALID_INPUT',
      message: ERRORS.END_BEFORE_START,
      fields: { endsAt: ERRORS.END_BEFORE_START },
    });
    expect(refusal(ACTIVITY_INPUTS.save, { ...activity, endsAt: start + 25 * HOUR }).fields).toEqual({
      endsAt: '活动最长24小时',
    });
  });

  test('fence, capacity and code period keep to their ranges', () => {
    const geo = { ...activity.geo, radiusMeters: 49 };
    expect(refusal(ACTIVITY_INPUTS.save, { ...activity, geo }).message).toBe('签到范围至少50米');
    expect(refusal(ACTIVITY_INPUTS.save, { ...activity, capacity: 501 }).message).toBe('名额最多500人');
    expect(refusal(ACTIVITY_INPUTS.save, { ...activity, codeSeconds: 31 }).message).toBe('签到码最多30秒换一次');
  });

  test('a scan carries a code or a held code, exactly one of them', () => {
    expect(parseInput(ACTIVITY_INPUTS.scan, { code: 'a.1.0123456789abcdef' }).success).toBe(true);
    expect(parseInput(ACTIVITY_INPUTS.scan, { holdId: 'h1', location: null }).success).toBe(true);
    expect(refusal(ACTIVITY_INPUTS.scan, {}).code).toBe('INVALID_INPUT');
    expect(refusal(ACTIVITY_INPUTS.scan, { code: 'a.1.0123456789abcdef', holdId: 'h1' }).code).toBe('INVALID_INPUT');
    expect(refusal(ACTIVITY_INPUTS.scan, { holdId: 'h1', location: { latitude: 30 } }).code).toBe('INVALID_INPUT');
  });
});
