import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../time.js';
import { isNyseEarlyClose, nyseEarlyCloses } from './nyse-holidays.js';
import { emptySessionWindow, SessionCalendar } from './session-calendar.js';
import { DEFAULT_SESSION_CALENDAR, SESSION_PRESETS, sessionCalendar } from './session-presets.js';
import { CALENDAR_US_EQUITY } from './trading-days.js';

/** UTC µs of a civil time. */
const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min) * 1000;

describe('NYSE early closes', () => {
  it('follow the July 3, day-after-Thanksgiving and Christmas Eve rules', () => {
    const dates = (year: number): string[] => nyseEarlyCloses(year).map((h) => h.date);
    expect(dates(2024)).toEqual(['2024-07-03', '2024-11-29', '2024-12-24']);
    // 2018: July 4 a Wednesday, Christmas Eve a Monday.
    expect(dates(2018)).toEqual(['2018-07-03', '2018-11-23', '2018-12-24']);
    // 2021: July 4 a Sunday (observed Monday), Christmas Eve the observed Christmas holiday.
    expect(dates(2021)).toEqual(['2021-11-26']);
    // 2026: July 3 is the observed Independence Day, Christmas Eve a Thursday.
    expect(dates(2026)).toEqual(['2026-11-27', '2026-12-24']);
    expect(isNyseEarlyClose(daysFromCivil(2024, 11, 29))).toBe(true);
    expect(isNyseEarlyClose(daysFromCivil(2024, 11, 27))).toBe(false);
  });
});

describe('the us-equity session calendar', () => {
  const nyse = sessionCalendar('us-equity');

  it('opens at 09:30 and closes at 16:00 New York, in standard time', () => {
    const day = daysFromCivil(2024, 1, 2);
    expect(nyse.openOf(day)).toBe(utc(2024, 1, 2, 14, 30));
    expect(nyse.closeOf(day)).toBe(utc(2024, 1, 2, 21));
  });

  it('moves an hour earlier in UTC when New York changes to daylight time', () => {
    // Clocks went forward on Sunday 2024-03-10.
    expect(nyse.openOf(daysFromCivil(2024, 3, 8))).toBe(utc(2024, 3, 8, 14, 30));
    expect(nyse.openOf(daysFromCivil(2024, 3, 11))).toBe(utc(2024, 3, 11, 13, 30));
    expect(nyse.closeOf(daysFromCivil(2024, 3, 11))).toBe(utc(2024, 3, 11, 20));
    // And back on Sunday 2024-11-03.
    expect(nyse.closeOf(daysFromCivil(2024, 11, 1))).toBe(utc(2024, 11, 1, 20));
    expect(nyse.closeOf(daysFromCivil(2024, 11, 4))).toBe(utc(2024, 11, 4, 21));
  });

  it('closes at 13:00 on an early close and skips the holiday after it', () => {
    const w = nyse.locate(utc(2024, 7, 3, 15), emptySessionWindow());
    expect(w).toEqual({
      open: utc(2024, 7, 3, 13, 30),
      close: utc(2024, 7, 3, 17),
      day: daysFromCivil(2024, 7, 3),
      previousClose: utc(2024, 7, 2, 20),
    });
    expect(nyse.closesEarly(daysFromCivil(2024, 7, 3))).toBe(true);
    expect(nyse.isOpen(utc(2024, 7, 3, 16, 59))).toBe(true);
    expect(nyse.isOpen(utc(2024, 7, 3, 17))).toBe(false);
    // After the early close, the next session is Friday July 5 (July 4 is a holiday).
    const after = nyse.locate(utc(2024, 7, 3, 17, 30), emptySessionWindow());
    expect(after).toEqual({
      open: utc(2024, 7, 5, 13, 30),
      close: utc(2024, 7, 5, 20),
      day: daysFromCivil(2024, 7, 5),
      previousClose: utc(2024, 7, 3, 17),
    });
    expect(nyse.nextOpen(utc(2024, 7, 3, 17, 30))).toBe(utc(2024, 7, 5, 13, 30));
  });

  it('answers open, next open and next close around a weekend', () => {
    const fridayNoon = utc(2024, 1, 5, 17);
    expect(nyse.isOpen(fridayNoon)).toBe(true);
    expect(nyse.nextClose(fridayNoon)).toBe(utc(2024, 1, 5, 21));
    expect(nyse.nextOpen(fridayNoon)).toBe(utc(2024, 1, 8, 14, 30));
    const saturday = utc(2024, 1, 6, 12);
    expect(nyse.isOpen(saturday)).toBe(false);
    expect(nyse.nextOpen(saturday)).toBe(utc(2024, 1, 8, 14, 30));
    expect(nyse.nextClose(saturday)).toBe(utc(2024, 1, 8, 21));
    // The open is inclusive, the close exclusive.
    expect(nyse.isOpen(utc(2024, 1, 8, 14, 30))).toBe(true);
    expect(nyse.isOpen(utc(2024, 1, 8, 21))).toBe(false);
  });

  it('has the same trading days as the day-level us-equity calendar', () => {
    for (let day = daysFromCivil(2000, 1, 1); day < daysFromCivil(2026, 1, 1); day++) {
      if (nyse.isTradingDay(day) !== CALENDAR_US_EQUITY.isTradingDay(day)) throw new Error(`differs on day ${day}`);
    }
  });
});

