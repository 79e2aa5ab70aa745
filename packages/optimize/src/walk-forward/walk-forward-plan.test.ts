import { civilToMicros, MICROS_PER_DAY } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { addSpan, parseWalkForward, planFolds } from './walk-forward-plan.js';

const bars = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i * MICROS_PER_DAY);
const windows = (folds: ReturnType<typeof planFolds>) =>
  folds.map((f) => [f.train.start, f.train.end, f.test.start, f.test.end, f.partial]);

describe('walk-forward plans', () => {
  it('reads rolling and anchored specifications in bars and calendar spans', () => {
    expect(parseWalkForward('rolling:train=504,test=126')).toEqual({
      mode: 'rolling',
      train: { kind: 'bars', bars: 504 },
      test: { kind: 'bars', bars: 126 },
      step: { kind: 'bars', bars: 126 },
      warmup: 'all',
    });
    expect(parseWalkForward('anchored:train=2y,test=6m,step=1y,warmup=200')).toEqual({
      mode: 'anchored',
      train: { kind: 'calendar', amount: 2, unit: 'year' },
      test: { kind: 'calendar', amount: 6, unit: 'month' },
      step: { kind: 'calendar', amount: 1, unit: 'year' },
      warmup: 200,
    });
  });

  it('explains what is wrong with a bad specification', () => {
    expect(() => parseWalkForward('sliding:train=5,test=2')).toThrow(/expected --walk-forward rolling\|anchored/);
    expect(() => parseWalkForward('rolling:train=5')).toThrow(/train=…,test=…/);
    expect(() => parseWalkForward('rolling:train=2y,test=20')).toThrow(/all in bars or all as calendar spans/);
    expect(() => parseWalkForward('rolling:train=2q,test=1m')).toThrow(/90d, 26w, 6m, 2y/);
    expect(() => parseWalkForward('rolling:train=100,test=20,step=10')).toThrow(/step at least as long as test/);
    expect(() => parseWalkForward('rolling:train=100,test=20,warmup=-1')).toThrow(/warmup=N bars or warmup=all/);
    expect(() => parseWalkForward('rolling:train=100,test=20,train=5')).toThrow(/train is given twice/);
  });

  it('slides a rolling window by the test length and keeps a long enough partial tail', () => {
    // 100 bars, train 40, test 20: tests [40, 60), [60, 80), [80, 100).
    expect(windows(planFolds(bars(100), parseWalkForward('rolling:train=40,test=20')))).toEqual([
      [0, 40, 40, 60, false],
      [20, 60, 60, 80, false],
      [40, 80, 80, 100, false],
    ]);
    // 90 bars: the last test window [80, 90) holds half a test length and is kept, marked partial.
    expect(windows(planFolds(bars(90), parseWalkForward('rolling:train=40,test=20'))).at(-1)).toEqual([
      40,
      80,
      80,
      90,
      true,
    ]);
    // 89 bars: 9 bars is under half a test window, so that fold is left out.
    expect(planFolds(bars(89), parseWalkForward('rolling:train=40,test=20'))).toHaveLength(2);
  });

  it('grows an anchored window from the first bar', () => {
    expect(windows(planFolds(bars(100), parseWalkForward('anchored:train=40,test=30')))).toEqual([
      [0, 40, 40, 70, false],
      [0, 70, 70, 100, false],
    ]);
  });

  it('warms each window on all earlier bars or on a given number', () => {
    const all = planFolds(bars(100), parseWalkForward('rolling:train=40,test=20'));
    expect(all.map((f) => [f.train.warmupStart, f.test.warmupStart])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const some = planFolds(bars(100), parseWalkForward('rolling:train=40,test=20,warmup=30'));
    expect(some.map((f) => [f.train.warmupStart, f.test.warmupStart])).toEqual([
      [0, 10],
      [0, 30],
      [10, 50],
    ]);
  });

  it('cuts calendar spans at the first bar on or after each boundary', () => {
    // Daily bars from 2020-01-01 for three years; train 1y, test 6m.
    const start = civilToMicros(2020, 1, 1);
    const timeline = Float64Array.from({ length: 3 * 366 }, (_, i) => start + i * MICROS_PER_DAY);
    const folds = planFolds(timeline, parseWalkForward('rolling:train=1y,test=6m'));
    const day = (y: number, m: number, d: number): number => (civilToMicros(y, m, d) - start) / MICROS_PER_DAY;
    expect(folds.map((f) => [f.train.start, f.train.end, f.test.end])).toEqual([
      [day(2020, 1, 1), day(2021, 1, 1), day(2021, 7, 1)],
      [day(2020, 7, 1), day(2021, 7, 1), day(2022, 1, 1)],
      [day(2021, 1, 1), day(2022, 1, 1), day(2022, 7, 1)],
      [day(2021, 7, 1), day(2022, 7, 1), day(2023, 1, 1)],
    ]);
  });

  it('adds months with the day clamped to the month', () => {
    const jan31 = civilToMicros(2024, 1, 31, 12);
    expect(addSpan(jan31, { kind: 'calendar', amount: 1, unit: 'month' })).toBe(civilToMicros(2024, 2, 29, 12));
    expect(addSpan(jan31, { kind: 'calendar', amount: 1, unit: 'year' })).toBe(civilToMicros(2025, 1, 31, 12));
    expect(addSpan(jan31, { kind: 'calendar', amount: 2, unit: 'week' }, 2)).toBe(jan31 + 28 * MICROS_PER_DAY);
  });

  it('refuses data too short for one fold', () => {
    expect(() => planFolds(bars(49), parseWalkForward('rolling:train=40,test=20'))).toThrow(
      /(49 bars, .*) is too short for one fold of train 40 bars and test 20 bars/,
    );
  });
});
