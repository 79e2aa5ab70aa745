import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../time.js';
import { easterSunday, isNyseHoliday, nyseHolidays } from './nyse-holidays.js';
import {
  CALENDAR_24X7,
  CALENDAR_US_EQUITY,
  CALENDAR_WEEKDAYS,
  getCalendar,
  tradingDaysBetween,
} from './trading-days.js';

const dates = (year: number): string[] => nyseHolidays(year).map((h) => h.date);

describe('nyseHolidays', () => {
  it('lists the 2012 closures including Hurricane Sandy', () => {
    expect(dates(2012)).toEqual([
      '2012-01-02',
      '2012-01-16',
      '2012-02-20',
      '2012-04-06',
      '2012-05-28',
      '2012-07-04',
      '2012-09-03',
      '2012-10-29',
      '2012-10-30',
      '2012-11-22',
      '2012-12-25',
    ]);
  });

  it('lists the 2020 closures with Independence Day observed on Friday July 3', () => {
    expect(dates(2020)).toEqual([
      '2020-01-01',
      '2020-01-20',
      '2020-02-17',
      '2020-04-10',
      '2020-05-25',
      '2020-07-03',
      '2020-09-07',
      '2020-11-26',
      '2020-12-25',
    ]);
  });

  it('observes Sunday holidays on Monday and Saturday Christmas on Friday in 2021', () => {
    expect(dates(2021)).toEqual([
      '2021-01-01',
      '2021-01-18',
      '2021-02-15',
      '2021-04-02',
      '2021-05-31',
      '2021-07-05',
      '2021-09-06',
      '2021-11-25',
      '2021-12-24',
    ]);
  });

  it('skips a Saturday New Year and adds Juneteenth from 2022', () => {
    expect(dates(2022)).toEqual([
      '2022-01-17',
      '2022-02-21',
      '2022-04-15',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-11-24',
      '2022-12-26',
    ]);
    expect(dates(2021)).not.toContain('2021-12-31');
  });

  it('has no Martin Luther King Jr. Day before 1998', () => {
    expect(dates(1997)).toEqual([
      '1997-01-01',
      '1997-02-17',
      '1997-03-28',
      '1997-05-26',
      '1997-07-04',
      '1997-09-01',
      '1997-11-27',
      '1997-12-25',
    ]);
    expect(dates(1998)).toContain('1998-01-19');
  });

  it('includes the one-off closures', () => {
    expect(dates(2001)).toEqual(expect.arrayContaining(['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14']));
    expect(dates(1985)).toContain('1985-09-27');
    expect(dates(1994)).toContain('1994-04-27');
    expect(dates(2004)).toContain('2004-06-11');
    expect(dates(2007)).toContain('2007-01-02');
    expect(dates(2018)).toContain('2018-12-05');
    expect(dates(2025)).toContain('2025-01-09');
  });

  it('computes Easter Sunday for known years', () => {
    const known: [number, number, number][] = [
      [2000, 4, 23],
      [2008, 3, 23],
      [2011, 4, 24],
      [2019, 4, 21],
      [2024, 3, 31],
      [2038, 4, 25],
    ];
    for (const [y, m, d] of known) expect(easterSunday(y)).toBe(daysFromCivil(y, m, d));
  });

  it('answers isNyseHoliday by date', () => {
    expect(isNyseHoliday(daysFromCivil(2012, 10, 30))).toBe(true);
    expect(isNyseHoliday(daysFromCivil(2012, 10, 31))).toBe(false);
  });
});

describe('calendars', () => {
  const day = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

  it('treats weekends and holidays as closed on us-equity', () => {
    expect(CALENDAR_US_EQUITY.isTradingDay(day(2020, 7, 3))).toBe(false);
    expect(CALENDAR_US_EQUITY.isTradingDay(day(2020, 7, 4))).toBe(false);
    expect(CALENDAR_US_EQUITY.isTradingDay(day(2020, 7, 6))).toBe(true);
    expect(CALENDAR_WEEKDAYS.isTradingDay(day(2020, 7, 3))).toBe(true);
    expect(CALENDAR_WEEKDAYS.isTradingDay(day(2020, 7, 4))).toBe(false);
    expect(CALENDAR_24X7.isTradingDay(day(2020, 7, 4))).toBe(true);
  });

  it('counts the trading days strictly between two days', () => {
    // Thursday 2012-10-25 to Thursday 2012-11-01: Fri 26, (Mon 29, Tue 30 closed), Wed 31.
    expect(tradingDaysBetween(CALENDAR_US_EQUITY, day(2012, 10, 25), day(2012, 11, 1))).toBe(2);
    expect(tradingDaysBetween(CALENDAR_WEEKDAYS, day(2012, 10, 25), day(2012, 11, 1))).toBe(4);
  });

  it('finds calendars by name and rejects unknown names', () => {
    expect(getCalendar('US-Equity')).toBe(CALENDAR_US_EQUITY);
    expect(() => getCalendar('lse')).toThrow(/expected a calendar among 24x7, weekdays, us-equity or auto, got "lse"/);
  });
});
