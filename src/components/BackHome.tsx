/** Mini-program: the navigation bar already has back (and home, when a page is opened from a code or a share). */
export function BackHome() {
  return null;
}
