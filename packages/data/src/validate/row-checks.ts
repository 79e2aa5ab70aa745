import type { BarSeries } from '@alphintra/core';
import { formatIsoMicros } from '@alphintra/core';
import type { IssueCollector } from './issue-collector.js';
import { formatValue } from './issue-collector.js';

const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

function missingFields(o: number, h: number, l: number, c: number): string {
  const names: string[] = [];
  [o, h, l, c].forEach((value, k) => {
    if (Number.isNaN(value)) names.push(PRICE_FIELDS[k] as string);
  });
  return `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} NaN`;
}

function nonPositiveFields(o: number, h: number, l: number, c: number): string {
  const parts: string[] = [];
  [o, h, l, c].forEach((value, k) => {
    if (value <= 0) parts.push(`${PRICE_FIELDS[k]} ${formatValue(value)}`);
  });
  return `${parts.join(', ')} not positive`;
}

/**
 * Checks every row on its own: missing (NaN) prices, non-positive prices, high below low,
 * high below max(open, close), low above min(open, close), negative and missing volume.
 * Comparisons with NaN are false, so a missing price raises only `missing_price`.
 */
export function checkRows(series: BarSeries, collector: IssueCollector): void {
  const { time, open, high, low, close, volume } = series;
  let missing = 0;
  let nonPositive = 0;
  let highBelowLow = 0;
  let highBelow = 0;
  let lowAbove = 0;
  let negativeVolume = 0;
  let missingVolume = 0;
  for (let i = 0; i < series.length; i++) {
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    const v = volume[i] as number;
    if (Number.isNaN(o) || Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) {
      missing++;
      collector.addExample('missing_price', i, time[i] as number, missingFields(o, h, l, c));
    }
    if (o <= 0 || h <= 0 || l <= 0 || c <= 0) {
      nonPositive++;
      collector.addExample('non_positive_price', i, time[i] as number, nonPositiveFields(o, h, l, c));
    }
    if (h < l) {
      highBelowLow++;
      collector.addExample('high_below_low', i, time[i] as number, `high ${formatValue(h)} < low ${formatValue(l)}`);
    }
    if (h < o || h < c) {
      highBelow++;
      const [name, value] = o >= c ? ['open', o] : ['close', c];
      collector.addExample(
        'high_below_open_close',
        i,
        time[i] as number,
        `high ${formatValue(h)} < ${name} ${formatValue(value)}`,
      );
    }
    if (l > o || l > c) {
      lowAbove++;
      const [name, value] = o <= c ? ['open', o] : ['close', c];
      collector.addExample(
        'low_above_open_close',
        i,
        time[i] as number,
        `low ${formatValue(l)} > ${name} ${formatValue(value)}`,
      );
    }
    if (v < 0) {
      negativeVolume++;
      collector.addExample('negative_volume', i, time[i] as number, `volume ${formatValue(v)} < 0`);
    }
    if (Number.isNaN(v)) {
      missingVolume++;
      collector.addExample('missing_volume', i, time[i] as number, 'volume is NaN');
    }
  }
  collector.addCount('missing_price', missing);
  collector.addCount('non_positive_price', nonPositive);
  collector.addCount('high_below_low', highBelowLow);
  collector.addCount('high_below_open_close', highBelow);
  collector.addCount('low_above_open_close', lowAbove);
  collector.addCount('negative_volume', negativeVolume);
  collector.addCount('missing_volume', missingVolume);
}

/** Counts rows whose time is lower than the largest time before them. */
export function checkOrder(time: Float64Array, collector: IssueCollector): void {
  let count = 0;
  let maxRow = 0;
  for (let i = 1; i < time.length; i++) {
    const t = time[i] as number;
    const max = time[maxRow] as number;
    if (t < max) {
      count++;
      if (collector.wantsExample('out_of_order')) {
        collector.addExample('out_of_order', i, t, `earlier than ${formatIsoMicros(max)} at row ${maxRow}`);
      }
    } else if (t > max) {
      maxRow = i;
    }
  }
  collector.addCount('out_of_order', count);
}

function describeDifference(series: BarSeries, row: number, first: number): string {
  const columns = [series.open, series.high, series.low, series.close, series.volume];
  const names = ['open', 'high', 'low', 'close', 'volume'];
  for (let k = 0; k < columns.length; k++) {
    const a = (columns[k] as Float64Array)[row] as number;
    const b = (columns[k] as Float64Array)[first] as number;
    if (!Object.is(a, b)) return `${names[k]} ${formatValue(a)} vs ${formatValue(b)}`;
  }
  return 'identical';
}

/**
 * Counts rows that repeat an earlier row's time (all but the first of each time, walking
 * `order`, the stable time order), noting whether the repeat is identical.
 */
export function checkDuplicates(series: BarSeries, order: Uint32Array | undefined, collector: IssueCollector): void {
  const time = series.time;
  let count = 0;
  let first = -1;
  for (let k = 0; k < series.length; k++) {
    const row = order === undefined ? k : (order[k] as number);
    if (first >= 0 && time[row] === time[first]) {
      count++;
      if (collector.wantsExample('duplicate_timestamp')) {
        const how = describeDifference(series, row, first);
        collector.addExample('duplicate_timestamp', row, time[row] as number, `same time as row ${first} (${how})`);
      }
    } else {
      first = row;
    }
  }
  collector.addCount('duplicate_timestamp', count);
}
