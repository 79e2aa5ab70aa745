import type { Calendar, Timeframe, TimeZone } from '@alphintra/core';
import {
  civilFromDays,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  MICROS_PER_MINUTE,
  timeframeMicros,
  tradingDaysBetween,
} from '@alphintra/core';

/**
 * What "a missing bar" means for a series: which steps between consecutive bars are gaps
 * and how many bars they miss. Built once per series from its timeframe, calendar, zone
 * and (for intraday bars) the trading session inferred from the bars themselves.
 */
export interface GapModel {
  readonly kind: 'none' | 'daily' | 'intraday' | 'periodic' | 'monthly';
  readonly timeframeMicros: number;
  readonly months: number;
  readonly calendar: Calendar;
  readonly zone: TimeZone;
  /** Intraday: width of a time-of-day slot, and prefix sums of slots where the market is closed. */
  readonly slotMicros: number;
  readonly closedPrefix: Uint32Array | undefined;
}

// A slot is closed when bars fall in it on fewer than this share of days.
const CLOSED_SLOT_SHARE = 0.02;
// With few days, only the longest empty stretch (at least this long) is taken as the daily close.
const MIN_DAYS_FOR_SLOT_STATISTICS = 5;
const MIN_SHORT_SAMPLE_BREAK = MICROS_PER_HOUR;

/** Returns the exchange-local day number of a UTC instant. */
export function localDay(zone: TimeZone, utc: number): number {
  return Math.floor((zone.isUtc ? utc : zone.utcToLocal(utc)) / MICROS_PER_DAY);
}

function localTimeOfDay(zone: TimeZone, utc: number): number {
  const local = zone.utcToLocal(utc);
  return local - Math.floor(local / MICROS_PER_DAY) * MICROS_PER_DAY;
}

function monthIndex(zone: TimeZone, utc: number): number {
  const c = civilFromDays(localDay(zone, utc));
  return c.year * 12 + c.month - 1;
}

/** Builds the gap model of the rows `rows` (sorted, unique times) of `time`. */
export function buildGapModel(
  time: Float64Array,
  rows: Uint32Array,
  timeframe: Timeframe | undefined,
  calendar: Calendar,
  zone: TimeZone,
): GapModel {
  const base = { calendar, zone, timeframeMicros: 0, months: 0, slotMicros: 0, closedPrefix: undefined };
  if (timeframe === undefined || timeframe.unit === 'tick') return { ...base, kind: 'none' };
  if (timeframe.unit === 'month') return { ...base, kind: 'monthly', months: timeframe.count };
  const step = timeframeMicros(timeframe) as number;
  if (timeframe.unit === 'day' && timeframe.count === 1) return { ...base, kind: 'daily', timeframeMicros: step };
  if (timeframe.unit === 'day' || timeframe.unit === 'week')
    return { ...base, kind: 'periodic', timeframeMicros: step };
  const slotMicros =
    MICROS_PER_DAY % step === 0 ? step : step % MICROS_PER_MINUTE === 0 ? MICROS_PER_MINUTE : 1_000_000;
  return {
    ...base,
    kind: 'intraday',
    timeframeMicros: step,
    slotMicros,
    closedPrefix: inferClosedSlots(time, rows, zone, slotMicros),
  };
}

/**
 * Infers when the market is closed each day: time-of-day slots in which bars appear on
 * fewer than 2% of days. With fewer than five days the statistics mean little, so only the
 * longest stretch of empty slots (if at least an hour) counts as closed. Returns prefix sums
 * (index s holds the number of closed slots before s), or undefined when nothing is closed.
 */
function inferClosedSlots(
  time: Float64Array,
  rows: Uint32Array,
  zone: TimeZone,
  slotMicros: number,
): Uint32Array | undefined {
  const slots = MICROS_PER_DAY / slotMicros;
  const counts = new Uint32Array(slots);
  let days = 0;
  let lastDay = Number.NaN;
  const utc = zone.isUtc;
  for (let k = 0; k < rows.length; k++) {
    const t = time[rows[k] as number] as number;
    const local = utc ? t : zone.utcToLocal(t);
    const day = Math.floor(local / MICROS_PER_DAY);
    if (day !== lastDay) {
      days++;
      lastDay = day;
    }
    // `| 0` keeps the index a small integer, which typed arrays index fastest.
    const slot = ((local - day * MICROS_PER_DAY) / slotMicros) | 0;
    counts[slot] = (counts[slot] as number) + 1;
  }
  const threshold = Math.max(1, Math.ceil(days * CLOSED_SLOT_SHARE));
  const closed = new Uint8Array(slots);
  if (days >= MIN_DAYS_FOR_SLOT_STATISTICS) {
    for (let s = 0; s < slots; s++) closed[s] = (counts[s] as number) < threshold ? 1 : 0;
  } else {
    markLongestEmptyRun(counts, threshold, closed, Math.ceil(MIN_SHORT_SAMPLE_BREAK / slotMicros));
  }
  const prefix = new Uint32Array(slots + 1);
  for (let s = 0; s < slots; s++) prefix[s + 1] = (prefix[s] as number) + (closed[s] as number);
  return prefix[slots] === 0 ? undefined : prefix;
}

