import type { MemberStatus, UnitMemberRow } from '../../../types';
import { Tag, type TagTone } from '../../components/Tag';

const STATUS: Record<MemberStatus, { text: string; tone: TagTone }> = {
  unverified: { text: '待确认', tone: 'amber' },
  verified: { text: '已确认', tone: 'green' },
  rejected: { text: '未通过', tone: 'grey' },
  deleted: { text: '已注销', tone: 'grey' },
};

const FLAG: Record<NonNullable<UnitMemberRow['flag']>, { text: string; tone: TagTone }> = {
  new: { text: '新注册', tone: 'blue' },
  transferred: { text: '新调入', tone: 'purple' },
  changed: { text: '信息有变更，待重新确认', tone: 'amber' },
  deleted: { text: '已注销', tone: 'grey' },
};

/** 待确认 / 已确认 / 未通过 / 已注销 */
export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag {...STATUS[status]} />;
}

/** 新注册 / 新调入 / 信息有变更 / 已注销 (nothing when none applies). */
export function FlagTag({ flag }: { flag: UnitMemberRow['flag'] }) {
  return flag ? <Tag {...FLAG[flag]} /> : null;
}
