/** How long something has waited: 5 → 5小时, 50 → 2天2小时. */
export function waitingText(hours: number): string {
  const whole = Math.floor(hours);
  if (whole < 24) return `${whole}小时`;
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest ? `${days}天${rest}小时` : `${days}天`;
}
