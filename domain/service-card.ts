/**
 * 活动证 numbers come from one of several counters per year, so that members checking in at the same moment (a 报到
 * day at one community) do not all queue on a single document: HX, the China-time year, the counter (01–16) and
 * that counter's sequence, e.g. HX20260700012.
 */
export const SERVICE_CARD_COUNTERS = 16;

const two = (n: number) => String(n).padStart(2, '0');

export function serviceCardCounterId(year: number, counter: number): string {
  return `serviceCard-${year}-${two(counter)}`;
}

export function formatServiceCardNo(year: number, counter: number, sequence: number): string {
  return `HX${year}${two(counter)}${String(sequence).padStart(5, '0')}`;
}

export const SERVICE_CARD_NO = /^HX\d{4}\d{2}\d{5}$/;
