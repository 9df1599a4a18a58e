import type { MemberProfile, RegisterRequest } from '../types';

/*
 * Typed examples of contract shapes for tests on every side (functions, app, schemas, fuzzing): one definition, so a
 * field added to the contract is added here once.
 */

/** A registration the function accepts. */
export function aRegistration(change: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    name: '张建国',
    phone: '13812341234',
    unitId: 'U01',
    skills: ['电工', '法律咨询'],
    willingness: ['维修', '政策咨询'],
    pledge: '每月为社区做一件实事',
    pledgePublic: true,
    ...change,
  };
}

/** A confirmed member's own profile, as `user.getMe` answers it. */
export function aMemberProfile(change: Partial<MemberProfile> = {}): MemberProfile {
  return {
    name: '张建国',
    phone: '13812341234',
    skills: ['电工'],
    willingness: ['维修'],
    pledge: '每月为社区做一件实事',
    pledgePublic: false,
    status: 'verified',
    registeredAt: 0,
    unit: { id: 'U01', name: '县委办公室' },
    community: null,
    checkedInAt: null,
    serviceCardNo: null,
    decidedAt: 0,
    decidedByName: '李书记',
    needsReconfirmation: false,
    ...change,
  };
}
