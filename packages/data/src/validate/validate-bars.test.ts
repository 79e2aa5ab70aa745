import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BarSeries, civilToMicros, MICROS_PER_DAY, MICROS_PER_MINUTE, SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import type { IssueKind, ValidationReport } from './issue.js';
import { validateBars } from './validate-bars.js';

const samples = fileURLToPath(new URL('../../../../data/samples/', import.meta.url));

type Row = [time: number, open: number, high: number, low: number, close: number, volume: number];

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

/** Daily bars on consecutive weekdays from Monday 2024-01-08 (no holidays until 2024-01-15). */
function weekdayRows(count: number): Row[] {
  const rows: Row[] = [];
  let day = Math.floor(civilToMicros(2024, 1, 8) / MICROS_PER_DAY);
  while (rows.length < count) {
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6) rows.push([day * MICROS_PER_DAY, 10, 11, 9, 10.5, 100]);
    day++;
  }
  return rows;
}

/** Parses a `Date,Open,High,Low,Close,Adj Close,Volume` file (test-only reader). */
function readDaily(name: string): BarSeries {
  const lines = readFileSync(samples + name, 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return series(
    lines.map((line) => {
      const f = line.split(',');
      const [y, m, d] = (f[0] as string).split('-').map(Number);
      return [civilToMicros(y as number, m as number, d as number), +f[1]!, +f[2]!, +f[3]!, +f[4]!, +f[6]!];
    }),
  );
}

/** Parses the 1-minute sample: `Date,Time,Open,High,Low,Close,Volume,OpenInterest` rows. */
function readMinute(name: string): { series: BarSeries; lines: string[] } {
  const lines = readFileSync(samples + name, 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows = lines.map((line): Row => {
    const f = line.split(',');
    const [y, m, d] = (f[0] as string).split('-').map(Number);
    const [hh, mm] = (f[1] as string).split(':').map(Number);
    return [civilToMicros(y!, m!, d!, hh!, mm!), +f[2]!, +f[3]!, +f[4]!, +f[5]!, +f[6]!];
  });
  return { series: series(rows), lines };
}

const issue = (report: ValidationReport, kind: IssueKind) => report.issues.find((i) => i.kind === kind);

describe('validateBars on hand-built series', () => {
  it('reports a clean series as ok with no issues', () => {
    const report = validateBars(series(weekdayRows(5)));
    expect(report).toEqual({
      rows: 5,
      start: '2024-01-08T00:00:00Z',
      end: '2024-01-12T00:00:00Z',
      timeframe: '1d',
      calendar: 'weekdays',
      issues: [],
      ok: true,
    });
  });

  it('reports an empty series without issues', () => {
    const report = validateBars(series([]));
    expect(report.rows).toBe(0);
    expect(report.start).toBeNull();
    expect(report.timeframe).toBeNull();
    expect(report.ok).toBe(true);
  });

  it('counts every OHLC, price and volume problem with row, time and detail', () => {
    const rows = weekdayRows(10);
    rows[1] = [rows[1]![0], 10, 10.5, 9, 10.7, 100]; // high below close
    rows[2] = [rows[2]![0], 10, 11, 10.2, 10.5, 100]; // low above open
    rows[3] = [rows[3]![0], 10, 9, 9.5, 9.2, 100]; // high below low (and below open)
    rows[4] = [rows[4]![0], Number.NaN, 11, 9, Number.NaN, 100];
    rows[5] = [rows[5]![0], 10, 11, 0, 10, 100];
    rows[6] = [rows[6]![0], 10, 11, 9, 10, -5];
    rows[7] = [rows[7]![0], 10, 11, 9, 10, Number.NaN];
    const report = validateBars(series(rows));
    const summary = Object.fromEntries(report.issues.map((i) => [i.kind, [i.count, i.severity, i.examples[0]]]));
    const at = (row: number): string => new Date(rows[row]![0] / 1000).toISOString().replace('.000', '');
    expect(summary).toEqual({
      missing_price: [1, 'error', { row: 4, time: at(4), detail: 'open, close are NaN' }],
      non_positive_price: [1, 'error', { row: 5, time: at(5), detail: 'low 0 not positive' }],
      high_below_low: [1, 'error', { row: 3, time: at(3), detail: 'high 9 < low 9.5' }],
      high_below_open_close: [2, 'error', { row: 1, time: at(1), detail: 'high 10.5 < close 10.7' }],
      low_above_open_close: [2, 'error', { row: 2, time: at(2), detail: 'low 10.2 > open 10' }],
      negative_volume: [1, 'error', { row: 6, time: at(6), detail: 'volume -5 < 0' }],
      missing_volume: [1, 'warning', { row: 7, time: at(7), detail: 'volume is NaN' }],
    });
    expect(report.issues.map((i) => i.kind)).toEqual([
      'missing_price',
      'non_positive_price',
      'high_below_low',
      'high_below_open_close',
      'low_above_open_close',
      'negative_volume',
      'missing_volume',
    ]);
    expect(report.ok).toBe(false);
  });

  it('finds out-of-order rows and duplicates that are not adjacent', () => {
    const rows = weekdayRows(6);
    const shuffled: Row[] = [
      rows[0]!,
      rows[2]!,
      rows[1]!,
      rows[3]!,
      [rows[0]![0], 10, 11, 9, 10.6, 100],
      rows[4]!,
      rows[5]!,
    ];
    const report = validateBars(series(shuffled));
    expect(issue(report, 'out_of_order')?.count).toBe(2);
    expect(issue(report, 'out_of_order')?.examples.map((e) => e.row)).toEqual([2, 4]);
    expect(issue(report, 'duplicate_timestamp')).toMatchObject({
      count: 1,
      examples: [{ row: 4, detail: 'same time as row 0 (close 10.6 vs 10.5)' }],
    });
    expect(issue(report, 'gap')).toBeUndefined();
    expect(report.start).toBe('2024-01-08T00:00:00Z');
  });

  it('keeps at most maxExamples examples but counts everything', () => {
    const rows = weekdayRows(8).map((r): Row => [r[0], r[1], r[2], r[3], r[4], -1]);
    const report = validateBars(series(rows), { maxExamples: 2 });
    expect(issue(report, 'negative_volume')?.count).toBe(8);
    expect(issue(report, 'negative_volume')?.examples).toHaveLength(2);
  });
});

describe('validateBars gap detection', () => {
  it('counts a missing weekday as one missing bar and names it', () => {
    const rows = weekdayRows(5);
    rows.splice(2, 1); // Wednesday 2024-01-10
    const gap = issue(validateBars(series(rows), { calendar: 'weekdays' }), 'gap');
    expect(gap).toMatchObject({
      count: 1,
      severity: 'warning',
      examples: [{ row: 2, detail: '1 missing bar at 2024-01-10' }],
    });
  });

  it('does not count NYSE holidays as gaps on us-equity but does on weekdays', () => {
    const days = ['2012-10-25', '2012-10-26', '2012-10-31', '2012-11-01'];
    const rows = days.map((d): Row => [Date.parse(`${d}T00:00:00Z`) * 1000, 10, 11, 9, 10, 1]);
    expect(issue(validateBars(series(rows), { calendar: 'us-equity' }), 'gap')).toBeUndefined();
    const weekdays = issue(validateBars(series(rows), { calendar: 'weekdays' }), 'gap');
    expect(weekdays?.count).toBe(2);
    expect(weekdays?.examples[0]?.detail).toBe('2 missing bars from 2012-10-29 to 2012-10-30');
  });

  it('assigns days in the exchange zone', () => {
    // Daily bars stamped 00:00 New York (05:00 UTC), Monday to Friday with Wednesday missing.
    const rows = [8, 9, 11, 12].map((d): Row => [civilToMicros(2024, 1, d, 5), 10, 11, 9, 10, 1]);
    const gap = issue(validateBars(series(rows), { timeZone: 'America/New_York', calendar: 'weekdays' }), 'gap');
    expect(gap?.examples[0]?.detail).toBe('1 missing bar at 2024-01-10');
  });

  it('treats missing minutes inside a session as gaps and the overnight break as none', () => {
    const rows: Row[] = [];
    for (let d = 8; d <= 12; d++) {
      for (let m = 0; m < 60; m++) {
        if (d === 10 && m >= 20 && m < 23) continue; // three minutes missing on Wednesday
        rows.push([civilToMicros(2024, 1, d, 14, 30 + (m % 30), 0) + (m >= 30 ? 3_600_000_000 : 0), 10, 11, 9, 10, 1]);
      }
    }
    rows.sort((a, b) => a[0] - b[0]);
    const report = validateBars(series(rows));
    expect(report.timeframe).toBe('1m');
    expect(issue(report, 'gap')?.count).toBe(3);
    expect(issue(report, 'gap')?.examples[0]?.detail).toBe(
      '3 missing bars from 2024-01-10T14:50:00Z to 2024-01-10T14:52:00Z',
    );
  });

  it('counts an outage on a 24x7 market as a gap', () => {
    const rows: Row[] = [];
    const start = civilToMicros(2024, 1, 6); // a Saturday
    for (let k = 0; k < 3 * 24 * 60; k++)
      if (k < 1000 || k >= 1090) rows.push([start + k * MICROS_PER_MINUTE, 1, 1, 1, 1, 1]);
    const report = validateBars(series(rows));
    expect(report.calendar).toBe('24x7');
    expect(issue(report, 'gap')?.count).toBe(90);
  });
});

describe('validateBars price moves', () => {
  function walk(count: number, seed: number): Row[] {
    const rng = new SeededRng(seed);
    const rows = weekdayRows(count);
    let price = 100;
    for (const row of rows) {
      const open = price;
      price *= Math.exp(0.01 * rng.nextNormal());
      row[1] = open;
      row[2] = Math.max(open, price) * 1.002;
      row[3] = Math.min(open, price) * 0.998;
      row[4] = price;
    }
    return rows;
  }

  it('flags a lone spike as a return outlier and nothing in a calm walk', () => {
    const rows = walk(300, 7);
    expect(issue(validateBars(series(rows)), 'return_outlier')).toBeUndefined();
    const spiked = rows.map((r): Row => [...r]);
    spiked[150]![4] = spiked[150]![4] * 1.5;
    spiked[150]![2] = spiked[150]![4];
    const outliers = issue(validateBars(series(spiked)), 'return_outlier');
    // The jump up is about 40 robust standard deviations; the fall back merely undoes it.
    expect(outliers?.examples.map((e) => e.row)).toEqual([150]);
  });

  it('recognises an unadjusted 2:1 split and does not call it an outlier', () => {
    const rows = walk(300, 11);
    for (let k = 200; k < rows.length; k++) {
      const r = rows[k]!;
      rows[k] = [r[0], r[1] / 2, r[2] / 2, r[3] / 2, r[4] / 2, r[5] * 2];
    }
    const report = validateBars(series(rows));
    expect(issue(report, 'probable_split')?.examples).toEqual([
      expect.objectContaining({
        row: 200,
        detail: expect.stringMatching(/^2:1 split\? previous close [\d.]+ → open [\d.]+$/),
      }),
    ]);
    expect(issue(report, 'return_outlier')).toBeUndefined();
  });

  it('honours a lower outlier threshold', () => {
    const rows = walk(300, 7);
    const report = validateBars(series(rows), { outlierThreshold: 2 });
    expect(issue(report, 'return_outlier')?.count).toBeGreaterThan(5);
  });
});

describe('validateBars on the sample files', () => {
  it('finds no gaps in ORCL daily bars 1995–2014 against the auto-chosen us-equity calendar', () => {
    const report = validateBars(readDaily('orcl-1995-2014.txt'));
    expect(report.calendar).toBe('us-equity');
    expect(report.timeframe).toBe('1d');
    expect(report.rows).toBe(5036);
    expect(issue(report, 'gap')).toBeUndefined();
    expect(report.ok).toBe(true);
  });

  it('finds the 1995–2014 weekday holidays as gaps against the plain weekdays calendar', () => {
    const orcl = readDaily('orcl-1995-2014.txt');
    const gaps = issue(validateBars(orcl, { calendar: 'weekdays' }), 'gap');
    // Independent count: weekdays in the span minus bars.
    let weekdays = 0;
    for (let t = orcl.start; t <= orcl.end; t += MICROS_PER_DAY) {
      const w = new Date(t / 1000).getUTCDay();
      if (w !== 0 && w !== 6) weekdays++;
    }
    expect(gaps?.count).toBe(weekdays - orcl.length);
  });

  it('counts the missing minutes of the 1-minute future sample within each day', () => {
    const { series: minute, lines } = readMinute('2006-01-02-volume-min-001.txt');
    let expected = 0;
    for (let k = 1; k < lines.length; k++) {
      const [d0, t0] = lines[k - 1]!.split(',');
      const [d1, t1] = lines[k]!.split(',');
      if (d0 !== d1) continue;
      const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
      expected += minutes(t1!) - minutes(t0!) - 1;
    }
    const report = validateBars(minute);
    expect(report.timeframe).toBe('1m');
    expect(report.calendar).toBe('weekdays');
    expect(issue(report, 'gap')?.count).toBe(expected);
    expect(issue(report, 'return_outlier')).toBeUndefined();
  });
});
