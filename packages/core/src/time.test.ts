import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  civilToMicros,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  formatIsoMicros,
  microsToCivil,
  weekdayOfMicros,
} from './time.js';

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC for every day across four centuries', () => {
    for (let days = -150_000; days <= 150_000; days += 37) {
      const d = new Date(days * 86_400_000);
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
      expect(civilFromDays(days)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      });
    }
  });

  it('round-trips any microsecond timestamp through civil time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000_000, max: 9_000_000_000_000_000 }), (micros) => {
        const c = microsToCivil(micros);
        expect(civilToMicros(c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond)).toBe(micros);
      }),
    );
  });

  it('knows month lengths including leap years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('names weekdays with Sunday as zero', () => {
    expect(weekdayOfMicros(civilToMicros(1970, 1, 1))).toBe(4);
    expect(weekdayOfMicros(civilToMicros(2006, 1, 2, 23, 59))).toBe(1);
    expect(weekdayOfMicros(civilToMicros(1969, 12, 28))).toBe(0);
  });
});

describe('ISO formatting', () => {
  it('prints whole seconds, milliseconds or microseconds as needed', () => {
    expect(formatIsoMicros(civilToMicros(2006, 1, 2, 9, 1))).toBe('2006-01-02T09:01:00Z');
    expect(formatIsoMicros(civilToMicros(2015, 9, 23, 20, 57, 42, 146_000))).toBe('2015-09-23T20:57:42.146Z');
    expect(formatIsoMicros(civilToMicros(2015, 9, 23, 20, 57, 42, 146_001))).toBe('2015-09-23T20:57:42.146001Z');
    expect(formatIsoDate(civilToMicros(1995, 1, 3, 12))).toBe('1995-01-03');
  });

  it('matches Date.toISOString at millisecond resolution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const expected = new Date(ms).toISOString().replace('.000Z', 'Z');
        expect(formatIsoMicros(ms * 1000)).toBe(expected);
      }),
    );
  });
});
