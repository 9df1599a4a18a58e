import { chinaMoment, chinaToday, initialReport, validateReport, type ReportForm } from './report-form';

/** 15:00 China time on 5 December 2026. */
const NOW = Date.UTC(2026, 11, 5, 7, 0);
const photo = { fileID: 'cloud://env.bucket/uploads/a.png', src: 'wxfile://tmp_a.png' };
const filled = (p: Partial<ReportForm> = {}): ReportForm => ({
  postId: 'P01',
  date: '2026-12-05',
  start: '09:00',
  end: '10:30',
  description: '陪王奶奶去医院取药',
  photos: [photo],
  ...p,
});

test('a China-time date and time of day is one moment, whatever the zone the phone is in', () => {
  expect(chinaMoment('2026-12-05', '09:00')).toBe(Date.UTC(2026, 11, 5, 1, 0));
  expect(chinaMoment('2026-12-05', '00:30')).toBe(Date.UTC(2026, 11, 4, 16, 30));
  expect(chinaMoment('', '09:00')).toBeNull();
  expect(chinaToday(Date.UTC(2026, 11, 4, 16, 30))).toBe('2026-12-05');
  expect(initialReport('P01', NOW)).toMatchObject({ postId: 'P01', date: '2026-12-05', photos: [] });
});

test('a filled form becomes the request the function takes', () => {
  expect(validateReport(filled(), NOW)).toEqual({
    errors: {},
    request: {
      postId: 'P01',
      startAt: Date.UTC(2026, 11, 5, 1, 0),
      endAt: Date.UTC(2026, 11, 5, 2, 30),
      description: '陪王奶奶去医院取药',
      photos: [photo.fileID],
    },
  });
});

test.each([
  ['no post', { postId: '' }, 'postId', '请选择服务的岗位'],
  ['a day after today', { date: '2026-12-06' }, 'date', '服务日期不能晚于今天'],
  ['no start', { start: '' }, 'start', '请选择开始时间'],
  ['end before start', { start: '11:00', end: '10:00' }, 'end', '结束时间要晚于开始时间'],
  ['an end still to come', { start: '14:00', end: '16:00' }, 'end', '结束时间还没到，请服务结束后再记录'],
  ['one character', { description: ' 扫 ' }, 'description', '请写一写做了什么，至少2个字'],
  ['301 characters', { description: '扫'.repeat(301) }, 'description', '最多300个字，请删减一些'],
  ['no photo', { photos: [] as ReportForm['photos'] }, 'photos', '请至少添加1张照片'],
] as const)('%s is refused with its own message', (_, change, field, message) => {
  const { errors, request } = validateReport(filled(change), NOW);
  expect(request).toBeNull();
  expect(errors).toEqual({ [field]: message });
});
