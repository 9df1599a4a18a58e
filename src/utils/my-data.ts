import type { AuditAction, MyAuditEntry, MyData } from '../../types';

const AUDIT_TEXT: Record<AuditAction, string> = {
  'member.verify': '确认了党员身份',
  'member.reject': '未确认党员身份',
  'member.reverseRejection': '改正了此前的决定，确认了党员身份',
  'member.needsReconfirmation': '修改了登记信息，等待单位党组织重新确认',
  'member.deleteData': '删除了个人信息',
  'role.grant': '授予了工作身份',
  'record.confirm': '认定了一条服务记录',
  'record.reject': '退回了一条服务记录',
  'record.staffAttendance': '代为登记了一次活动签到',
  'record.correct': '更正了一条服务记录',
  'order.publish': '发布了一条居民需求',
  'order.merge': '合并了一条重复的居民需求',
  'order.reject': '退回了一条居民需求',
  'order.postOnBehalf': '代居民提交了一条需求',
  'order.confirmDone': '代居民确认了需求已办好',
  'order.readContact': '查看了居民的联系方式',
  'resident.deleteData': '删除了居民资料',
};

/** One line of the audit trail in plain Chinese: who did what (「您本人」 for the person themselves). */
export function auditLine(entry: MyAuditEntry): string {
  const who = entry.byName === 'self' ? '您本人' : entry.byName;
  return `${who}${AUDIT_TEXT[entry.action]}`;
}

/** True when the system keeps nothing about the person beyond their sign-in. */
export function keepsNothing(data: MyData): boolean {
  return !data.user && !data.member && data.checkIns.length === 0 && !data.serviceCard && data.audit.length === 0;
}

/** What deleting removes and what stays, said before the person decides. */
export const DELETION_EXPLAINED = {
  removed:
    '您的姓名、手机号、技能、愿意参与的服务和一句话承诺会被删除，您的微信账号也不再与这些记录关联；您在社区的报到随之结束。',
  kept: '报到和活动证等记录会去掉姓名和手机号后保留，这样社区和单位的统计数字仍然准确。',
  told: '您所在单位的党组织会在名单中看到有一位党员已注销。',
  final: '删除后不能恢复。以后如需参加，请重新注册。',
} as const;