function markLongestEmptyRun(counts: Uint32Array, threshold: number, closed: Uint8Array, minLength: number): void {
  const slots = counts.length;
  let bestStart = -1;
  let bestLength = 0;
  // Walk twice around the clock so that a run crossing midnight is seen whole.
  let runStart = -1;
  for (let k = 0; k < 2 * slots; k++) {
    const empty = (counts[k % slots] as number) < threshold;
    if (empty && runStart < 0) runStart = k;
    if ((!empty || k === 2 * slots - 1) && runStart >= 0) {
      const length = Math.min(slots, (empty ? k + 1 : k) - runStart);
      if (length > bestLength) {
        bestLength = length;
        bestStart = runStart;
      }
      runStart = -1;
    }
  }
  if (bestLength < minLength || bestLength >= slots) return;
  for (let k = 0; k < bestLength; k++) closed[(bestStart + k) % slots] = 1;
}

function crossesNonTradingDay(model: GapModel, t0: number, t1: number): boolean {
  const d0 = localDay(model.zone, t0);
  const d1 = localDay(model.zone, t1);
  for (let day = d0 + 1; day < d1; day++) if (!model.calendar.isTradingDay(day)) return true;
  return false;
}

function crossesClosedSlot(model: GapModel, t0: number, t1: number): boolean {
  const prefix = model.closedPrefix;
  if (prefix === undefined) return false;
  if (t1 - t0 >= MICROS_PER_DAY) return true;
  const slots = prefix.length - 1;
  const s0 = Math.floor(localTimeOfDay(model.zone, t0) / model.slotMicros);
  const s1 = Math.floor(localTimeOfDay(model.zone, t1) / model.slotMicros);
  // Closed slots strictly between s0 and s1, walking forward around the clock.
  const closed =
    s1 > s0
      ? (prefix[s1] as number) - (prefix[s0 + 1] as number)
      : (prefix[slots] as number) - (prefix[s0 + 1] as number) + (prefix[s1] as number);
  return closed > 0;
}

/**
 * Returns true when intraday bars at `t0` < `t1` lie in different sessions (a closed
 * time of day or a non-trading day lies between them). Always false for other timeframes.
 */
export function isSessionBreak(model: GapModel, t0: number, t1: number): boolean {
  if (model.kind !== 'intraday' || t1 - t0 <= model.timeframeMicros) return false;
  return crossesNonTradingDay(model, t0, t1) || crossesClosedSlot(model, t0, t1);
}

/**
 * Returns how many bars are missing between consecutive bars at `t0` < `t1` (0 when the
 * step is normal or a market break).
 */
export function missingBars(model: GapModel, t0: number, t1: number): number {
  switch (model.kind) {
    case 'none':
      return 0;
    case 'daily':
      return tradingDaysBetween(model.calendar, localDay(model.zone, t0), localDay(model.zone, t1));
    case 'periodic':
      return Math.max(0, Math.round((t1 - t0) / model.timeframeMicros) - 1);
    case 'monthly':
      return Math.max(0, Math.round((monthIndex(model.zone, t1) - monthIndex(model.zone, t0)) / model.months) - 1);
    case 'intraday': {
      const step = t1 - t0;
      if (step <= model.timeframeMicros) return 0;
      return isSessionBreak(model, t0, t1) ? 0 : Math.ceil(step / model.timeframeMicros) - 1;
    }
  }
}

/**
 * Returns the open times of the bars missing between `t0` and `t1` (as counted by
 * {@link missingBars}): daily bars at `t0`'s local time of day on each missing trading day,
 * other bars every timeframe after `t0`. Monthly gaps are not filled (returns []).
 */
export function missingBarTimes(model: GapModel, t0: number, t1: number): number[] {
  const count = missingBars(model, t0, t1);
  const times: number[] = [];
  if (count === 0) return times;
  if (model.kind === 'daily') {
    const timeOfDay = localTimeOfDay(model.zone, t0);
    const d1 = localDay(model.zone, t1);
    for (let day = localDay(model.zone, t0) + 1; day < d1; day++) {
      if (model.calendar.isTradingDay(day)) times.push(model.zone.localToUtc(day * MICROS_PER_DAY + timeOfDay));
    }
    return times;
  }
  if (model.kind === 'monthly') return times;
  for (let k = 1; k <= count; k++) {
    const t = t0 + k * model.timeframeMicros;
    if (t < t1) times.push(t);
  }
  return times;
}
