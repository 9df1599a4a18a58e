/** The counter that numbers a year's 活动证 (China-time year). */
export function serviceCardCounterId(year: number): string {
  return `serviceCard-${year}`;
}

/** A 活动证 number: HX, the year of issue, and the year's sequence, e.g. HX2026000123. */
export function formatServiceCardNo(year: number, sequence: number): string {
  return `HX${year}${String(sequence).padStart(6, '0')}`;
}
