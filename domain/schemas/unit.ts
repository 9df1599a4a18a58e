import * as z from 'zod/mini';
import type { MemberStatus } from '../../types/documents';
import { type InputTable, documentId, noInput } from './common';

const MEMBER_STATUSES = ['unverified', 'verified', 'rejected', 'deleted'] as const satisfies readonly MemberStatus[];

export const UNIT_INPUTS = {
  list: noInput,
  listMembers: z.strictObject({ status: z.optional(z.enum(MEMBER_STATUSES, { error: '未知的身份状态' })) }),
  verifyMember: z.strictObject({
    memberId: documentId('请选择一名党员'),
    decision: z.enum(['verify', 'reject'], { error: '请选择确认或不确认' }),
  }),
  listNotCheckedIn: noInput,
} satisfies InputTable<'unit'>;
