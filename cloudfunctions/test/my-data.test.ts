import type { TestCloud } from 'wx-local-cloud/testing';
import type { CheckInDoc } from '../../types';
import { aUser, insert } from './fixtures';
import { auditOf, call, ok, registration, seedCounty, snapshot, startFunctionsCloud, storedDoc } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

const NAME = '欧阳晓晴';
const PHONE = '13955556666';
/** The member who deletes their data: neither may be left anywhere afterwards. */
const GONE_NAME = '司马文静';
const GONE_PHONE = '13966667777';

/** A confirmed member of U01 who checked in at C01 and then moved to C02. */
async function memberWithHistory(openid: string, name = NAME, phone = PHONE): Promise<void> {
  await ok(t, openid, 'user', 'register', registration({ name, phone, skills: ['书法'] }));
  await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
  await ok(t, openid, 'checkin', 'checkIn', { communityId: 'C01' });
  await ok(t, openid, 'checkin', 'checkIn', { communityId: 'C02', transfer: true });
}

const dump = async (collection: string) => JSON.stringify((await t.db.collection(collection).limit(1000).get()).data);

describe('user.getMyData', () => {
  test('shows a member everything kept about them: registration in full, check-ins, 活动证, the audit log', async () => {
    await memberWithHistory('mine-1');
    const data = await ok(t, 'mine-1', 'user', 'getMyData');
    expect(data.user).toBeNull();
    expect(data.member).toMatchObject({
      name: NAME,
      phone: PHONE,
      unit: { id: 'U01', name: '县财政局' },
      skills: ['书法'],
      status: 'verified',
      community: { id: 'C02' },
      decidedByName: '王书记',
      needsReconfirmation: false,
      unitJoinedAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    expect(data.checkIns.map((item) => [item.community.id, item.status])).toEqual([
      ['C02', 'active'],
      ['C01', 'transferred'],
    ]);
    expect(data.serviceCard).toEqual({
      no: data.member?.serviceCardNo,
      issuedAt: expect.any(Number),
      community: { id: 'C01', name: '东街社区', street: '城关镇' },
    });
    expect(data.audit).toEqual([{ action: 'member.verify', at: expect.any(Number), byName: '王书记' }]);

    await ok(t, 'mine-1', 'user', 'register', registration({ name: '欧阳晓', phone: PHONE }));
    const after = await ok(t, 'mine-1', 'user', 'getMyData');
    expect(after.audit.map((entry) => [entry.action, entry.byName])).toEqual([
      ['member.needsReconfirmation', 'self'],
      ['member.verify', '王书记'],
    ]);
  });

  test('staff see the role they hold; a stranger sees that nothing is kept', async () => {
    const staff = await ok(t, 'staff-C01', 'user', 'getMyData');
    expect(staff.user).toEqual({ name: '李社工', roles: ['resident', 'staff'], createdAt: expect.any(Number) });
    expect(staff.member).toBeNull();
    expect(await ok(t, 'stranger', 'user', 'getMyData')).toEqual({
      user: null,
      member: null,
      checkIns: [],
      serviceCard: null,
      audit: [],
    });
  });
});

describe('user.deleteMyData', () => {
  test('refusals change nothing: no confirmation, staff and admins, a stranger', async () => {
    await memberWithHistory('del-refused', '上官文静', '13977778888');
    const before = await snapshot(t);
    for (const data of [{}, { confirm: false }, { confirm: 'true' }, { confirm: 1 }]) {
      expect(await call(t, 'del-refused', 'user', 'deleteMyData', data)).toEqual({
        ok: false,
        code: 'CONFIRMATION_NEEDED',
        message: expect.stringContaining('确认'),
      });
    }
    expect(
      await call(t, 'del-refused', 'user', 'deleteMyData', { confirm: true, memberId: 'someone-else' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    for (const staff of ['staff-C01', 'admin-U01', 'county']) {
      expect(await call(t, staff, 'user', 'deleteMyData', { confirm: true })).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: expect.stringContaining('县委组织部'),
      });
    }
    expect(await call(t, 'stranger', 'user', 'deleteMyData', { confirm: true })).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    });
    expect(await snapshot(t)).toBe(before);
  });

  test('a person whose granted role was withdrawn keeps no user record either', async () => {
    await memberWithHistory('del-former-staff', '诸葛文静', '13988889999');
    await insert(t.db, 'users', aUser({ _id: 'del-former-staff', name: '诸葛文静', createdAt: 1, updatedAt: 1 }));
    await ok(t, 'del-former-staff', 'user', 'deleteMyData', { confirm: true });
    expect(await storedDoc(t, 'users', 'del-former-staff')).toBeNull();
    expect(await storedDoc(t, 'members', 'del-former-staff')).toBeNull();
    expect(await dump('members')).not.toContain('诸葛文静');
  });

  test('anonymises the member end to end: counts drop, the unit admin sees an anonymous row, they can start again', async () => {
    await memberWithHistory('del-1', GONE_NAME, GONE_PHONE);
    const count = async () => (await ok(t, 'stranger', 'community', 'get', { communityId: 'C02' })).checkedInMembers;
    const countBefore = await count();
    const cardNo = (await storedDoc(t, 'members', 'del-1')).serviceCardNo;

    const { deletedAt } = await ok(t, 'del-1', 'user', 'deleteMyData', { confirm: true });
    expect(deletedAt).toEqual(expect.any(Number));

    expect(await storedDoc(t, 'members', 'del-1')).toBeNull();
    for (const collection of ['members', 'checkIns', 'serviceCards']) {
      const text = await dump(collection);
      expect(text).not.toContain(GONE_NAME);
      expect(text).not.toContain(GONE_PHONE);
      expect(text).not.toContain('del-1');
    }
    const card = await storedDoc(t, 'serviceCards', cardNo);
    const anonId: string = card.memberId;
    expect(anonId).toMatch(/^anon-[0-9a-f]{16,}$/);
    const anon = await storedDoc(t, 'members', anonId);
    expect(anon).toMatchObject({
      status: 'deleted',
      name: '',
      phone: '',
      skills: [],
      pledge: '',
      pledgePublic: false,
      willingness: [],
      deletedAt,
      unitId: 'U01',
      serviceCardNo: cardNo,
      communityId: 'C02',
    });
    const history: CheckInDoc[] = (
      await t.db.collection('checkIns').where({ memberId: anonId }).orderBy('checkedInAt', 'asc').get()
    ).data;
    expect(history.map((item) => [item.communityId, item.status])).toEqual([
      ['C01', 'transferred'],
      ['C02', 'ended'],
    ]);
    expect(history[1].endedAt).toBe(deletedAt);
    expect(await auditOf(t, anonId)).toEqual([
      expect.objectContaining({ action: 'member.deleteData', actorId: anonId, detail: { unitId: 'U01' } }),
    ]);

    expect(await count()).toBe(countBefore - 1);
    expect(await ok(t, 'del-1', 'user', 'getMe')).toEqual({
      roles: ['resident'],
      name: null,
      member: null,
      grants: [],
    });
    expect(await call(t, 'del-1', 'checkin', 'getMine')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });

    const rows = (await ok(t, 'admin-U01', 'unit', 'listMembers', {})).members;
    expect(rows.find((row) => row.memberId === anonId)).toMatchObject({
      status: 'deleted',
      flag: 'deleted',
      name: '',
      phoneMasked: '',
    });
    const deletedRows = (await ok(t, 'admin-U01', 'unit', 'listMembers', { status: 'deleted' })).members;
    expect(deletedRows.map((row) => row.memberId)).toContain(anonId);
    expect(deletedRows.every((row) => row.status === 'deleted' && row.name === '')).toBe(true);
    expect(await call(t, 'admin-U01', 'unit', 'verifyMember', { memberId: anonId, decision: 'verify' })).toMatchObject({
      ok: false,
      code: 'MEMBER_NOT_FOUND',
    });
    expect(await call(t, 'del-1', 'user', 'deleteMyData', { confirm: true })).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    });

    const { member } = await ok(t, 'del-1', 'user', 'register', registration({ name: GONE_NAME, phone: GONE_PHONE }));
    expect(member).toMatchObject({ status: 'unverified', community: null, serviceCardNo: null, decidedAt: null });
    await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'del-1', decision: 'verify' });
    const again = await ok(t, 'del-1', 'checkin', 'checkIn', { communityId: 'C01' });
    expect(again.outcome).toBe('checkedIn');
    expect(again.serviceCardNo).not.toBe(cardNo);
  });
});
