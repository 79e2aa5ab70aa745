import { AlphintraError, BarSeries, civilToMicros, MICROS_PER_DAY, parseTimeframe, SeededRng } from '@alphintra/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanBars } from './clean-bars.js';
import type { CleaningPolicy } from './cleaning-policy.js';
import { APPLICABLE_ACTIONS, DEFAULT_CLEANING_POLICY } from './cleaning-policy.js';
import type { IssueKind } from './issue.js';
import { ISSUE_KINDS } from './issue.js';

type Row = [time: number, open: number, high: number, low: number, close: number, volume: number];

const MONDAY = Math.floor(civilToMicros(2024, 1, 8) / MICROS_PER_DAY);

/** Daily bar on the `k`-th weekday from Monday 2024-01-08 (no NYSE holiday until 2024-01-15). */
function weekday(k: number): number {
  return (MONDAY + Math.floor(k / 5) * 7 + (k % 5)) * MICROS_PER_DAY;
}

function series(rows: Row[]): BarSeries {
  const column = (k: number): Float64Array => Float64Array.from(rows, (row) => row[k] as number);
  return BarSeries.fromColumns(
    { time: column(0), open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5) },
    { symbol: 'TEST' },
  );
}

function rowsOf(s: BarSeries): Row[] {
  return Array.from({ length: s.length }, (_, i): Row => {
    const b = s.bar(i);
    return [b.time, b.open, b.high, b.low, b.close, b.volume];
  });
}

const good = (k: number, close = 10): Row => [weekday(k), close, close + 1, close - 1, close, 100];
const options = { calendar: 'weekdays', timeframe: parseTimeframe('1d') } as const;

describe('cleanBars ordering and duplicates', () => {
  it('sorts stably and drops repeated times keeping the first row in time order', () => {
    const input = series([good(2, 12), good(0, 10), good(1, 11), [weekday(0), 99, 100, 98, 99, 1]]);
    const result = cleanBars(input, { out_of_order: 'sort', duplicate_timestamp: 'drop' }, options);
    expect(rowsOf(result.series)).toEqual([good(0, 10), good(1, 11), good(2, 12)]);
    expect(result.lineage).toEqual({
      operation: 'clean',
      details: expect.objectContaining({ rowsBefore: 4, rowsAfter: 3 }),
    });
    const affected = result.lineage.details['rowsAffected'] as Record<string, number>;
    expect(affected['out_of_order']).toBe(3);
    expect(affected['duplicate_timestamp']).toBe(1);
    expect(result.before.ok).toBe(false);
    expect(result.after.ok).toBe(true);
    expect(result.series.meta.symbol).toBe('TEST');
  });

  it('drops rows that go back in time when out_of_order=drop', () => {
    const result = cleanBars(series([good(0), good(2), good(1), good(3)]), { out_of_order: 'drop' }, options);
    expect(rowsOf(result.series).map((r) => r[0])).toEqual([weekday(0), weekday(2), weekday(3)]);
  });

  it('keeps everything when the policy is empty, yet reports the same issues after as before', () => {
    const input = series([good(1), good(0), good(0)]);
    const result = cleanBars(input, {}, options);
    expect(rowsOf(result.series)).toEqual(rowsOf(input));
    expect(result.after).toEqual(result.before);
  });
});

