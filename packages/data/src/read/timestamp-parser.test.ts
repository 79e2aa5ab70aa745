import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import {
  DATE_ORDER_DMY,
  DATE_ORDER_MDY,
  DATE_ORDER_YEAR_FIRST,
  epochExponentForMagnitude,
  lastZoneOffset,
  parseCalendarBytes,
  parseClockBytes,
  parseEpochBytes,
} from './timestamp-parser.js';

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);
const calendar = (text: string, order = DATE_ORDER_YEAR_FIRST) =>
  parseCalendarBytes(bytes(text), 0, bytes(text).length, order);
const HOUR = 3_600_000_000;

describe('parseCalendarBytes', () => {
  it.each([
    ['2006-01-02', civilToMicros(2006, 1, 2)],
    ['2006/01/02', civilToMicros(2006, 1, 2)],
    ['2020.01.02', civilToMicros(2020, 1, 2)],
    ['20200102', civilToMicros(2020, 1, 2)],
    ['2006-1-2', civilToMicros(2006, 1, 2)],
    ['2006-01-02 09:01:00', civilToMicros(2006, 1, 2, 9, 1)],
    ['2006-01-02T09:01', civilToMicros(2006, 1, 2, 9, 1)],
    ['2015-09-23T20:57:42.146', civilToMicros(2015, 9, 23, 20, 57, 42, 146_000)],
    ['2015-09-23T20:57:42.123456789', civilToMicros(2015, 9, 23, 20, 57, 42, 123_456)],
    ['20200102 093000', civilToMicros(2020, 1, 2, 9, 30)],
  ])('reads the naive %s', (text, expected) => {
    expect(calendar(text)).toBe(expected);
    expect(lastZoneOffset()).toBeNaN();
  });

  it.each([
    ['2024-03-10T12:00:00Z', 0],
    ['2024-03-10T12:00:00+02:00', 2],
    ['2024-03-10T12:00:00-0500', -5],
    ['2024-03-10T12:00:00+05', 5],
    ['2024-03-10 12:00:00 UTC', 0],
  ])('converts the zoned %s to UTC', (text, hours) => {
    expect(calendar(text)).toBe(civilToMicros(2024, 3, 10, 12) - hours * HOUR);
    expect(lastZoneOffset()).toBe(hours * HOUR);
  });

  it('reads year-last dates in the order it is told', () => {
    expect(calendar('01/02/2006', DATE_ORDER_MDY)).toBe(civilToMicros(2006, 1, 2));
    expect(calendar('01/02/2006', DATE_ORDER_DMY)).toBe(civilToMicros(2006, 2, 1));
    expect(calendar('13/02/2006', DATE_ORDER_MDY)).toBeNaN();
    expect(calendar('01/02/2006', DATE_ORDER_YEAR_FIRST)).toBeNaN();
  });

  it.each(['2006-13-01', '2006-02-30', '2006-01-02 24:00', '2006-01-02T09:61', 'abc', '2006-01', '2006-01-02X', ''])(
    'rejects %j',
    (text) => {
      expect(calendar(text)).toBeNaN();
    },
  );
});

describe('parseClockBytes', () => {
  it('reads times of day with and without seconds or separators', () => {
    const clock = (t: string) => parseClockBytes(bytes(t), 0, bytes(t).length);
    expect(clock('09:01:00')).toBe(9 * HOUR + 60_000_000);
    expect(clock('13:45')).toBe(13 * HOUR + 45 * 60_000_000);
    expect(clock('093000')).toBe(9.5 * HOUR);
    expect(clock('23:59:59.5')).toBe(86_399_500_000);
    expect(clock('25:00')).toBeNaN();
  });
});

describe('parseEpochBytes', () => {
  const epoch = (t: string, e: 0 | 3 | 6 | 9) => parseEpochBytes(bytes(t), 0, bytes(t).length, e);
  it('converts every unit to microseconds exactly', () => {
    const micros = civilToMicros(2024, 1, 2, 3, 4, 5, 678_901);
    expect(epoch('1704164645', 0)).toBe(civilToMicros(2024, 1, 2, 3, 4, 5));
    expect(epoch('1704164645.678901', 0)).toBe(micros);
    expect(epoch('1704164645678', 3)).toBe(micros - 901);
    expect(epoch('1704164645678901', 6)).toBe(micros);
    expect(epoch('1704164645678901234', 9)).toBe(micros);
    expect(epoch('17041646x', 0)).toBeNaN();
  });

  it('guesses the unit from the magnitude', () => {
    expect(epochExponentForMagnitude(1.7e9)).toBe(0);
    expect(epochExponentForMagnitude(1.7e12)).toBe(3);
    expect(epochExponentForMagnitude(1.7e15)).toBe(6);
    expect(epochExponentForMagnitude(1.7e18)).toBe(9);
  });
});

describe('module exports', () => {
  it('no longer exports the unused lastHadYearLast', async () => {
    const parser: Record<string, unknown> = await import('./timestamp-parser.js');
    expect('lastHadYearLast' in parser).toBe(false);
  });
});
