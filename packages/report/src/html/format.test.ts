import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatNumber, formatPercent, formatRatio, formatTime } from './format.js';

describe('report number formatting', () => {
  it('groups thousands and keeps the requested decimals', () => {
    expect(formatNumber(1_234_567.8)).toBe('1,234,567.80');
    expect(formatNumber(-1234.5, 1)).toBe('−1,234.5');
    expect(formatNumber(999, 0)).toBe('999');
    expect(formatCount(5036)).toBe('5,036');
  });

  it('does not print a minus sign on a value that rounds to zero', () => {
    expect(formatNumber(-0.001, 2)).toBe('0.00');
  });

  it('prints fractions as percentages and missing values as a dash', () => {
    expect(formatPercent(0.1234)).toBe('12.34 %');
    expect(formatPercent(-0.5, 1)).toBe('−50.0 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatRatio(null)).toBe('–');
    expect(formatRatio(1.23456)).toBe('1.235');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('prints midnight times as dates and others with their time of day', () => {
    expect(formatTime(Date.UTC(2014, 11, 31) * 1000)).toBe('2014-12-31');
    expect(formatTime(Date.UTC(2006, 0, 2, 9, 30) * 1000)).toBe('2006-01-02T09:30:00Z');
    expect(formatTime(null)).toBe('–');
  });

  it('prints durations in days, or hours and minutes under a day', () => {
    expect(formatDuration(3 * 86_400_000_000)).toBe('3.0 days');
    expect(formatDuration(90 * 60_000_000)).toBe('1 h 30 min');
    expect(formatDuration(null)).toBe('–');
  });
});
