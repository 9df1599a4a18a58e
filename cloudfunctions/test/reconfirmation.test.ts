import type { TestCloud } from 'wx-local-cloud/testing';
import { auditOf, call, ok, registration, seedCounty, snapshot, startFunctionsCloud, storedDoc } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

/** Registers `openid` in U01, has 王书记 confirm them, and checks them in at C01. */
async function confirmedAndCheckedIn(openid: string, phone: string): Promise<void> {
  await ok(t, openid, 'user', 'register', registration({ phone }));
  await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
  await ok(t, openid, 'checkin', 'checkIn', { communityId: 'C01' });
}

const rowOf = async (memberId: string) =>
  (await ok(t, 'admin-U01', 'unit', 'listMembers', {})).members.find((row) => row.memberId === memberId);

describe('a confirmed member who changes name or phone waits for the unit admin again', () => {
  test('a new name: unconfirmed, no member role, still checked in, flagged for the admin, logged without values', async () => {
    await confirmedAndCheckedIn('rc-name', '13811110001');
    const checkedIn = await storedDoc(t, 'members', 'rc-name');
    const { member } = await ok(
      t,
      'rc-name',
      'user',
      'register',
      registration({ name: '张建军', phone: '13811110001' }),
    );
    expect(member).toMatchObject({ name: '张建军', status: 'unverified', needsReconfirmation: true, decidedAt: null });

    const doc = await storedDoc(t, 'members', 'rc-name');
    expect(doc.verifiedBy).toBeUndefined();
    expect(doc.verifiedAt).toBeUndefined();
    expect(doc.changedAfterVerifyAt).toEqual(expect.any(Number));
    expect(doc).toMatchObject({
      communityId: 'C01',
      checkInId: checkedIn.checkInId,
      serviceCardNo: checkedIn.serviceCardNo,
    });
    expect((await ok(t, 'rc-name', 'user', 'getMe')).roles).toEqual(['resident']);
    const { history } = await ok(t, 'rc-name', 'checkin', 'getMine');
    expect(history.find((item) => item.status === 'active')?.community.id).toBe('C01');

    const entries = await auditOf(t, 'rc-name');
    expect(entries.map((entry) => entry.action)).toEqual(['member.verify', 'member.needsReconfirmation']);
    expect(entries[1]).toMatchObject({ actorId: 'rc-name', detail: { fields: 'name', unitId: 'U01' } });
    expect(JSON.stringify(entries)).not.toMatch(/张建|1381111/);

    expect(await rowOf('rc-name')).toMatchObject({ status: 'unverified', flag: 'changed', name: '张建军' });
    const waiting = await ok(t, 'admin-U01', 'unit', 'listMembers', { status: 'unverified' });
    expect(waiting.members.map((row) => row.memberId)).toContain('rc-name');
  });

  test('the admin confirms again: the member role and the plain row come back', async () => {
    await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'rc-name', decision: 'verify' });
    const me = await ok(t, 'rc-name', 'user', 'getMe');
    expect(me.roles).toEqual(['resident', 'member']);
    expect(me.member).toMatchObject({ status: 'verified', needsReconfirmation: false, decidedByName: '王书记' });
    expect((await storedDoc(t, 'members', 'rc-name')).changedAfterVerifyAt).toBeUndefined();
    expect((await rowOf('rc-name'))?.flag).not.toBe('changed');
  });

  test('a new phone number, typed in any usual way, is a change; the same number typed differently is not', async () => {
    await confirmedAndCheckedIn('rc-phone', '13811110002');
    await ok(t, 'rc-phone', 'user', 'register', registration({ phone: '+86 138-1111-0002' }));
    expect((await storedDoc(t, 'members', 'rc-phone')).status).toBe('verified');

    await ok(t, 'rc-phone', 'user', 'register', registration({ phone: '13911110002' }));
    expect(await storedDoc(t, 'members', 'rc-phone')).toMatchObject({ status: 'unverified', phone: '13911110002' });
    const entries = await auditOf(t, 'rc-phone');
    expect(entries.at(-1)).toMatchObject({
      action: 'member.needsReconfirmation',
      detail: { fields: 'phone', unitId: 'U01' },
    });
  });

  test('skills, kinds of service and the pledge alone keep the confirmation, and log nothing', async () => {
    await confirmedAndCheckedIn('rc-pledge', '13811110003');
    const before = (await auditOf(t, 'rc-pledge')).length;
    await ok(
      t,
      'rc-pledge',
      'user',
      'register',
      registration({ phone: '13811110003', skills: ['摄影'], willingness: ['文化娱乐'], pledge: '每周陪老人聊聊天' }),
    );
    const doc = await storedDoc(t, 'members', 'rc-pledge');
    expect(doc).toMatchObject({ status: 'verified', verifiedBy: 'admin-U01', pledge: '每周陪老人聊聊天' });
    expect(doc.changedAfterVerifyAt).toBeUndefined();
    expect((await auditOf(t, 'rc-pledge')).length).toBe(before);
  });

  test('a change of unit is logged too, and the new unit admin sees a transferred member', async () => {
    await confirmedAndCheckedIn('rc-unit', '13811110004');
    await ok(t, 'rc-unit', 'user', 'register', registration({ phone: '13811110004', unitId: 'U02', name: '张建设' }));
    const entries = await auditOf(t, 'rc-unit');
    expect(entries.at(-1)).toMatchObject({
      action: 'member.needsReconfirmation',
      detail: { fields: 'name,unit', unitId: 'U02' },
    });
    const rows = (await ok(t, 'admin-U02', 'unit', 'listMembers', {})).members;
    expect(rows.find((row) => row.memberId === 'rc-unit')).toMatchObject({ status: 'unverified', flag: 'transferred' });
  });
});

