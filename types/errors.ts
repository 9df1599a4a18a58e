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
  NOT_CHECKED_IN_HERE: '您还没有在这个社区报到，请先扫社区的报到码报到',
  POST_NOT_FOUND: '找不到这个岗位',
  POST_CLOSED: '这个岗位已经结束认领',
  POST_FULL: '这个岗位的名额已经认满了',
  NOT_CLAIMED: '您没有认领这个岗位',
  CAPACITY_BELOW_CLAIMS: '名额不能少于已认领的人数',
  ACTIVITY_NOT_FOUND: '找不到这个活动',
  ACTIVITY_FULL: '这个活动的报名人数已满',
  ACTIVITY_OVER: '这个活动已经结束了',
  ACTIVITY_NOT_STARTED: '活动还没有开始签到，请在活动开始前半小时内扫码',
  ACTIVITY_CANCELLED: '这个活动已经取消',
  CODE_INVALID: '这不是有效的签到码，请扫描现场工作人员手机上的签到码',
  CODE_EXPIRED: '签到码已经过期，请扫描现场屏幕上正在显示的签到码',
  HOLD_EXPIRED: '扫码后登录太久，签到码已失效，请重新扫描现场的签到码',
  RECORD_NOT_FOUND: '找不到这条服务记录',
  NOT_YOUR_COMMUNITY: '这条记录不属于您所在的社区',
  OWN_RECORD: '不能认定自己的服务记录，请由社区其他工作人员认定',
  ALREADY_STAMPED: '这条记录已经处理过了，认定结果不能更改；如需更正，请另建一条更正记录',
  NOT_CONFIRMED: '只有已认定的记录才能更正',
  ALREADY_CORRECTED: '这条记录已经有一条更正记录了',
  TIME_IN_FUTURE: '服务时间不能晚于现在',
  END_BEFORE_START: '结束时间要晚于开始时间',
  TIME_OVERLAP: '这段时间和您的另一条服务记录重叠了',
  DAILY_CAP: '一天最多记录12小时的服务',
  PHOTO_INVALID: '照片无法使用，请重新上传',
  SIGNED_IN_STILL: '这名党员还在活动中，签退后才能认定',
  CONTENT_RISKY: '内容含有不适宜公开的信息，请修改后再提交',
  PROFILE_NEEDED: '请先填写您的姓名、电话和住址，再来点单',
  ORDER_NOT_FOUND: '找不到这个需求',
  ORDER_STATE: '这个需求现在的状态不能这样操作，请刷新后再看',
  ORDER_TAKEN: '这个需求已经被其他党员领办了，请看看别的需求',
  NOT_TAKER: '只有领办这个需求的党员才能这样操作',
  NOT_RESIDENT: '只有提出这个需求的居民才能这样操作',
  OWN_ORDER: '不能领办自己提出的需求',
  MERGE_TARGET_INVALID: '只能合并到本社区另一个还在办理中的需求',
  WANTED_IN_PAST: '希望完成的时间不能早于现在',
  SERVICE_BEFORE_TAKE: '服务时间要在您领办之后，请检查开始时间',
  BUSY: '操作的人太多了，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERRORS;
