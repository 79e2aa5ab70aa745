import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarSeries } from '../bar-series.js';
import { civilToMicros, MICROS_PER_DAY } from '../time.js';
import { TimeZone } from '../time-zone.js';
import { parseTimeframe, type Timeframe } from '../timeframe.js';
import { BucketCalendar } from './bucket-calendar.js';
import { type ResampleResult, resampleBars } from './resample-bars.js';
import type { ResampleOptions, SessionSpec } from './resample-options.js';
import { StreamingResampler } from './streaming-resampler.js';

interface Case {
  readonly series: BarSeries;
  readonly options: ResampleOptions;
  /** Close time of each source bar. */
  readonly sourceCloses: Float64Array;
}

const TARGETS: Record<string, string[]> = {
  '1m': ['1m', '5m', '15m', '1h', '4h', '1d', '1w', '1M'],
  '5m': ['5m', '15m', '30m', '1h', '2h', '1d', '1w'],
  '1h': ['1h', '2h', '4h', '1d', '2d', '1w', '1M'],
  '1d': ['1d', '1w', '2w', '1M', '3M', '12M'],
};

const SESSIONS: (SessionSpec | undefined)[] = [
  undefined,
  undefined,
  { timeZone: 'America/New_York', open: '09:00', close: '16:00' },
  { timeZone: 'America/Chicago', open: '17:00', close: '16:00' },
];

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    source: fc.constantFrom('1m', '5m', '1h', '1d'),
    targetIndex: fc.nat(),
    zone: fc.constantFrom('UTC', 'America/New_York', 'Europe/London'),
    session: fc.constantFrom(...SESSIONS),
    label: fc.constantFrom<'left' | 'right'>('left', 'right'),
    weekStart: fc.constantFrom<'monday' | 'sunday'>('monday', 'sunday'),
    // Starts near the March and October/November DST changes of 2006.
    startDay: fc.constantFrom(13_220, 13_235, 13_440, 13_450),
    steps: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }),
    bigGaps: fc.array(fc.nat({ max: 299 }), { maxLength: 3 }),
    seed: fc.integer(),
  })
  .map((p) => {
    const source = parseTimeframe(p.source);
    const targets = TARGETS[p.source] as string[];
    const target = parseTimeframe(targets[p.targetIndex % targets.length] as string);
    const options: ResampleOptions = {
      timeframe: target,
      timeZone: p.zone,
      label: p.label,
      weekStart: p.weekStart,
      sourceTimeframe: source,
      ...(p.session === undefined ? {} : { session: p.session }),
    };
    const zone = TimeZone.of(p.session?.timeZone ?? p.zone);
    const sourceCalendar = new BucketCalendar(source, options);
    const times: number[] = [];
    let cursor = p.startDay;
    if (source.unit === 'day') {
      p.steps.forEach((step, i) => {
        cursor += Math.ceil(step / 8) + (p.bigGaps.includes(i) ? 40 : 0);
        times.push(zone.localToUtc(cursor * MICROS_PER_DAY));
      });
    } else {
      const length = (source.unit === 'hour' ? 60 : source.count) * 60_000_000;
      let t = zone.localToUtc(civilToMicros(1970, 1, 1) + cursor * MICROS_PER_DAY);
      p.steps.forEach((step, i) => {
        t += (step <= 30 ? 1 : step) * length + (p.bigGaps.includes(i) ? 3 * MICROS_PER_DAY : 0);
        times.push(t);
      });
    }
    let state = p.seed >>> 0;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    const series = BarSeries.empty(times.length, { timeframe: source });
    const sourceCloses = new Float64Array(times.length);
    times.forEach((t, i) => {
      const open = 100 + random() * 10;
      const close = 100 + random() * 10;
      const high = Math.max(open, close) + random();
      const low = Math.min(open, close) - random();
      const missing = random() < 0.05;
      series.append(
        t,
        missing ? Number.NaN : open,
        high,
        low,
        missing ? Number.NaN : close,
        Math.floor(random() * 1000),
      );
      sourceCalendar.locate(t);
      sourceCloses[i] = sourceCalendar.end;
    });
    return { series, options, sourceCloses };
  });

