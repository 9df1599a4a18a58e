/** Kinds of standing service post (岗位) a community publishes; staff pick one for each post. */
export const POST_KINDS = [
  '党员先锋岗',
  '环境维护岗',
  '邻里互助岗',
  '扶贫解困救助岗',
  '法律法规咨询岗',
  '矛盾纠纷调解岗',
  '清洁家园奉献岗',
  '政策宣传岗',
  '关爱空巢老人岗',
  '关爱留守儿童岗',
  '医疗卫生岗',
  '技术培训岗',
  '治安巡逻岗',
  '文明劝导岗',
  '垃圾分类指导岗',
  '文体活动岗',
  '助残服务岗',
  '便民维修岗',
  '心理疏导岗',
  '就业指导岗',
  '交通安全岗',
  '消防安全宣传岗',
  '课业辅导岗',
  '网格服务岗',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Kinds of a resident's request (点单); the resident picks one. */
export const ORDER_KINDS = [
  '民事代办',
  '技术培训',
  '市场信息',
  '政策咨询',
  '医疗卫生',
  '文化娱乐',
  '生活帮扶',
  '维修',
  '法律咨询',
  '心理疏导',
  '其他',
] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