describe('cleanBars value repairs', () => {
  it('forward-fills missing prices from the previous close and widens the envelope', () => {
    const input = series([good(0, 10), [weekday(1), Number.NaN, 12, 11, Number.NaN, 5], good(2, 11)]);
    const result = cleanBars(input, { missing_price: 'forward_fill' }, options);
    expect(rowsOf(result.series)[1]).toEqual([weekday(1), 10, 12, 10, 10, 5]);
  });

  it('drops a leading row that has nothing to forward-fill from', () => {
    const input = series([[weekday(0), Number.NaN, 1, 1, 1, 1], good(1)]);
    const result = cleanBars(input, { missing_price: 'forward_fill' }, options);
    expect(result.series.length).toBe(1);
  });

  it('interpolates bad prices linearly in time between the same field of the neighbours', () => {
    // Weekdays 0, 1 and 3 (Thursday is two days after Tuesday): the fill sits one third of the way.
    const input = series([good(0, 10), [weekday(1), 0, -1, Number.NaN, Number.NaN, 1], good(3, 13)]);
    const result = cleanBars(input, { missing_price: 'interpolate', non_positive_price: 'interpolate' }, options);
    expect(rowsOf(result.series)[1]).toEqual([weekday(1), 11, 12, 10, 11, 1]);
  });

  it('drops rows with missing or non-positive prices', () => {
    const input = series([good(0), [weekday(1), 1, 1, 0, 1, 1], [weekday(2), 1, 1, 1, Number.NaN, 1], good(3)]);
    const result = cleanBars(input, { missing_price: 'drop', non_positive_price: 'drop' }, options);
    expect(rowsOf(result.series)).toEqual([good(0), good(3)]);
  });

  it('clamps high and low to the envelope of the four prices', () => {
    const input = series([good(0), [weekday(1), 10, 9, 9.5, 9.2, 1]]);
    const policy: CleaningPolicy = {
      high_below_low: 'clamp',
      high_below_open_close: 'clamp',
      low_above_open_close: 'clamp',
    };
    const result = cleanBars(input, policy, options);
    expect(rowsOf(result.series)[1]).toEqual([weekday(1), 10, 10, 9, 9.2, 1]);
    expect(result.after.ok).toBe(true);
  });

  it('drops an inconsistent row when any of its problems says drop', () => {
    const input = series([good(0), [weekday(1), 10, 9, 9.5, 9.2, 1]]);
    const result = cleanBars(input, { high_below_low: 'clamp', low_above_open_close: 'drop' }, options);
    expect(result.series.length).toBe(1);
  });

  it('sets missing and negative volume to 0 on forward_fill and interpolates it on interpolate', () => {
    const input = series([
      good(0),
      [weekday(1), 10, 11, 9, 10, -3],
      [weekday(2), 10, 11, 9, 10, Number.NaN],
      [weekday(3), 10, 11, 9, 10, 300],
    ]);
    const filled = cleanBars(input, { negative_volume: 'forward_fill', missing_volume: 'forward_fill' }, options);
    expect(Array.from(filled.series.volume)).toEqual([100, 0, 0, 300]);
    const interpolated = cleanBars(input, { negative_volume: 'interpolate', missing_volume: 'interpolate' }, options);
    // One and two thirds of the way from 100 (Monday) to 300 (Thursday).
    const [a, b, c, d] = Array.from(interpolated.series.volume);
    expect([a, d]).toEqual([100, 300]);
    expect(b).toBeCloseTo(100 + 200 / 3, 9);
    expect(c).toBeCloseTo(100 + 400 / 3, 9);
  });
});