function rows(result: ResampleResult): number[][] {
  const s = result.series;
  return Array.from({ length: s.length }, (_, i) => [
    s.time[i] as number,
    s.open[i] as number,
    s.high[i] as number,
    s.low[i] as number,
    s.close[i] as number,
    s.volume[i] as number,
    result.closeTimes[i] as number,
  ]);
}

function truncate(series: BarSeries, closes: Float64Array, cut: number): BarSeries {
  let n = 0;
  while (n < series.length && (closes[n] as number) <= cut) n++;
  return series.slice(0, n);
}

describe('resampling properties', () => {
  it('streams exactly the bars of the batch result', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ series, options, sourceCloses }) => {
        const resampler = new StreamingResampler(options);
        const streamed: number[][] = [];
        const take = (): void => {
          const b = resampler.closed;
          streamed.push([b.time, b.open, b.high, b.low, b.close, b.volume, b.closeTime]);
        };
        for (let i = 0; i < series.length; i++) {
          const t = series.time[i] as number;
          const bar = series.bar(i);
          if (resampler.update(t, bar.open, bar.high, bar.low, bar.close, bar.volume)) take();
          if (resampler.advanceTo(sourceCloses[i] as number)) take();
        }
        expect(streamed).toEqual(rows(resampleBars(series, options)));
      }),
      { numRuns: 150 },
    );
  });

  it('gives on data cut at T exactly the full bars closed by T, plus at most one partial bar', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (c, fraction) => {
        const { series, options, sourceCloses } = c;
        const first = series.time[0] as number;
        const last = sourceCloses[series.length - 1] as number;
        const cut = Math.floor(first + fraction * (last - first));
        const full = resampleBars(series, options);
        const expected = rows(full).filter((row) => (row[6] as number) <= cut);
        const cutData = truncate(series, sourceCloses, cut);
        expect(rows(resampleBars(cutData, { ...options, asOf: cut }))).toEqual(expected);
        const withPartial = rows(resampleBars(cutData, { ...options, asOf: cut, includePartial: true }));
        expect(withPartial.slice(0, expected.length)).toEqual(expected);
        expect(withPartial.length - expected.length).toBeLessThanOrEqual(1);
        if (withPartial.length > expected.length) expect(withPartial.at(-1)?.[6]).toBeGreaterThan(cut);
      }),
      { numRuns: 150 },
    );
  });

  it('conserves volume and bounds every constituent bar by its bucket', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ series, options }) => {
        const result = resampleBars(series, { ...options, includePartial: true });
        const out = result.series;
        let total = 0;
        for (const v of series.volume) total += v;
        let outTotal = 0;
        for (const v of out.volume) outTotal += v;
        expect(outTotal).toBe(total);
        const firstOpen = new Map<number, number>();
        let j = 0;
        for (let i = 0; i < series.length; i++) {
          const t = series.time[i] as number;
          while ((result.closeTimes[j] as number) <= t) j++;
          expect(out.high[j]).toBeGreaterThanOrEqual(series.high[i] as number);
          expect(out.low[j]).toBeLessThanOrEqual(series.low[i] as number);
          const open = series.open[i] as number;
          if (!firstOpen.has(j) && !Number.isNaN(open)) firstOpen.set(j, open);
        }
        for (const [k, open] of firstOpen) expect(out.open[k]).toBe(open);
        for (let k = 1; k < out.length; k++) {
          expect(out.time[k]).toBeGreaterThan(out.time[k - 1] as number);
          expect(result.closeTimes[k]).toBeGreaterThan(result.closeTimes[k - 1] as number);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('places every bar in a bucket that contains it', () => {
    const targets: Timeframe[] = ['5m', '1h', '1d', '1w', '1M'].map(parseTimeframe);
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
        fc.constantFrom(...targets),
        fc.constantFrom('UTC', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'),
        fc.constantFrom(...SESSIONS),
        (seconds, timeframe, timeZone, session) => {
          const calendar = new BucketCalendar(timeframe, { timeZone, ...(session === undefined ? {} : { session }) });
          const t = seconds * 1_000_000;
          calendar.locate(t);
          expect(calendar.from).toBeLessThanOrEqual(t);
          expect(calendar.end).toBeGreaterThan(t);
          expect(calendar.start).toBeGreaterThanOrEqual(calendar.from);
          expect(calendar.start).toBeLessThan(calendar.end);
        },
      ),
      { numRuns: 500 },
    );
  });
});
