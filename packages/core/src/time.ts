/**
 * Time arithmetic on epoch microseconds (UTC).
 *
 * Timestamps are integer microseconds since 1970-01-01T00:00:00Z held in doubles: every
 * integer up to 2^53 is exact, which covers the years 1685 to 2255 at microsecond
 * resolution. Calendar conversions use Howard Hinnant's days-from-civil algorithm, so no
 * `Date` object (and no host time zone) is ever involved.
 */

/** Microseconds in one millisecond. */
export const MICROS_PER_MILLI = 1_000;
/** Microseconds in one second. */
export const MICROS_PER_SECOND = 1_000_000;
/** Microseconds in one minute. */
export const MICROS_PER_MINUTE = 60_000_000;
/** Microseconds in one hour. */
export const MICROS_PER_HOUR = 3_600_000_000;
/** Microseconds in one day. */
export const MICROS_PER_DAY = 86_400_000_000;

/** A calendar date and wall-clock time, without a zone. */
export interface CivilDateTime {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0–999999. */
  microsecond: number;
}

/** Returns the number of days from 1970-01-01 to the given proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Returns the proleptic Gregorian date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Returns the number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Returns the epoch microseconds of a civil date-time read as UTC. */
export function civilToMicros(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  microsecond = 0,
): number {
  return (
    daysFromCivil(year, month, day) * MICROS_PER_DAY +
    hour * MICROS_PER_HOUR +
    minute * MICROS_PER_MINUTE +
    second * MICROS_PER_SECOND +
    microsecond
  );
}

/** Returns the UTC civil date-time of epoch microseconds. */
export function microsToCivil(micros: number): CivilDateTime {
  const days = Math.floor(micros / MICROS_PER_DAY);
  let rest = micros - days * MICROS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / MICROS_PER_HOUR);
  rest -= hour * MICROS_PER_HOUR;
  const minute = Math.floor(rest / MICROS_PER_MINUTE);
  rest -= minute * MICROS_PER_MINUTE;
  const second = Math.floor(rest / MICROS_PER_SECOND);
  const microsecond = rest - second * MICROS_PER_SECOND;
  return { year, month, day, hour, minute, second, microsecond };
}

/** Returns the day of the week of epoch microseconds in UTC: 0 = Sunday … 6 = Saturday. */
export function weekdayOfMicros(micros: number): number {
  const days = Math.floor(micros / MICROS_PER_DAY);
  return (((days + 4) % 7) + 7) % 7;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats epoch microseconds as ISO 8601 in UTC.
 *
 * Fractions are printed only when present (milliseconds when they suffice).
 *
 * @example
 * formatIsoMicros(civilToMicros(2006, 1, 2, 9, 1)) // "2006-01-02T09:01:00Z"
 */
export function formatIsoMicros(micros: number): string {
  const c = microsToCivil(micros);
  const yearText = c.year >= 0 && c.year <= 9999 ? pad(c.year, 4) : String(c.year);
  let text = `${yearText}-${pad(c.month, 2)}-${pad(c.day, 2)}T${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}`;
  if (c.microsecond !== 0) {
    text += c.microsecond % 1000 === 0 ? `.${pad(c.microsecond / 1000, 3)}` : `.${pad(c.microsecond, 6)}`;
  }
  return `${text}Z`;
}

/** Formats epoch microseconds as a UTC date `YYYY-MM-DD`. */
export function formatIsoDate(micros: number): string {
  const c = microsToCivil(micros);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}