describe('cleanBars gaps and outliers', () => {
  it('inserts flat bars at the previous close for forward_fill gaps', () => {
    const input = series([good(0, 10), good(3, 13)]);
    const result = cleanBars(input, { gap: 'forward_fill' }, options);
    expect(rowsOf(result.series)).toEqual([
      good(0, 10),
      [weekday(1), 10, 10, 10, 10, 0],
      [weekday(2), 10, 10, 10, 10, 0],
      good(3, 13),
    ]);
    expect((result.lineage.details['rowsAffected'] as Record<string, number>)['gap']).toBe(2);
    expect(result.after.issues).toEqual([]);
  });

  it('inserts bars on the line from the previous close to the next open for interpolate gaps', () => {
    const input = series([good(0, 10), good(3, 13)]);
    const result = cleanBars(input, { gap: 'interpolate' }, options);
    expect(Array.from(result.series.close)).toEqual([10, 11, 12, 13]);
  });

  it('does not fill NYSE holidays on the us-equity calendar', () => {
    const days = ['2012-10-26', '2012-10-31'];
    const input = series(days.map((d): Row => [Date.parse(`${d}T00:00:00Z`) * 1000, 10, 11, 9, 10, 1]));
    const result = cleanBars(input, { gap: 'forward_fill' }, { ...options, calendar: 'us-equity' });
    expect(rowsOf(result.series).map((r) => r[0])).toEqual([input.time[0], input.time[1]]);
  });

  it('drops return outliers', () => {
    const rng = new SeededRng(3);
    let price = 100;
    const rows = Array.from({ length: 60 }, (_, k) => good(k, (price *= Math.exp(0.01 * rng.nextNormal()))));
    rows[30] = [weekday(30), 100, 400, 100, 400, 100];
    const result = cleanBars(series(rows), { return_outlier: 'drop' }, options);
    expect(result.before.issues.find((i) => i.kind === 'return_outlier')?.count).toBe(1);
    expect(result.series.length).toBe(59);
    expect(Array.from(result.series.close)).not.toContain(400);
  });
});

describe('cleanBars rejection and purity', () => {
  it('rejects data with a problem whose action is reject, naming kind, count and first example', () => {
    const input = series([good(0), good(0), good(1), good(1)]);
    let caught: unknown;
    try {
      cleanBars(input, { duplicate_timestamp: 'reject' }, options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AlphintraError);
    expect(caught).toMatchObject({
      code: 'DATA_REJECTED',
      message:
        'rejected: 2 × duplicate_timestamp (first: row 1 at 2024-01-08T00:00:00Z: same time as row 0 (identical))',
    });
    expect(() => cleanBars(series([good(0), good(1)]), { duplicate_timestamp: 'reject' }, options)).not.toThrow();
  });

  it('never changes its input', () => {
    const input = series([good(1), [weekday(0), Number.NaN, 1, 2, 3, -1], good(1)]);
    const copy = rowsOf(input);
    cleanBars(input, { ...DEFAULT_CLEANING_POLICY, missing_price: 'forward_fill', gap: 'forward_fill' }, options);
    expect(rowsOf(input)).toEqual(copy);
  });
});

describe('cleanBars properties', () => {
  const value = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 1, max: 100, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 0, -5) },
  );
  const row = fc.tuple(fc.integer({ min: 0, max: 40 }), value, value, value, value, value);
  const rows = fc
    .array(row, { maxLength: 40 })
    .map((list) => list.map(([k, o, h, l, c, v]): Row => [weekday(k), o, h, l, c, v]));

  const dropEverywhere = Object.fromEntries(
    ISSUE_KINDS.map((kind) => [kind, APPLICABLE_ACTIONS[kind].includes('drop') ? 'drop' : 'keep']),
  ) as CleaningPolicy;

  it('leaves no error-severity issue when every droppable problem is dropped', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const result = cleanBars(series(list), dropEverywhere, options);
        expect(result.after.ok).toBe(true);
        expect(result.after.rows).toBe(result.series.length);
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent and deterministic for the default policy with filled gaps and prices', () => {
    const policy: CleaningPolicy = {
      ...DEFAULT_CLEANING_POLICY,
      missing_price: 'forward_fill',
      gap: 'forward_fill',
      missing_volume: 'interpolate',
    };
    fc.assert(
      fc.property(rows, (list) => {
        const once = cleanBars(series(list), policy, options);
        const again = cleanBars(series(list), policy, options);
        const twice = cleanBars(once.series, policy, options);
        expect(rowsOf(again.series)).toEqual(rowsOf(once.series));
        expect(rowsOf(twice.series)).toEqual(rowsOf(once.series));
      }),
      { numRuns: 150 },
    );
  });
});

describe('kinds', () => {
  it('lists every kind in the applicability table', () => {
    expect(Object.keys(APPLICABLE_ACTIONS).sort()).toEqual([...ISSUE_KINDS].sort() as IssueKind[]);
  });
});
