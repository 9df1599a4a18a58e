/** Mini-program: who is signed in is the WeChat account itself; there is nothing to sign out of. */
export function SignOut() {
  return null;
}
