import { civilFromDays, daysFromCivil, daysInMonth } from '../time.js';

/** A special day of the New York Stock Exchange: a full-day closure or an early close. */
export interface ExchangeHoliday {
  /** Calendar date `YYYY-MM-DD`. */
  readonly date: string;
  /** Day number since 1970-01-01. */
  readonly day: number;
  readonly name: string;
}

// Closures no rule predicts: national mourning, attacks, storms.
const SPECIAL_CLOSURES: readonly (readonly [number, number, number, string])[] = [
  [1985, 9, 27, 'Hurricane Gloria'],
  [1994, 4, 27, 'Funeral of Richard Nixon'],
  [2001, 9, 11, 'September 11 attacks'],
  [2001, 9, 12, 'September 11 attacks'],
  [2001, 9, 13, 'September 11 attacks'],
  [2001, 9, 14, 'September 11 attacks'],
  [2004, 6, 11, 'Funeral of Ronald Reagan'],
  [2007, 1, 2, 'Funeral of Gerald Ford'],
  [2012, 10, 29, 'Hurricane Sandy'],
  [2012, 10, 30, 'Hurricane Sandy'],
  [2018, 12, 5, 'Funeral of George H. W. Bush'],
  [2025, 1, 9, 'Funeral of Jimmy Carter'],
];

/** Returns the weekday (0 = Sunday … 6 = Saturday) of a day number. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Returns the day number of the `n`-th `weekday` of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1);
    return first + ((weekday - weekdayOfDay(first) + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = daysFromCivil(year, month, daysInMonth(year, month));
  return lastDay - ((weekdayOfDay(lastDay) - weekday + 7) % 7);
}

/** Returns the day number of Easter Sunday (Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** Moves a fixed-date holiday on a weekend to the nearest weekday (Saturday → Friday, Sunday → Monday). */
function observed(day: number): number {
  const weekday = weekdayOfDay(day);
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day + 1;
  return day;
}

function isoDate(day: number): string {
  const c = civilFromDays(day);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/**
 * Returns the NYSE full-day holidays of `year`, computed by rule, sorted by date.
 *
 * Rules: New Year's Day (Sunday → Monday; a Saturday New Year's Day is not observed, because
 * the Friday before ends the fiscal year), Martin Luther King Jr. Day (third Monday of January,
 * from 1998), Washington's Birthday (third Monday of February), Good Friday, Memorial Day
 * (last Monday of May), Juneteenth (from 2022), Independence Day, Labor Day (first Monday of
 * September), Thanksgiving (fourth Thursday of November) and Christmas; fixed dates on a
 * Saturday move to Friday, on a Sunday to Monday. One-off closures (September 11, Hurricane
 * Sandy, state funerals, Hurricane Gloria) are included. Rules follow the calendar in force
 * since 1971; earlier years (election days, Lincoln's Birthday …) are not modelled.
 *
 * @example
 * nyseHolidays(2012).map((h) => h.date) // ['2012-01-02', '2012-01-16', …, '2012-12-25']
 */
export function nyseHolidays(year: number): ExchangeHoliday[] {
  const list: ExchangeHoliday[] = [];
  const add = (day: number, name: string): void => {
    if (civilFromDays(day).year === year) list.push({ date: isoDate(day), day, name });
  };
  const newYear = daysFromCivil(year, 1, 1);
  if (weekdayOfDay(newYear) !== 6) add(observed(newYear), "New Year's Day");
  if (year >= 1998) add(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  add(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  add(easterSunday(year) - 2, 'Good Friday');
  add(nthWeekday(year, 5, 1, -1), 'Memorial Day');
  if (year >= 2022) add(observed(daysFromCivil(year, 6, 19)), 'Juneteenth');
  add(observed(daysFromCivil(year, 7, 4)), 'Independence Day');
  add(nthWeekday(year, 9, 1, 1), 'Labor Day');
  add(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day');
  add(observed(daysFromCivil(year, 12, 25)), 'Christmas Day');
  for (const [y, m, d, name] of SPECIAL_CLOSURES) if (y === year) add(daysFromCivil(y, m, d), name);
  list.sort((a, b) => a.day - b.day);
  return list;
}

/** Returns a test of day numbers against `list(year)`, computed once per year. */
function dayLookup(list: (year: number) => readonly ExchangeHoliday[]): (day: number) => boolean {
  const daysByYear = new Map<number, Set<number>>();
  return (day) => {
    const year = civilFromDays(day).year;
    let days = daysByYear.get(year);
    if (days === undefined) {
      days = new Set(list(year).map((h) => h.day));
      daysByYear.set(year, days);
    }
    return days.has(day);
  };
}

/** Returns true when the day number is an NYSE full-day holiday. */
export const isNyseHoliday: (day: number) => boolean = dayLookup(nyseHolidays);

/**
 * Returns the NYSE early closes (13:00 New York) of `year`, computed by rule, sorted by date:
 * the day before Independence Day when July 4 falls on Tuesday to Friday, the day after
 * Thanksgiving, and Christmas Eve when it falls on Monday to Thursday. These are the rules the
 * exchange has followed in recent decades; a one-off early close (or an older year that
 * differed) is not modelled — give a custom session calendar for those.
 *
 * @example
 * nyseEarlyCloses(2024).map((h) => h.date) // ['2024-07-03', '2024-11-29', '2024-12-24']
 */
export function nyseEarlyCloses(year: number): ExchangeHoliday[] {
  const list: ExchangeHoliday[] = [];
  const july4 = weekdayOfDay(daysFromCivil(year, 7, 4));
  if (july4 >= 2 && july4 <= 5) {
    const day = daysFromCivil(year, 7, 3);
    list.push({ date: isoDate(day), day, name: 'Independence Day eve' });
  }
  const thanksgivingFriday = nthWeekday(year, 11, 4, 4) + 1;
  list.push({ date: isoDate(thanksgivingFriday), day: thanksgivingFriday, name: 'Day after Thanksgiving' });
  const christmasEve = daysFromCivil(year, 12, 24);
  const weekday = weekdayOfDay(christmasEve);
  if (weekday >= 1 && weekday <= 4)
    list.push({ date: isoDate(christmasEve), day: christmasEve, name: 'Christmas Eve' });
  return list;
}

/** Returns true when the day number is an NYSE early close (the session ends at 13:00). */
export const isNyseEarlyClose: (day: number) => boolean = dayLookup(nyseEarlyCloses);