describe('a rejection stands until the unit admin reverses it', () => {
  test('the rejected member cannot register again, with or without changes, and sees who decided', async () => {
    await ok(t, 'rj-1', 'user', 'register', registration({ phone: '13822220001' }));
    await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'rj-1', decision: 'reject' });
    const before = await snapshot(t);
    for (const change of [{}, { name: '张建民' }, { unitId: 'U02' }]) {
      expect(await call(t, 'rj-1', 'user', 'register', registration({ phone: '13822220001', ...change }))).toEqual({
        ok: false,
        code: 'MEMBER_REJECTED',
        message: expect.stringContaining('单位党组织'),
      });
    }
    expect(await snapshot(t)).toBe(before);
    const { member } = await ok(t, 'rj-1', 'user', 'getMe');
    expect(member).toMatchObject({
      status: 'rejected',
      decidedAt: expect.any(Number),
      decidedByName: '王书记',
      needsReconfirmation: false,
    });
    const waiting = await ok(t, 'admin-U01', 'unit', 'listMembers', { status: 'unverified' });
    expect(waiting.members.map((row) => row.memberId)).not.toContain('rj-1');
  });

  test('rejecting again is refused; confirming reverses the rejection and is logged as such', async () => {
    expect(await call(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'rj-1', decision: 'reject' })).toMatchObject({
      ok: false,
      code: 'ALREADY_DECIDED',
    });
    expect(await call(t, 'admin-U02', 'unit', 'verifyMember', { memberId: 'rj-1', decision: 'verify' })).toMatchObject({
      ok: false,
      code: 'NOT_YOUR_UNIT',
    });
    const { member } = await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'rj-1', decision: 'verify' });
    expect(member).toMatchObject({ memberId: 'rj-1', status: 'verified' });
    expect((await auditOf(t, 'rj-1')).map((entry) => [entry.action, entry.actorId])).toEqual([
      ['member.reject', 'admin-U01'],
      ['member.reverseRejection', 'admin-U01'],
    ]);
    expect((await ok(t, 'rj-1', 'user', 'getMe')).roles).toEqual(['resident', 'member']);
    expect(await call(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'rj-1', decision: 'verify' })).toMatchObject({
      ok: false,
      code: 'ALREADY_DECIDED',
    });
    await ok(t, 'rj-1', 'user', 'register', registration({ phone: '13822220001', pledge: '服务好身边每一位邻居' }));
    expect((await storedDoc(t, 'members', 'rj-1')).status).toBe('verified');
  });
});
