/** Error codes every function may return, with the Chinese message a user sees. */
export const ERRORS = {
  INVALID_INPUT: '填写的内容不完整或格式不对，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  NOT_SIGNED_IN: '请先登录',
  FORBIDDEN: '你没有进行此操作的权限',
  NOT_REGISTERED: '你还没有登记为在职党员，请先完成注册',
  NOT_VERIFIED: '你的党员身份还在等待单位党组织确认，确认后才能报到',
  MEMBER_REJECTED: '单位党组织未确认你的党员身份，请联系单位党组织',
  UNIT_NOT_FOUND: '找不到这个工作单位，请从列表中选择',
  COMMUNITY_NOT_FOUND: '找不到这个社区，请确认扫描的是社区的报到码',
  MEMBER_NOT_FOUND: '找不到这名党员',
  NOT_YOUR_UNIT: '这名党员不属于你管理的单位',
  ALREADY_DECIDED: '这名党员的身份已经确认过了',
  CHECKED_IN_ELSEWHERE: '你已在其他社区报到；如果搬了家，请选择转到本社区',
  PHONE_CODE_INVALID: '手机号获取失败，请重新授权或手动填写',
  CONTENT_RISKY: '内容含有不适宜公开的信息，请修改后再提交',
  BUSY: '操作的人太多了，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERRORS;
