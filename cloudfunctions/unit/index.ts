import { defineFunction } from '../_shared/handler';
import { list } from './list';
import { listMembers } from './list-members';
import { listNotCheckedIn } from './list-not-checked-in';
import { verifyMember } from './verify-member';

export const main = defineFunction<'unit'>({ list, listMembers, verifyMember, listNotCheckedIn });
