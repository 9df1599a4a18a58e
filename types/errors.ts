/** Error codes every function may return, with the Chinese message a user sees. */
export const ERRORS = {
  INVALID_INPUT: '填写的内容不完整或格式不对，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作，请更新小程序后重试',
  /** The app server: no cloud function of that name. */
  UNKNOWN_FUNCTION: '找不到这项服务，请更新小程序后重试',
  /** The app server: a function is called only with POST. */
  METHOD_NOT_ALLOWED: '请求方式不对：这项服务只接受提交',
  /** The app server: the body is not JSON (or not valid UTF-8), or is not sent as JSON. */
  NOT_JSON: '提交的内容无法识别，请刷新页面后重试',
  /** The app server or the cloud: a body over the size or nesting limit. */
  REQUEST_TOO_LARGE: '提交的内容太多或层次太深，请精简后重试',
  /** The app server's upload: not multipart form data with exactly one `file` part. */
  UPLOAD_INVALID: '上传的内容无法识别，请重新选择图片',
  /** An upload over the size limit (domain/image.ts). */
  FILE_TOO_LARGE: '图片太大了，请选择 10 MB 以内的图片',
  /** An upload that is not a JPEG, PNG or WebP image by its bytes. */
  NOT_AN_IMAGE: '只能上传 JPG、PNG 或 WebP 格式的图片',
  /** A file that does not exist, or that is not the caller's own. */
  FILE_NOT_FOUND: '找不到这个文件',
  NOT_SIGNED_IN: '请先登录',
  FORBIDDEN: '您没有进行此操作的权限',
  /** A page (not an action) the signed-in person's roles do not open. */
  PAGE_NOT_FOR_YOU: '这个页面只对相关工作人员开放，您可以回到首页',
  NOT_REGISTERED: '您还没有登记为在职党员，请先完成注册',
  NOT_VERIFIED: '您的党员身份还在等待单位党组织确认，确认后才能报到',
  MEMBER_REJECTED: '单位党组织未确认您的党员身份；如有误，请联系单位党组织，由他们改正',
  UNIT_NOT_FOUND: '找不到这个工作单位，请从列表中选择',
  COMMUNITY_NOT_FOUND: '找不到这个社区，请确认扫描的是社区的报到码',
  MEMBER_NOT_FOUND: '找不到这名党员',
  NOT_YOUR_UNIT: '这名党员不属于您管理的单位',
  ALREADY_DECIDED: '这名党员的身份已经确认过了',
  CHECKED_IN_ELSEWHERE: '您已在其他社区报到；如果搬了家，请选择转到本社区',
  /** Transfers are limited to one a day (China time). */
  TRANSFER_TOO_SOON: '您今天已经转过一次社区，请明天再转',
  /** deleteMyData needs the person to confirm in so many words. */
  CONFIRMATION_NEEDED: '请确认您要删除个人信息',
  PHONE_CODE_INVALID: '手机号获取失败，请重新授权或手动填写',
  CONTENT_RISKY: '内容含有不适宜公开的信息，请修改后再提交',
  BUSY: '操作的人太多了，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERRORS;
