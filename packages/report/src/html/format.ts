import { formatIsoDate, formatIsoMicros } from '@alphintra/core';

/**
 * Number formatting for reports. Written out here rather than through `toLocaleString`, so a
 * report reads the same whatever the locale and ICU data of the machine that wrote it.
 */

const DAY_MICROS = 86_400_000_000;

/** Returns `x` with `digits` decimals and a thin comma between thousands: 1234567.8 → "1,234,567.80". */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const fixed = Math.abs(x).toFixed(digits);
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Returns a fraction as a percentage: 0.1234 → "12.34 %"; null or non-finite → "–". */
export function formatPercent(x: number | null, digits = 2): string {
  return x === null || !Number.isFinite(x) ? '–' : `${formatNumber(x * 100, digits)} %`;
}

/** Returns a ratio or plain figure with `digits` decimals; null or non-finite → "–". */
export function formatRatio(x: number | null, digits = 3): string {
  return x === null ? '–' : formatNumber(x, digits);
}

/** Returns an integer count with thousands separators. */
export function formatCount(x: number): string {
  return formatNumber(x, 0);
}

/** Returns an epoch-µs time as an ISO date when it falls on midnight UTC, else as date and time. */
export function formatTime(micros: number | null): string {
  if (micros === null || !Number.isFinite(micros)) return '–';
  return micros % DAY_MICROS === 0 ? formatIsoDate(micros) : formatIsoMicros(micros);
}

/** Returns a duration in µs as days (with one decimal) or, under a day, hours and minutes. */
export function formatDuration(micros: number | null): string {
  if (micros === null || !Number.isFinite(micros)) return '–';
  if (micros >= DAY_MICROS) return `${formatNumber(micros / DAY_MICROS, 1)} days`;
  const minutes = Math.round(micros / 60_000_000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
