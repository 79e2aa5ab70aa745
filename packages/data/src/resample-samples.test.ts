import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BarSeries,
  civilToMicros,
  MICROS_PER_HOUR,
  MICROS_PER_MINUTE,
  parseTimeframe,
  resampleBars,
  StreamingResampler,
} from '@alphintra/core';
import { describe, expect, it } from 'vitest';

const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

/**
 * Reads the sample intraday files (rows `Date,Time,Open,High,Low,Close,Volume,OpenInterest`,
 * whatever the header says). Both files stamp a bar with its END time (the 1-minute file's
 * first bar of a day is 09:01, the 5-minute file's 09:05), so the open time is `shift` earlier.
 */
function readIntraday(name: string, shift: number): BarSeries {
  const lines = readFileSync(SAMPLES + name, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const series = BarSeries.empty(lines.length, { timeframe: { unit: 'minute', count: shift / MICROS_PER_MINUTE } });
  for (const line of lines) {
    const [date, clock, o, h, l, c, v] = line.split(',');
    const [y, m, d] = (date as string).split('-').map(Number);
    const [hh, mm, ss] = (clock as string).split(':').map(Number);
    const end = civilToMicros(y as number, m as number, d as number, hh, mm, ss);
    series.append(end - shift, Number(o), Number(h), Number(l), Number(c), Number(v));
  }
  return series;
}

const minute = readIntraday('2006-01-02-volume-min-001.txt', MICROS_PER_MINUTE);

describe('resampling the real 1-minute sample', () => {
  it('builds the first 5-minute bar of 2006-01-02 by hand-checkable arithmetic', () => {
    const { series } = resampleBars(minute, { timeframe: parseTimeframe('5m'), label: 'right' });
    // Rows 09:01 … 09:05 of the file.
    expect(series.bar(0)).toEqual({
      time: civilToMicros(2006, 1, 2, 9, 5),
      open: 3602,
      high: 3603,
      low: 3596,
      close: 3598,
      volume: 5699 + 894 + 883 + 726 + 1085,
    });
  });

  it('matches an independent grouping of the 1-minute bars into hours', () => {
    const { series, closeTimes } = resampleBars(minute, { timeframe: parseTimeframe('1h') });
    const groups = new Map<number, { o: number; h: number; l: number; c: number; v: number }>();
    for (let i = 0; i < minute.length; i++) {
      const b = minute.bar(i);
      const hour = Math.floor(b.time / MICROS_PER_HOUR) * MICROS_PER_HOUR;
      const g = groups.get(hour);
      if (g === undefined) groups.set(hour, { o: b.open, h: b.high, l: b.low, c: b.close, v: b.volume });
      else Object.assign(g, { h: Math.max(g.h, b.high), l: Math.min(g.l, b.low), c: b.close, v: g.v + b.volume });
    }
    const expected = [...groups].map(([t, g]) => [t, g.o, g.h, g.l, g.c, g.v]);
    const actual = Array.from({ length: series.length }, (_, i) => {
      const b = series.bar(i);
      return [b.time, b.open, b.high, b.low, b.close, b.volume];
    });
    // The file ends with the 21:59–22:00 bar, so the last hour is complete.
    expect(actual).toEqual(expected);
    expect(closeTimes.at(-1)).toBe(civilToMicros(2006, 2, 27, 22));
  });

  it('streams the same 5-minute bars as the batch resampler', () => {
    const options = { timeframe: parseTimeframe('5m'), sourceTimeframe: parseTimeframe('1m') };
    const batch = resampleBars(minute, options).series;
    const resampler = new StreamingResampler(options);
    const closes: number[] = [];
    const { time, open, high, low, close, volume } = minute;
    for (let i = 0; i < minute.length; i++) {
      const t = time[i] as number;
      if (resampler.update(t, open[i]!, high[i]!, low[i]!, close[i]!, volume[i]!)) closes.push(resampler.closed.close);
      if (resampler.advanceTo(t + MICROS_PER_MINUTE)) closes.push(resampler.closed.close);
    }
    expect(closes).toEqual([...batch.close]);
  });

  it('lines up with the 5-minute file when both are labelled by bar end', () => {
    // The 5-minute file is the cash index (09:00–17:30, no volume), the 1-minute file the
    // future (to 22:00, about 20 points above), so prices differ but moves must agree.
    const file = readIntraday('2006-min-005.txt', 5 * MICROS_PER_MINUTE);
    const built = resampleBars(minute, { timeframe: parseTimeframe('5m') }).series;
    const builtClose = new Map<number, number>();
    for (let i = 0; i < built.length; i++) builtClose.set(built.time[i]!, built.close[i]!);
    const correlationAtShift = (shift: number): { matched: number; correlation: number } => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 1; i < file.length; i++) {
        const a = builtClose.get(file.time[i]! + shift);
        const b = builtClose.get(file.time[i - 1]! + shift);
        if (a === undefined || b === undefined || file.time[i]! - file.time[i - 1]! !== 5 * MICROS_PER_MINUTE) continue;
        xs.push(file.close[i]! - file.close[i - 1]!);
        ys.push(a - b);
      }
      return { matched: xs.length, correlation: pearson(xs, ys) };
    };
    const aligned = correlationAtShift(0);
    expect(aligned.matched).toBeGreaterThan(0.95 * file.length - 50);
    expect(aligned.correlation).toBeGreaterThan(0.8);
    // Reading either file as start-labelled would shift them by one bar and lose the match.
    expect(correlationAtShift(5 * MICROS_PER_MINUTE).correlation).toBeLessThan(0.2);
    expect(correlationAtShift(-5 * MICROS_PER_MINUTE).correlation).toBeLessThan(0.2);
  });
});

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
