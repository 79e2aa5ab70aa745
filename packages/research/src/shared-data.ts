import { BarSeries, type BarSeriesMeta, type Instrument } from '@alphintra/core';
import type { BacktestData } from '@alphintra/engine';
import { type BarData, requireBars } from '@alphintra/optimize';

/** One instrument's bars in shared memory, ready to post to worker threads without copying. */
export interface SharedInstrumentData {
  readonly instrument: Instrument;
  readonly hash: string;
  readonly meta: BarSeriesMeta;
  readonly length: number;
  /** time, open, high, low, close, volume, then each extra column, `length` doubles each. */
  readonly buffer: SharedArrayBuffer;
  readonly extras: readonly string[];
  readonly marginRate?: number;
  readonly fundingRate?: number | Float64Array;
}

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Copies the bars of every instrument once into shared memory. Workers then map the same
 * bytes (`openSharedData`), so N workers hold one copy of the data, not N.
 */
export function shareData(data: readonly BacktestData[]): SharedInstrumentData[] {
  return requireBars(data).map((d) => {
    const columns = d.series.columns();
    const extras = Object.keys(columns.extras ?? {}).sort();
    const n = d.series.length;
    const buffer = new SharedArrayBuffer(8 * n * (FIELDS.length + extras.length));
    const all = [
      ...FIELDS.map((f) => columns[f]),
      ...extras.map((e) => (columns.extras as Record<string, Float64Array>)[e] as Float64Array),
    ];
    all.forEach((column, k) => {
      new Float64Array(buffer, 8 * n * k, n).set(column);
    });
    return {
      instrument: d.instrument,
      hash: d.hash ?? '',
      meta: { ...d.series.meta },
      length: n,
      buffer,
      extras,
      ...(d.marginRate === undefined ? {} : { marginRate: d.marginRate }),
      ...(d.fundingRate === undefined ? {} : { fundingRate: d.fundingRate }),
    };
  });
}

/** Returns backtest data whose columns are views of shared memory made by `shareData`. */
export function openSharedData(shared: readonly SharedInstrumentData[]): BarData[] {
  return shared.map((s) => {
    const n = s.length;
    const view = (k: number): Float64Array => new Float64Array(s.buffer, 8 * n * k, n);
    const extras: Record<string, Float64Array> = {};
    s.extras.forEach((name, i) => {
      extras[name] = view(FIELDS.length + i);
    });
    const series = BarSeries.fromColumns(
      { time: view(0), open: view(1), high: view(2), low: view(3), close: view(4), volume: view(5), extras },
      s.meta,
    );
    return {
      instrument: s.instrument,
      series,
      ...(s.hash === '' ? {} : { hash: s.hash }),
      ...(s.marginRate === undefined ? {} : { marginRate: s.marginRate }),
      ...(s.fundingRate === undefined ? {} : { fundingRate: s.fundingRate }),
    };
  });
}
