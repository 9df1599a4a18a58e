/**
 * The time every function reads. On WeChat's cloud it is the machine's clock; the local cloud can move the clock of
 * the invocations it runs (tests cross half-months, quarters and code steps without sleeping), which functions cannot
 * tell from the outside.
 */
export function currentTime(): number {
  return Date.now();
}
