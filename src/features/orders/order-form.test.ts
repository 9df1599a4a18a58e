import {
  type DoneForm,
  type OrderForm,
  type ProfileForm,
  chinaMoment,
  initialProfile,
  reasonError,
  validateDone,
  validateOrder,
  validateProfile,
} from './order-form';

/** 15:00 China time on 5 December 2026. */
const NOW = Date.UTC(2026, 11, 5, 7, 0);
const photo = { fileID: 'cloud://env.bucket/uploads/a.png', src: 'wxfile://tmp_a.png' };

const order = (p: Partial<OrderForm> = {}): OrderForm => ({
  kind: '维修',
  text: '家里水龙头漏水，想请人帮忙换一个',
  date: '2026-12-07',
  time: '18:00',
  photos: [photo],
  ...p,
});

test('a filled request becomes what order.post takes', () => {
  expect(validateOrder(order(), NOW)).toEqual({
    errors: {},
    request: {
      kind: '维修',
      text: '家里水龙头漏水，想请人帮忙换一个',
      wantedBy: Date.UTC(2026, 11, 7, 10, 0),
      photos: [photo.fileID],
    },
  });
});

test('a request is refused with a word beside each field, as the schema words it', () => {
  const { errors, request } = validateOrder(order({ kind: '', text: '漏水', date: '', time: '', photos: [] }), NOW);
  expect(request).toBeNull();
  expect(errors).toEqual({
    kind: '请选择需求类别',
    text: '需求内容至少写4个字',
    date: '请选择哪一天',
    time: '请选择几点',
  });
  expect(validateOrder(order({ date: '2026-12-05', time: '14:00' }), NOW).errors).toEqual({
    time: '希望办好的时间要晚于现在',
  });
  expect(validateOrder(order({ date: '2027-06-01' }), NOW).errors).toEqual({ date: '最多选90天以内' });
  expect(validateOrder(order({ photos: [photo, photo, photo, photo] }), NOW).errors).toEqual({
    photos: '照片最多3张',
  });
});

const profile = (p: Partial<ProfileForm> = {}): ProfileForm => ({
  ...initialProfile(null, '王大妈'),
  phone: '139 0000 5555',
  communityId: 'C01',
  compound: '幸福小区',
  building: '3栋',
  unit: '2单元',
  room: '501',
  ...p,
});

test('a profile sends the typed phone tidied, or the phone button code instead', () => {
  expect(validateProfile(profile()).request).toEqual({
    name: '王大妈',
    phone: '13900005555',
    communityId: 'C01',
    compound: '幸福小区',
    building: '3栋',
    unit: '2单元',
    room: '501',
  });
  expect(validateProfile(profile({ phone: '', phoneCode: 'code-1' })).request).toMatchObject({ phoneCode: 'code-1' });
  expect(validateProfile(profile({ phone: '12345', room: '', communityId: '' })).errors).toEqual({
    phone: '请填写11位手机号',
    room: '请填写房号',
    communityId: '请选择所在社区',
  });
});

const done = (p: Partial<DoneForm> = {}): DoneForm => ({
  note: '已上门更换水龙头',
  photos: [],
  date: '2026-12-05',
  start: '09:00',
  end: '10:00',
  ...p,
});

test('what the taker did becomes markDone, with times in order and past', () => {
  expect(validateDone('O1', done(), NOW).request).toEqual({
    orderId: 'O1',
    note: '已上门更换水龙头',
    photos: [],
    startAt: chinaMoment('2026-12-05', '09:00'),
    endAt: chinaMoment('2026-12-05', '10:00'),
  });
  expect(validateDone('O1', done({ end: '08:00' }), NOW).errors).toEqual({ end: '结束时间要晚于开始时间' });
  expect(validateDone('O1', done({ end: '16:00' }), NOW).errors).toEqual({ end: '结束时间还没到，请办好后再登记' });
  expect(validateDone('O1', done({ date: '2026-12-06' }), NOW).errors.date).toBe('服务日期不能晚于今天');
});

test('the service starts no earlier than the take (its whole minute), where the form knows it', () => {
  const takenAt = chinaMoment('2026-12-05', '09:30')! + 20_000;
  expect(validateDone('O1', done(), NOW, takenAt).errors).toEqual({ start: '开始时间要在您领办之后（12月5日 09:30）' });
  expect(validateDone('O1', done({ date: '2026-12-04' }), NOW, takenAt).errors).toEqual({
    date: '服务日期不能早于您领办的那天（12月5日 09:30）',
  });
  expect(validateDone('O1', done({ start: '09:30' }), NOW, takenAt).request).toMatchObject({
    startAt: chinaMoment('2026-12-05', '09:30'),
  });
  expect(validateDone('O1', done(), NOW, null).request).not.toBeNull();
});

test('a reason has 2 to 100 characters', () => {
  expect(reasonError('退回理由', ' 好 ')).toBe('请写明退回理由，至少2个字');
  expect(reasonError('退回理由', '重复了')).toBeNull();
  expect(reasonError('退回理由', '长'.repeat(101))).toBe('退回理由最多100个字');
});
