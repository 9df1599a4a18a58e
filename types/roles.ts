/** Who someone is in the app. Everybody is a `resident`; the other roles are granted. */
export type Role = 'resident' | 'member' | 'staff' | 'unitAdmin' | 'countyAdmin';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '在职党员',
  staff: '社区工作人员',
  unitAdmin: '单位党组织管理员',
  countyAdmin: '县委组织部管理员',
};

/** Kinds of service a member may be willing to do (the same kinds residents order, 按需点单). */
export const SERVICE_KINDS = [
  '民事代办',
  '技术培训',
  '市场信息',
  '政策咨询',
  '医疗卫生',
  '文化娱乐',
  '生活帮扶',
  '维修',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
