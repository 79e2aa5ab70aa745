import type { BarSeries } from '@alphintra/core';
import type { CleaningAction } from './cleaning-policy.js';

/** Mutable copies of a series' columns that cleaning works on. */
export interface WorkColumns {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  extras: Record<string, Float64Array>;
}

const PRICE_KEYS = ['open', 'high', 'low', 'close'] as const;

/** Returns copies of the rows `rows` (in that order) of every column. */
export function takeRows(series: BarSeries, rows: ArrayLike<number>): WorkColumns {
  const pick = (source: Float64Array): Float64Array => {
    const target = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) target[k] = source[rows[k] as number] as number;
    return target;
  };
  const extras: Record<string, Float64Array> = {};
  for (const name of series.extraNames) extras[name] = pick(series.extra(name) as Float64Array);
  return {
    time: pick(series.time),
    open: pick(series.open),
    high: pick(series.high),
    low: pick(series.low),
    close: pick(series.close),
    volume: pick(series.volume),
    extras,
  };
}

/** Returns the columns without the rows flagged in `dropped`. */
export function withoutRows(columns: WorkColumns, dropped: Uint8Array): WorkColumns {
  const kept: number[] = [];
  for (let i = 0; i < dropped.length; i++) if (dropped[i] === 0) kept.push(i);
  if (kept.length === dropped.length) return columns;
  const pick = (source: Float64Array): Float64Array => {
    const target = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) target[k] = source[kept[k] as number] as number;
    return target;
  };
  const extras: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(columns.extras)) extras[name] = pick(column);
  return {
    time: pick(columns.time),
    open: pick(columns.open),
    high: pick(columns.high),
    low: pick(columns.low),
    close: pick(columns.close),
    volume: pick(columns.volume),
    extras,
  };
}

// Same tests as validation: +Infinity is not flagged there, so it is not repaired here.
const isPrice = (value: number): boolean => value > 0;
const isVolume = (value: number): boolean => value >= 0;

/**
 * Finds, for interpolation, the next row after `i` whose value in `column` is good; caches
 * the answer so that a run of bad rows is scanned once.
 */
class NextGood {
  #index = -1;
  constructor(
    private readonly column: Float64Array,
    private readonly good: (value: number) => boolean,
    private readonly dropped: Uint8Array,
  ) {}

  after(i: number): number {
    if (this.#index <= i) {
      let j = i + 1;
      while (j < this.column.length && (this.dropped[j] !== 0 || !this.good(this.column[j] as number))) j++;
      this.#index = j;
    }
    return this.#index < this.column.length ? this.#index : -1;
  }
}

function interpolateAt(time: Float64Array, column: Float64Array, i: number, previous: number, next: number): number {
  if (previous < 0 && next < 0) return Number.NaN;
  if (previous < 0) return column[next] as number;
  if (next < 0) return column[previous] as number;
  const a = column[previous] as number;
  const b = column[next] as number;
  const ta = time[previous] as number;
  return a + ((b - a) * ((time[i] as number) - ta)) / ((time[next] as number) - ta);
}

/** Rows changed (filled or dropped) per issue kind by one repair pass. */
export interface RepairCounts {
  [kind: string]: number;
}

/**
 * Repairs missing (NaN) and non-positive prices in place according to `missing` and
 * `nonPositive` actions, flagging rows to drop in `dropped`. A forward-filled value is the
 * previous good close; an interpolated one lies on the line between the same field's good
 * neighbours (the nearest one at the ends). A row that cannot be filled (no good
 * neighbour) is dropped. Filled rows get high/low widened to the envelope of their prices.
 */
