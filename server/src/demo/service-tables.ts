import type { PostKind } from '../../../types';

/**
 * What each kind of post does in the demo: its duty, for whom, and what a member writes after a turn on it (a kind
 * added to the catalogue without its texts fails to compile).
 */
// prettier-ignore
export const POST_TEXTS: Record<PostKind, { duty: string; forWhom: string; done: string }> = {
  '党员先锋岗': { duty: '在社区服务站值班，接待来访群众，帮忙办理常见事项', forWhom: '来服务站办事的居民', done: '在社区服务站值班，接待来访居民并帮忙填表' },
  '环境维护岗': { duty: '清理楼道堆放物，维护小区公共绿地整洁', forWhom: '小区全体居民', done: '清理了三个单元楼道里的杂物' },
  '邻里互助岗': { duty: '为有需要的邻居代买生活用品、代取快递', forWhom: '行动不便的邻居', done: '帮两户邻居代买了米面和药品' },
  '扶贫解困救助岗': { duty: '走访困难家庭，了解需求，协助申请救助', forWhom: '低保户和困难家庭', done: '走访两户困难家庭，帮忙整理救助申请材料' },
  '法律法规咨询岗': { duty: '每周一次法律咨询，解答居民的法律问题', forWhom: '有法律疑问的居民', done: '在服务站解答居民关于租房合同的咨询' },
  '矛盾纠纷调解岗': { duty: '协助调解邻里纠纷，化解小区矛盾', forWhom: '有纠纷的邻里', done: '协助调解了一起楼上楼下漏水纠纷' },
  '清洁家园奉献岗': { duty: '每周末参加小区大扫除，清理卫生死角', forWhom: '小区全体居民', done: '参加小区周末大扫除，清理了车棚' },
  '政策宣传岗': { duty: '向居民宣讲医保、养老等惠民政策', forWhom: '社区居民', done: '在小区广场向居民讲解医保缴费政策' },
  '关爱空巢老人岗': { duty: '定期探望空巢老人，陪伴聊天，帮忙做家务', forWhom: '独居和空巢老人', done: '探望两位独居老人，帮忙打扫房间' },
  '关爱留守儿童岗': { duty: '陪伴留守儿童学习和活动，关心他们的生活', forWhom: '留守儿童', done: '陪三个孩子做作业，讲了安全知识' },
  '医疗卫生岗': { duty: '为居民测量血压血糖，讲解健康知识', forWhom: '社区老年居民', done: '为二十多位老人测量血压并讲解用药常识' },
  '技术培训岗': { duty: '教居民使用智能手机和常用的办事软件', forWhom: '不熟悉手机的老年居民', done: '教老人们用手机挂号和视频通话' },
  '治安巡逻岗': { duty: '晚间在小区巡逻，留意安全隐患', forWhom: '小区全体居民', done: '晚间在小区巡逻两圈，提醒居民关好门窗' },
  '文明劝导岗': { duty: '在路口和小区门口劝导不文明行为', forWhom: '过往行人和居民', done: '在小区门口劝导电动车规范停放' },
  '垃圾分类指导岗': { duty: '在投放点指导居民正确分类投放垃圾', forWhom: '小区全体居民', done: '在垃圾投放点指导居民分类投放' },
  '文体活动岗': { duty: '组织和协助社区文体活动', forWhom: '社区居民', done: '协助组织社区广场舞交流活动' },
  '助残服务岗': { duty: '为残疾居民提供出行、代办等帮助', forWhom: '残疾居民', done: '陪同一位残疾居民到医院复查' },
  '便民维修岗': { duty: '为居民义务维修小家电、水电', forWhom: '有维修需要的居民', done: '为三户居民修理了水龙头和台灯' },
  '心理疏导岗': { duty: '倾听居民心事，提供心理疏导', forWhom: '有心理困扰的居民', done: '与一位居民谈心，帮助缓解焦虑情绪' },
  '就业指导岗': { duty: '为待业居民提供求职指导和岗位信息', forWhom: '待业居民', done: '帮两位待业居民修改简历，介绍招聘信息' },
  '交通安全岗': { duty: '上下学时段在学校路口维护交通秩序', forWhom: '学生和家长', done: '放学时段在学校路口护送学生过马路' },
  '消防安全宣传岗': { duty: '检查楼道消防通道，宣传消防安全知识', forWhom: '小区全体居民', done: '检查了楼道消防通道并发放消防宣传单' },
  '课业辅导岗': { duty: '为社区中小学生辅导功课', forWhom: '社区中小学生', done: '为四名初中生辅导数学作业' },
  '网格服务岗': { duty: '协助网格员走访入户，更新居民信息', forWhom: '网格内居民', done: '随网格员走访十五户居民，更新联系方式' },
};

/** The activities each community holds in the demo: a past one, a current one and an upcoming one. */
export const ACTIVITY_TITLES = {
  past: ['社区环境大扫除', '健康义诊进社区', '垃圾分类宣传日', '关爱老人送温暖', '消防安全演练', '政策宣讲会'],
  current: [
    '周末便民服务集市',
    '邻里节志愿服务',
    '文明城市创建宣传',
    '清洁家园行动',
    '义务理发进社区',
    '法律咨询服务日',
  ],
  upcoming: ['重阳敬老活动', '防诈骗知识讲座', '小区绿化补植', '读书分享会', '献爱心义卖', '义务维修服务日'],
} as const;

export const REJECT_REASONS = ['时间与签到记录不一致，请核实后重新填报', '所写服务内容与认领岗位不符，请重新填报'];
