import { DEFAULT_SERVICE_RULES } from '../types/service-rules';
import { expectedHoursByToday, formatHours, starLevel } from './hours';

describe('hours', () => {
  it('formats minutes as hours to one decimal place', () => {
    expect(formatHours(150)).toBe('2.5小时');
    expect(formatHours(180)).toBe('3小时');
    expect(formatHours(0)).toBe('0小时');
    expect(formatHours(20)).toBe('0.3小时');
  });

  it('counts stars from cumulative hours with the next threshold', () => {
    expect(starLevel(0, DEFAULT_SERVICE_RULES)).toEqual({ level: 0, nextAtHours: 100 });
    expect(starLevel(99 * 60 + 59, DEFAULT_SERVICE_RULES)).toEqual({ level: 0, nextAtHours: 100 });
    expect(starLevel(100 * 60, DEFAULT_SERVICE_RULES)).toEqual({ level: 1, nextAtHours: 300 });
    expect(starLevel(1000 * 60, DEFAULT_SERVICE_RULES)).toEqual({ level: 4, nextAtHours: 1500 });
    expect(starLevel(2000 * 60, DEFAULT_SERVICE_RULES)).toEqual({ level: 5, nextAtHours: null });
    expect(starLevel(10 * 60, { starHours: [10, 20, 30, 40, 50] })).toEqual({ level: 1, nextAtHours: 20 });
  });

  it('expects the goal pro rata over the China-time year', () => {
    // 2026-01-01 00:00 China time is 2025-12-31 16:00 UTC.
    expect(expectedHoursByToday(Date.UTC(2025, 11, 31, 16), 48)).toBe(0);
    // 2026-07-02 12:00 China time: 182.5 of 365 days.
    expect(expectedHoursByToday(Date.UTC(2026, 6, 2, 4), 48)).toBe(24);
    expect(expectedHoursByToday(Date.UTC(2026, 11, 31, 15, 59, 59, 999), 48)).toBe(48);
  });
});
