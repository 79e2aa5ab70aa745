import { BarSeries } from '../bar-series.js';
import { detectTimeframe } from '../detect-timeframe.js';
import { approximateTimeframeMicros } from '../timeframe.js';
import type { ResampleOptions } from './resample-options.js';
import { planResample, sourceCloseTime, straddleError, unsortedError } from './resample-plan.js';

/** The outcome of {@link resampleBars}. */
export interface ResampleResult {
  /** The higher-timeframe bars, one per bucket that holds at least one source bar. */
  readonly series: BarSeries;
  /** For each output bar, the time (µs) at which it closes and may be seen. */
  readonly closeTimes: Float64Array;
  /** Whether the last output bar is a trailing bucket that has not closed yet. */
  readonly partialLast: boolean;
}

/**
 * Builds higher-timeframe bars from sorted lower-timeframe bars in one pass: first open,
 * highest high, lowest low, last close, summed volume (NaN inputs ignored) and the last
 * value of each extra column. Buckets are left-closed `[start, end)`; empty buckets are
 * omitted; the trailing bucket is dropped unless it has closed or `includePartial` is set.
 * `closeTimes[i]` says when bar `i` becomes known, so a backtest never sees it earlier.
 *
 * @example
 * const { series, closeTimes } = resampleBars(minuteBars, { timeframe: parseTimeframe('5m') });
 */
export function resampleBars(series: BarSeries, options: ResampleOptions): ResampleResult {
  const n = series.length;
  const source = options.sourceTimeframe ?? series.meta.timeframe ?? detectTimeframe(series.time);
  const plan = planResample(options, source);
  const meta = { ...series.meta, timeframe: options.timeframe };
  const extraNames = series.extraNames;
  if (n === 0) {
    return { series: BarSeries.empty(1, meta, extraNames), closeTimes: new Float64Array(0), partialLast: false };
  }
  const { time, open, high, low, close, volume } = series;
  const calendar = plan.calendar;
  const reach = plan.reach;
  const labelRight = plan.labelRight;
  const uniform = calendar.uniformLength;

  const ratio =
    source === undefined ? 1 : approximateTimeframeMicros(source) / approximateTimeframeMicros(options.timeframe);
  const out = new Output(Math.min(n, Math.ceil(n * ratio) + 16), extraNames.length > 0);
  let { labels, opens, highs, lows, closes, volumes, ends, firstRows } = out;
  let count = 0;

  let from = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let bo = Number.NaN;
  let bh = Number.NaN;
  let bl = Number.NaN;
  let bc = Number.NaN;
  let bv = Number.NaN;
  let previous = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < n; i++) {
    const t = time[i] as number;
    if (!(t >= previous)) throw unsortedError(i, t, previous);
    previous = t;
    if (t >= end || t < from) {
      if (count > 0) {
        opens[count - 1] = bo;
        highs[count - 1] = bh;
        lows[count - 1] = bl;
        closes[count - 1] = bc;
        volumes[count - 1] = bv;
      }
      let start: number;
      if (uniform > 0) {
        start = Math.floor(t / uniform) * uniform;
        from = start;
        end = start + uniform;
      } else {
        calendar.locate(t);
        from = calendar.from;
        start = calendar.start;
        end = calendar.end;
      }
      if (count === labels.length) {
        ({ labels, opens, highs, lows, closes, volumes, ends, firstRows } = out.grow());
      }
      labels[count] = labelRight ? end : start;
      ends[count] = end;
      if (firstRows !== undefined) firstRows[count] = i;
      count++;
      bo = Number.NaN;
      bh = Number.NaN;
      bl = Number.NaN;
      bc = Number.NaN;
      bv = Number.NaN;
    }
    if (t + reach > end) throw straddleError(i, t, end);
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    const v = volume[i] as number;
    if (Number.isNaN(bo)) bo = o;
    if (h > bh || Number.isNaN(bh)) bh = h;
    if (l < bl || Number.isNaN(bl)) bl = l;
    if (!Number.isNaN(c)) bc = c;
    if (!Number.isNaN(v)) bv = !Number.isNaN(bv) ? bv + v : v;
  }
  opens[count - 1] = bo;
  highs[count - 1] = bh;
  lows[count - 1] = bl;
  closes[count - 1] = bc;
  volumes[count - 1] = bv;

  const knownUntil = options.asOf ?? sourceCloseTime(plan, time[n - 1] as number);
  const partialLast = end > knownUntil;
  const kept = partialLast && options.includePartial !== true ? count - 1 : count;
  const extras: Record<string, Float64Array> = {};
  if (firstRows !== undefined) {
    for (const name of extraNames)
      extras[name] = lastValues(series.extra(name) as Float64Array, firstRows, kept, count);
  }
  const fit = (column: Float64Array): Float64Array =>
    kept * 2 < column.length ? column.slice(0, kept) : column.subarray(0, kept);
  return {
    series: BarSeries.fromColumns(
      {
        time: fit(labels),
        open: fit(opens),
        high: fit(highs),
        low: fit(lows),
        close: fit(closes),
        volume: fit(volumes),
        extras,
      },
      meta,
    ),
    closeTimes: fit(ends),
    partialLast: partialLast && kept === count,
  };
}

/** Growable output columns. */
class Output {
  labels: Float64Array;
  opens: Float64Array;
  highs: Float64Array;
  lows: Float64Array;
  closes: Float64Array;
  volumes: Float64Array;
  ends: Float64Array;
  firstRows: Float64Array | undefined;

  constructor(capacity: number, withRows: boolean) {
    this.labels = new Float64Array(capacity);
    this.opens = new Float64Array(capacity);
    this.highs = new Float64Array(capacity);
    this.lows = new Float64Array(capacity);
    this.closes = new Float64Array(capacity);
    this.volumes = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
    this.firstRows = withRows ? new Float64Array(capacity) : undefined;
  }

  grow(): this {
    const capacity = this.labels.length * 2;
    const grow = (array: Float64Array): Float64Array => {
      const next = new Float64Array(capacity);
      next.set(array);
      return next;
    };
    this.labels = grow(this.labels);
    this.opens = grow(this.opens);
    this.highs = grow(this.highs);
    this.lows = grow(this.lows);
    this.closes = grow(this.closes);
    this.volumes = grow(this.volumes);
    this.ends = grow(this.ends);
    if (this.firstRows !== undefined) this.firstRows = grow(this.firstRows);
    return this;
  }
}

// Extras keep each bucket's last non-NaN value (open interest, adjusted close …).
function lastValues(values: Float64Array, firstRows: Float64Array, kept: number, count: number): Float64Array {
  const result = new Float64Array(kept);
  for (let b = 0; b < kept; b++) {
    const first = firstRows[b] as number;
    let value = Number.NaN;
    for (let i = (b + 1 < count ? (firstRows[b + 1] as number) : values.length) - 1; i >= first; i--) {
      const v = values[i] as number;
      if (!Number.isNaN(v)) {
        value = v;
        break;
      }
    }
    result[b] = value;
  }
  return result;
}
