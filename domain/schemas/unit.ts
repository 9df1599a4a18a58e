import * as v from 'valibot';
import type { MemberStatus } from '../../types/documents';
import { type InputTable, documentId, noInput, request } from './common';

const MEMBER_STATUSES = ['unverified', 'verified', 'rejected', 'deleted'] as const satisfies readonly MemberStatus[];

export const UNIT_INPUTS = {
  list: noInput,
  listMembers: request({ status: v.optional(v.picklist(MEMBER_STATUSES, '未知的身份状态')) }),
  verifyMember: request({
    memberId: documentId('请选择一名党员'),
    decision: v.picklist(['verify', 'reject'], '请选择确认或不确认'),
  }),
  listNotCheckedIn: noInput,
} satisfies InputTable<'unit'>;
