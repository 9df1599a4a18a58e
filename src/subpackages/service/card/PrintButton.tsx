/** The mini-program prints nothing: the printable 活动证 is the browser build's (PrintButton.h5.tsx). */
export function PrintButton() {
  return null;
}
