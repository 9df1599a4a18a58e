import { chinaMoment } from '../../../features/orders/order-form';
import { type OnBehalfForm, emptyForm, validateOnBehalf } from './on-behalf-form';

/** 15:00 China time on 5 December 2026. */
const NOW = Date.UTC(2026, 11, 5, 7, 0);

const filled = (p: Partial<OnBehalfForm> = {}): OnBehalfForm => ({
  ...emptyForm(),
  name: '赵奶奶',
  phone: '139 6666 0123',
  compound: '和平小区',
  building: '7栋',
  unit: '1单元',
  room: '302',
  kind: '生活帮扶',
  text: '想请人帮忙去社保所办认证',
  date: '2026-12-07',
  time: '10:00',
  ...p,
});

test('a filled form becomes what order.postOnBehalf takes, the request checked as 我要点单 checks it', () => {
  expect(validateOnBehalf(filled(), NOW)).toEqual({
    errors: {},
    request: {
      kind: '生活帮扶',
      text: '想请人帮忙去社保所办认证',
      wantedBy: chinaMoment('2026-12-07', '10:00'),
      photos: [],
      contact: {
        name: '赵奶奶',
        phone: '13966660123',
        compound: '和平小区',
        building: '7栋',
        unit: '1单元',
        room: '302',
      },
    },
  });
});

test('an empty form says what each field needs, contact and request alike', () => {
  const { request, errors } = validateOnBehalf(emptyForm(), NOW);
  expect(request).toBeNull();
  expect(Object.keys(errors).sort()).toEqual(
    ['building', 'compound', 'date', 'kind', 'name', 'phone', 'room', 'text', 'time', 'unit'].sort(),
  );
  expect(errors).toMatchObject({ kind: '请选择需求类别', date: '请选择哪一天', room: '请填写房号' });
  expect(validateOnBehalf(filled({ date: '2026-12-05', time: '14:00' }), NOW).errors).toEqual({
    time: '希望办好的时间要晚于现在',
  });
});
