import type { CommunityDoc } from '../../../types';

/** The fixed facts of the demo county: its communities, units, and what names, skills and pledges look like. */

export const DEMO_COUNTY = '红旗县';

export const COMMUNITIES: Array<Omit<CommunityDoc, 'county' | 'createdAt'>> = [
  { _id: 'C01', name: '城关镇东街社区', street: '城关镇', address: '红旗县城关镇东街88号' },
  { _id: 'C02', name: '城关镇西街社区', street: '城关镇', address: '红旗县城关镇西街12号' },
  { _id: 'C03', name: '城关镇南门社区', street: '城关镇', address: '红旗县城关镇南门路56号' },
  { _id: 'C04', name: '城关镇北关社区', street: '城关镇', address: '红旗县城关镇北关大道201号' },
  { _id: 'C05', name: '新华街道新华社区', street: '新华街道', address: '红旗县新华街道新华路19号' },
  { _id: 'C06', name: '新华街道滨河社区', street: '新华街道', address: '红旗县新华街道滨河路66号' },
];
/** How the checked-in members spread over the communities. */
export const COMMUNITY_WEIGHTS = [24, 18, 16, 14, 16, 12];

/** The units and how many of the 200 members each has (sums to 200). */
export const UNITS: Array<{ name: string; size: number }> = [
  { name: '县委办公室', size: 14 },
  { name: '县人民政府办公室', size: 12 },
  { name: '县财政局', size: 11 },
  { name: '县教育局', size: 10 },
  { name: '县人民医院', size: 18 },
  { name: '县税务局', size: 9 },
  { name: '县自然资源局', size: 8 },
  { name: '县住房和城乡建设局', size: 10 },
  { name: '县市场监督管理局', size: 9 },
  { name: '县公安局', size: 15 },
  { name: '县人力资源和社会保障局', size: 8 },
  { name: '县卫生健康局', size: 9 },
  { name: '县农业农村局', size: 10 },
  { name: '县交通运输局', size: 8 },
  { name: '县民政局', size: 7 },
  { name: '县司法局', size: 6 },
  { name: '县文化和旅游局', size: 7 },
  { name: '县第一中学', size: 12 },
  { name: '县供电公司', size: 9 },
  { name: '红旗县农村商业银行', size: 8 },
];

/** U01, U02, …: the `_id` of the unit at this index of UNITS. */
export const unitId = (index: number) => `U${String(index + 1).padStart(2, '0')}`;

// prettier-ignore
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];

// prettier-ignore
export const GIVEN_NAMES = [
  '建国', '秀英', '桂兰', '志强', '丽华', '海燕', '晓东', '文静', '国强', '红梅', '伟', '芳', '敏', '静', '磊', '洋',
  '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '玉兰', '春梅', '建华', '淑珍', '子涵', '浩然', '雨轩',
  '思远', '嘉怡', '欣怡', '俊杰', '志明', '美玲', '立新', '卫东', '新民', '爱华', '晓燕', '文博', '佳慧', '振华', '德明',
  '秀兰', '宏伟', '丽娟', '永红', '金凤', '长青', '学文', '海波', '雪梅', '立群', '春华', '国庆', '建军', '晓红', '丹',
  '鹏', '婷婷', '亚楠', '宇航', '梦瑶', '志刚', '玉梅', '树林', '凤英', '新华', '利民', '晨', '晶', '瑞', '楠', '鑫',
];

// prettier-ignore
export const SKILLS = [
  '电脑维修', '家电维修', '水电维修', '法律咨询', '医疗护理', '心理疏导', '书法', '摄影', '驾驶', '财务会计',
  '教育辅导', '中医推拿', '理发', '烹饪', '广场舞', '文艺演出', '网络安全', '政策宣讲', '农业技术', '手机使用教学',
];

export const PLEDGES = [
  '每月至少参加两次社区服务，帮助邻里解决实际困难。',
  '发挥专业特长，为社区居民提供免费{skill}服务。',
  '关爱空巢老人，每周上门看望一次，陪老人说说话。',
  '带头遵守社区公约，积极参与环境整治和垃圾分类宣传。',
  '做好政策宣传员，把党的好政策讲给身边的居民听。',
  '认领一个服务岗位，坚持每半月服务一次，做到有始有终。',
  '利用周末时间辅导社区留守儿童功课。',
  '做邻里矛盾的调解员，做居民身边的贴心人。',
  '教社区老年人使用智能手机，帮他们跨过数字鸿沟。',
  '义务参加社区夜间巡逻，守护邻里平安。',
];

// prettier-ignore
export const PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139',
  '150', '151', '152', '155', '156', '158', '159',
  '180', '181', '185', '186', '187', '188', '189',
];
