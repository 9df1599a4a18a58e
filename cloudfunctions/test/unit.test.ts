import type { TestCloud } from 'wx-local-cloud/testing';
import type { MemberDoc } from '../../types';
import { aMember, insert } from './fixtures';
import { call, ok, registration, seedCounty, startFunctionsCloud, verifiedMember } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  const ago = (days: number) => Date.now() - days * 86_400_000;
  const member = (id: string, extra: Partial<MemberDoc>) =>
    aMember({
      _id: id,
      name: id,
      phone: '13700000000',
      unitId: 'U02',
      pledge: '服务群众',
      registeredAt: ago(200),
      unitJoinedAt: ago(200),
      updatedAt: ago(1),
      ...extra,
    });
  await insert(
    t.db,
    'members',
    member('old-a', { registeredAt: ago(300), unitJoinedAt: ago(300) }),
    member('old-b', { registeredAt: ago(100), unitJoinedAt: ago(100) }),
    member('fresh', { registeredAt: ago(3), unitJoinedAt: ago(3), status: 'unverified' }),
    member('moved-in', { previousUnitId: 'U01', unitJoinedAt: ago(5) }),
    member('settled', { communityId: 'C01', checkInId: 'x', checkedInAt: ago(50), serviceCardNo: 'HX20260100900' }),
    member('refused', { status: 'rejected' }),
  );
});
afterAll(() => t.close());

describe('unit.list', () => {
  test('any signed-in person gets the county units for the registration picker', async () => {
    expect((await ok(t, 'stranger', 'unit', 'list')).units).toEqual([
      { id: 'U01', name: '县财政局' },
      { id: 'U02', name: '县教育局' },
    ]);
  });
});

describe('unit.listNotCheckedIn', () => {
  test('lists members without a community, new and transferred first, phones masked', async () => {
    const { unit, members } = await ok(t, 'admin-U02', 'unit', 'listNotCheckedIn');
    expect(unit).toEqual({ id: 'U02', name: '县教育局' });
    expect(members.map((m) => [m.memberId, m.flag])).toEqual([
      ['fresh', 'new'],
      ['moved-in', 'transferred'],
      ['old-b', null],
      ['old-a', null],
    ]);
    expect(members[0].phoneMasked).toBe('137****0000');
    expect(JSON.stringify(members)).not.toContain('13700000000');
  });

  test('a member who checks in leaves the list', async () => {
    await verifiedMember(t, 'joins-late', 'U02');
    expect((await ok(t, 'admin-U02', 'unit', 'listNotCheckedIn')).members.map((m) => m.memberId)).toContain(
      'joins-late',
    );
    await ok(t, 'joins-late', 'checkin', 'checkIn', { communityId: 'C02' });
    expect((await ok(t, 'admin-U02', 'unit', 'listNotCheckedIn')).members.map((m) => m.memberId)).not.toContain(
      'joins-late',
    );
  });

  test('only unit admins may see it', async () => {
    for (const who of ['stranger', 'staff-C01', 'county', 'settled']) {
      expect(await call(t, who, 'unit', 'listNotCheckedIn')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

describe('unit.verifyMember', () => {
  test('confirms a member of the own unit once, and logs who did it', async () => {
    await ok(t, 'v-1', 'user', 'register', registration());
    const { member } = await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'v-1', decision: 'verify' });
    expect(member).toMatchObject({ memberId: 'v-1', status: 'verified', phoneMasked: '138****1234', flag: 'new' });
    const { data: logs } = await t.db.collection('auditLogs').where({ targetId: 'v-1' }).get();
    expect(logs).toEqual([
      expect.objectContaining({
        action: 'member.verify',
        actorId: 'admin-U01',
        targetId: 'v-1',
        detail: { unitId: 'U01' },
      }),
    ]);
    expect(await call(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'v-1', decision: 'reject' })).toMatchObject({
      ok: false,
      code: 'ALREADY_DECIDED',
    });
    expect((await t.db.collection('members').doc('v-1').get()).data.status).toBe('verified');
  });

  test('refusals: another unit, unknown member, wrong role, bad input, oneself', async () => {
    await ok(t, 'v-2', 'user', 'register', registration());
    const cases: Array<[string, unknown, string]> = [
      ['admin-U02', { memberId: 'v-2', decision: 'verify' }, 'NOT_YOUR_UNIT'],
      ['admin-U01', { memberId: 'nobody', decision: 'verify' }, 'MEMBER_NOT_FOUND'],
      ['staff-C01', { memberId: 'v-2', decision: 'verify' }, 'FORBIDDEN'],
      ['v-2', { memberId: 'v-2', decision: 'verify' }, 'FORBIDDEN'],
      ['admin-U01', { memberId: 'v-2', decision: 'maybe' }, 'INVALID_INPUT'],
      ['admin-U01', { memberId: 'v-2' }, 'INVALID_INPUT'],
    ];
    for (const [who, data, code] of cases) {
      expect(await call(t, who, 'unit', 'verifyMember', data)).toMatchObject({ ok: false, code });
    }
    await ok(t, 'admin-U01', 'user', 'register', registration());
    expect(
      await call(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'admin-U01', decision: 'verify' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('不能确认自己'),
    });
    expect((await t.db.collection('members').doc('v-2').get()).data.status).toBe('unverified');
    expect((await t.db.collection('auditLogs').where({ targetId: 'v-2' }).count()).total).toBe(0);
  });

  test('listMembers filters by status for the admin own unit only', async () => {
    const { members } = await ok(t, 'admin-U02', 'unit', 'listMembers', { status: 'unverified' });
    expect(members.every((m) => m.status === 'unverified')).toBe(true);
    expect(members.map((m) => m.memberId)).toContain('fresh');
    expect(members.map((m) => m.memberId)).not.toContain('v-2');
    expect(await call(t, 'admin-U02', 'unit', 'listMembers', { status: 'gone' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});
