import { AlphintraError, BarSeries, civilToMicros, MICROS_PER_DAY, parseTimeframe } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { cleanBars } from './clean-bars.js';
import { parseCleaningPolicy } from './cleaning-policy.js';
import type { ValidateOptions, ValidationReport } from './issue.js';
import { validateBars } from './validate-bars.js';

type Row = [time: number, open: number, high: number, low: number, close: number, volume: number];

const MONDAY = Math.floor(civilToMicros(2024, 1, 8) / MICROS_PER_DAY);
const options: ValidateOptions = { calendar: 'weekdays', timeframe: parseTimeframe('1d') };

/** Daily bar on the `k`-th weekday from Monday 2024-01-08. */
function weekday(k: number): number {
  return (MONDAY + Math.floor(k / 5) * 7 + (k % 5)) * MICROS_PER_DAY;
}

function series(rows: Row[]): BarSeries {
  const column = (k: number): Float64Array => Float64Array.from(rows, (row) => row[k] as number);
  return BarSeries.fromColumns({
    time: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
  });
}

const ranged = (k: number, close: number): Row => [weekday(k), close, close + 1, close - 1, close, 100];
const flat = (k: number, price: number): Row => [weekday(k), price, price, price, price, 0];

/** Two ranged bars, `length` flat bars at 10.5, then two ranged bars. */
function withRun(length: number): Row[] {
  const rows = [ranged(0, 10), ranged(1, 10.5)];
  for (let k = 0; k < length; k++) rows.push(flat(2 + k, 10.5));
  rows.push(ranged(2 + length, 11), ranged(3 + length, 11.5));
  return rows;
}

const stale = (report: ValidationReport) => report.issues.find((i) => i.kind === 'stale_price');

describe('stale_price detection', () => {
  it('reports a run of 5 rangeless bars at one close, counting the 4 repeats', () => {
    const report = validateBars(series(withRun(5)), options);
    expect(stale(report)).toEqual({
      kind: 'stale_price',
      count: 4,
      severity: 'warning',
      examples: [{ row: 3, time: '2024-01-11T00:00:00Z', detail: 'close 10.5 unchanged for 5 bars with no range' }],
    });
    expect(report.ok).toBe(true);
  });

  it('does not report a run of 4', () => {
    expect(stale(validateBars(series(withRun(4)), options))).toBeUndefined();
  });

  it('does not report unchanged closes when the bars have a range', () => {
    const rows = [ranged(0, 10)];
    for (let k = 1; k <= 8; k++) rows.push(ranged(k, 10.5));
    expect(stale(validateBars(series(rows), options))).toBeUndefined();
  });

  it('does not report flat bars that traded: a quiet market is not a stale feed', () => {
    const rows = withRun(7).map(
      (row): Row => (row[2] === row[3] ? [row[0], row[1], row[2], row[3], row[4], 250] : row),
    );
    expect(validateBars(series(rows), options).issues.find((i) => i.kind === 'stale_price')).toBeUndefined();
    const missing = withRun(7).map(
      (row): Row => (row[2] === row[3] ? [row[0], row[1], row[2], row[3], row[4], Number.NaN] : row),
    );
    expect(validateBars(series(missing), options).issues.find((i) => i.kind === 'stale_price')?.count).toBe(6);
  });

  it('ends a run where the price changes, even if the bars stay flat', () => {
    const rows = [flat(0, 10), flat(1, 10), flat(2, 10), flat(3, 10), flat(4, 10.5), flat(5, 10.5)];
    expect(stale(validateBars(series(rows), options))).toBeUndefined();
    rows.push(flat(6, 10.5), flat(7, 10.5), flat(8, 10.5), flat(9, 10.5));
    const issue = stale(validateBars(series(rows), options));
    expect(issue?.count).toBe(5);
    expect(issue?.examples.map((e) => e.detail)).toEqual(['close 10.5 unchanged for 6 bars with no range']);
  });

  it('counts every run and walks rows in time order', () => {
    const rows = [...withRun(7).slice(0, 9), flat(9, 12), flat(10, 12), flat(11, 12), flat(12, 12), flat(13, 12)];
    const report = validateBars(series([...rows].reverse()), options);
    const issue = stale(report);
    expect(issue?.count).toBe(6 + 4);
    expect(issue?.examples.map((e) => e.detail)).toEqual([
      'close 10.5 unchanged for 7 bars with no range',
      'close 12 unchanged for 5 bars with no range',
    ]);
  });

  it('does not look for stale runs in tick data', () => {
    const report = validateBars(series(withRun(8)), { ...options, timeframe: parseTimeframe('tick') });
    expect(stale(report)).toBeUndefined();
  });

  it('honours the staleRun option and rejects a run shorter than 2', () => {
    expect(stale(validateBars(series(withRun(4)), { ...options, staleRun: 3 }))?.count).toBe(3);
    expect(stale(validateBars(series(withRun(5)), { ...options, staleRun: 6 }))).toBeUndefined();
    expect(() => validateBars(series(withRun(5)), { ...options, staleRun: 1 })).toThrow(AlphintraError);
    expect(() => validateBars(series(withRun(5)), { ...options, staleRun: 2.5 })).toThrow(
      'expected an integer staleRun of at least 2, got 2.5',
    );
  });
});

describe('stale_price cleaning', () => {
  it('drops the repeats and keeps the first bar of the run', () => {
    const input = series(withRun(7));
    const result = cleanBars(input, parseCleaningPolicy('stale_price=drop'), options);
    expect(Array.from(result.series.time)).toEqual([0, 1, 2, 9, 10].map(weekday));
    expect((result.lineage.details['rowsAffected'] as Record<string, number>)['stale_price']).toBe(6);
    expect(stale(result.before)?.count).toBe(6);
    expect(stale(result.after)).toBeUndefined();
  });

  it('keeps the run by default and rejects it on request', () => {
    const input = series(withRun(5));
    expect(cleanBars(input, {}, options).series.length).toBe(9);
    expect(() => cleanBars(input, parseCleaningPolicy('stale_price=reject'), options)).toThrow(
      'rejected: 4 × stale_price (first: row 3 at 2024-01-11T00:00:00Z: close 10.5 unchanged for 5 bars with no range)',
    );
  });

  it('does not accept actions other than drop, keep and reject', () => {
    expect(() => parseCleaningPolicy('stale_price=forward_fill')).toThrow(
      'action forward_fill does not apply to stale_price; expected one of drop, keep, reject',
    );
  });
});