export function repairPrices(
  columns: WorkColumns,
  missing: CleaningAction,
  nonPositive: CleaningAction,
  dropped: Uint8Array,
  counts: RepairCounts,
): void {
  const { time } = columns;
  const fields = PRICE_KEYS.map((key) => columns[key]);
  const nextGood = fields.map((column) => new NextGood(column, isPrice, dropped));
  const previousGood = [-1, -1, -1, -1];
  let lastCloseRow = -1;
  const actionFor = (value: number): CleaningAction =>
    Number.isNaN(value) ? missing : isPrice(value) ? 'keep' : nonPositive;
  for (let i = 0; i < time.length; i++) {
    if (dropped[i] !== 0) continue;
    let hasMissing = false;
    let hasNonPositive = false;
    let drop = false;
    let fill = false;
    for (const column of fields) {
      const value = column[i] as number;
      if (isPrice(value)) continue;
      if (Number.isNaN(value)) hasMissing = true;
      else hasNonPositive = true;
      const action = actionFor(value);
      if (action === 'drop') drop = true;
      else if (action === 'forward_fill' || action === 'interpolate') fill = true;
    }
    if (fill && !drop) {
      for (let f = 0; f < 4; f++) {
        const column = fields[f] as Float64Array;
        const value = column[i] as number;
        if (isPrice(value)) continue;
        const action = actionFor(value);
        if (action === 'forward_fill') {
          if (lastCloseRow < 0) drop = true;
          else column[i] = columns.close[lastCloseRow] as number;
        } else if (action === 'interpolate') {
          const filled = interpolateAt(time, column, i, previousGood[f] as number, (nextGood[f] as NextGood).after(i));
          if (Number.isNaN(filled)) drop = true;
          else column[i] = filled;
        }
      }
      if (!drop) widenEnvelope(columns, i);
    }
    if (drop) dropped[i] = 1;
    if (drop || fill) {
      if (hasMissing && missing !== 'keep') counts['missing_price'] = (counts['missing_price'] ?? 0) + 1;
      if (hasNonPositive && nonPositive !== 'keep')
        counts['non_positive_price'] = (counts['non_positive_price'] ?? 0) + 1;
      if (drop) continue;
    }
    for (let f = 0; f < 4; f++) if (isPrice((fields[f] as Float64Array)[i] as number)) previousGood[f] = i;
    if (isPrice(columns.close[i] as number)) lastCloseRow = i;
  }
}

/** Sets high and low to the largest and smallest of the row's four prices (when all are numbers). */
export function widenEnvelope(columns: WorkColumns, i: number): void {
  const o = columns.open[i] as number;
  const h = columns.high[i] as number;
  const l = columns.low[i] as number;
  const c = columns.close[i] as number;
  if (Number.isNaN(o + h + l + c)) return;
  columns.high[i] = Math.max(o, h, l, c);
  columns.low[i] = Math.min(o, h, l, c);
}

/**
 * Applies the OHLC-consistency actions in place: a row with several problems is dropped if
 * any of their actions is `drop`, else clamped (high/low widened) if any is `clamp`.
 */
export function repairEnvelopes(
  columns: WorkColumns,
  actions: { highBelowLow: CleaningAction; highBelowOpenClose: CleaningAction; lowAboveOpenClose: CleaningAction },
  dropped: Uint8Array,
  counts: RepairCounts,
): void {
  const { open, high, low, close } = columns;
  for (let i = 0; i < open.length; i++) {
    if (dropped[i] !== 0) continue;
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    if (!(h < l || h < o || h < c || l > o || l > c)) continue;
    const present: [string, CleaningAction][] = [];
    if (h < l) present.push(['high_below_low', actions.highBelowLow]);
    if (h < o || h < c) present.push(['high_below_open_close', actions.highBelowOpenClose]);
    if (l > o || l > c) present.push(['low_above_open_close', actions.lowAboveOpenClose]);
    const drop = present.some(([, action]) => action === 'drop');
    const clamp = present.some(([, action]) => action === 'clamp');
    if (!drop && !clamp) continue;
    if (drop) dropped[i] = 1;
    else widenEnvelope(columns, i);
    for (const [kind, action] of present) if (action !== 'keep') counts[kind] = (counts[kind] ?? 0) + 1;
  }
}

/**
 * Repairs missing (NaN) and negative volumes in place: `forward_fill` sets 0 (no trades
 * known), `interpolate` uses the line between the good neighbours (nearest at the ends, 0
 * when none), `drop` flags the row.
 */
export function repairVolumes(
  columns: WorkColumns,
  missing: CleaningAction,
  negative: CleaningAction,
  dropped: Uint8Array,
  counts: RepairCounts,
): void {
  const { time, volume } = columns;
  const nextGood = new NextGood(volume, isVolume, dropped);
  let previous = -1;
  for (let i = 0; i < volume.length; i++) {
    if (dropped[i] !== 0) continue;
    const v = volume[i] as number;
    if (isVolume(v)) {
      previous = i;
      continue;
    }
    const kind = Number.isNaN(v) ? 'missing_volume' : 'negative_volume';
    const action = kind === 'missing_volume' ? missing : negative;
    if (action === 'keep' || action === 'reject') continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (action === 'drop') dropped[i] = 1;
    else if (action === 'forward_fill') volume[i] = 0;
    else {
      const filled = interpolateAt(time, volume, i, previous, nextGood.after(i));
      volume[i] = Number.isNaN(filled) ? 0 : filled;
    }
  }
}