describe('the fx-24x5 session calendar', () => {
  const fx = sessionCalendar('fx-24x5');

  it("opens Sunday 17:00 New York as Monday's session and closes Friday 17:00", () => {
    const w = fx.locate(utc(2024, 1, 8, 3), emptySessionWindow());
    expect(w.open).toBe(utc(2024, 1, 7, 22));
    expect(w.close).toBe(utc(2024, 1, 8, 22));
    expect(w.day).toBe(daysFromCivil(2024, 1, 8));
    // Tuesday's session starts the instant Monday's closes.
    expect(fx.nextOpen(utc(2024, 1, 8, 3))).toBe(utc(2024, 1, 8, 22));
    expect(fx.isOpen(utc(2024, 1, 12, 21, 59))).toBe(true);
    expect(fx.isOpen(utc(2024, 1, 12, 22))).toBe(false);
    expect(fx.isOpen(utc(2024, 1, 13, 12))).toBe(false);
    expect(fx.nextOpen(utc(2024, 1, 13, 12))).toBe(utc(2024, 1, 14, 22));
  });

  it('follows New York daylight time', () => {
    // Friday 2024-03-08 closes 17:00 EST; Sunday 2024-03-10 opens 17:00 EDT.
    expect(fx.closeOf(daysFromCivil(2024, 3, 8))).toBe(utc(2024, 3, 8, 22));
    expect(fx.openOf(daysFromCivil(2024, 3, 11))).toBe(utc(2024, 3, 10, 21));
  });
});

describe('the crypto-24x7 session calendar', () => {
  const crypto = sessionCalendar('crypto-24x7');

  it('is always open, with sessions rolling at midnight UTC', () => {
    expect(DEFAULT_SESSION_CALENDAR).toBe(crypto);
    for (const t of [utc(2024, 1, 6, 0), utc(2024, 1, 6, 13, 17), utc(2024, 1, 7, 23, 59)]) {
      expect(crypto.isOpen(t)).toBe(true);
    }
    expect(crypto.nextClose(utc(2024, 1, 6, 13))).toBe(utc(2024, 1, 7));
    expect(crypto.nextOpen(utc(2024, 1, 6, 13))).toBe(utc(2024, 1, 7));
    expect(crypto.locate(utc(2024, 1, 7), emptySessionWindow())).toMatchObject({
      open: utc(2024, 1, 7),
      close: utc(2024, 1, 8),
      previousClose: utc(2024, 1, 7),
    });
  });
});

describe('custom session calendars', () => {
  const cme = sessionCalendar({
    name: 'cme-equity',
    timeZone: 'America/Chicago',
    open: '17:00',
    close: '16:00',
    holidays: ['2024-12-25'],
    earlyCloses: { '2024-12-24': '12:15' },
  });

  it('cross midnight, skip listed holidays and close early on listed days', () => {
    // Tuesday Dec 24's session: Monday 17:00 CST to 12:15 CST.
    const day24 = daysFromCivil(2024, 12, 24);
    expect(cme.openOf(day24)).toBe(utc(2024, 12, 23, 23));
    expect(cme.closeOf(day24)).toBe(utc(2024, 12, 24, 18, 15));
    // After that, Christmas has no session: the next is Thursday's, opening Wednesday 17:00.
    expect(cme.nextOpen(utc(2024, 12, 24, 19))).toBe(utc(2024, 12, 25, 23));
    expect(cme.toJSON()).toEqual(cme.spec);
    expect(sessionCalendar('us-equity').toJSON()).toBe('us-equity');
  });

  it('refuse bad specs with a clear message', () => {
    const base = { name: 'x', timeZone: 'UTC', open: '09:00', close: '17:00' };
    expect(() => sessionCalendar('nasdaq-pre')).toThrow(/expected a session calendar among us-equity/);
    expect(() => sessionCalendar({ ...base, timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(() => sessionCalendar({ ...base, open: '9h' })).toThrow('expected session open as HH:MM, got "9h"');
    expect(() => sessionCalendar({ ...base, weekdays: [1, 7] })).toThrow(/weekdays as numbers 0 \(Sunday\) to 6/);
    expect(() => sessionCalendar({ ...base, weekdays: [] })).toThrow(/weekdays/);
    expect(() => sessionCalendar({ ...base, holidays: ['24/12/2024'] })).toThrow(
      'expected a holiday as YYYY-MM-DD, got "24/12/2024"',
    );
    expect(() => sessionCalendar({ ...base, earlyCloses: { '2024-12-24': '08:00' } })).toThrow(
      'expected the early close of 2024-12-24 after the open, got 08:00',
    );
    expect(() => sessionCalendar({ ...base, name: 'us-equity' })).toThrow(/may not be called "us-equity"/);
    expect(() => sessionCalendar({ name: 'y', open: '09:00' } as never)).toThrow(/expected timeZone/);
  });

  it('report no later session when every day is a holiday for years', () => {
    const dead = new SessionCalendar(
      { name: 'dead', timeZone: 'UTC', open: '09:00', close: '17:00', weekdays: [3] },
      {
        isHoliday: () => true,
      },
    );
    expect(dead.isOpen(utc(2024, 1, 3, 12))).toBe(false);
    expect(dead.nextOpen(utc(2024, 1, 3, 12))).toBe(Number.POSITIVE_INFINITY);
  });

  it('list the built-in presets', () => {
    expect(SESSION_PRESETS).toEqual(['us-equity', 'crypto-24x7', 'fx-24x5']);
  });
});
