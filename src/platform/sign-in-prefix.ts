/** Mini-program: the URL prefix registered under 扫普通链接二维码打开小程序, set at build time. */
export function signInUrlPrefix(): string {
  return SIGN_IN_URL_PREFIX;
}
