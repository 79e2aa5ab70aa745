import { describe, expect, it } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import { syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { compareSweepToEngine, curveSharpe, formatDivergences } from './compare-sweep.js';
import { HOLD, type SweepFace } from './sweep-face.js';

const PARAMETERS = {
  fast: { type: 'integer', default: 10, min: 2 },
  slow: { type: 'integer', default: 30, min: 3 },
} as const;

const crossover = (decide: SweepFace<typeof PARAMETERS, 'fast' | 'slow'>['decide']) =>
  defineStrategy({
    name: 'crossover',
    parameters: PARAMETERS,
    create(ctx, p) {
      const fast = ctx.indicator('SMA', { timeperiod: p.fast });
      const slow = ctx.indicator('SMA', { timeperiod: p.slow });
      return {
        onBar() {
          if (!slow.isReady) return;
          if (fast.value > slow.value) {
            if (ctx.quantity() <= 0) ctx.targetPercent(1);
          } else if (ctx.quantity() > 0) ctx.closePosition();
        },
      };
    },
    sweep: {
      indicators: (p) => ({
        fast: { name: 'SMA', params: { timeperiod: p.fast } },
        slow: { name: 'SMA', params: { timeperiod: p.slow } },
      }),
      decide,
    },
  });

const options = {
  data: [{ instrument: TEST_EQUITY, series: syntheticBars(600, 21) }],
  parameterSets: [
    { fast: 5, slow: 20 },
    { fast: 10, slow: 50 },
  ],
  fees: { kind: 'percent', rate: 0.001 },
} as const;

describe('compareSweepToEngine', () => {
  it('finds nothing when the face states the strategy', () => {
    const faithful = crossover((bar, { fast, slow }, held) => {
      const s = slow[bar] as number;
      if (Number.isNaN(s)) return HOLD;
      if ((fast[bar] as number) > s) return held <= 0 ? 1 : HOLD;
      return held > 0 ? 0 : HOLD;
    });
    const { divergences, sweep, engine } = compareSweepToEngine({ ...options, strategy: faithful });
    expect(divergences).toEqual([]);
    expect(sweep.trades[0]).toBeGreaterThan(5);
    expect(Array.from(engine.trades)).toEqual(Array.from(sweep.trades));
  });

  it('lists every figure of every run a broken face gets wrong', () => {
    // Holds half the position the strategy holds.
    const broken = crossover((bar, { fast, slow }, held) => {
      const s = slow[bar] as number;
      if (Number.isNaN(s)) return HOLD;
      if ((fast[bar] as number) > s) return held <= 0 ? 0.5 : HOLD;
      return held > 0 ? 0 : HOLD;
    });
    const { divergences } = compareSweepToEngine({ ...options, strategy: broken });
    expect(divergences.map((d) => `${d.run} ${d.metric}`)).toEqual([
      '0 finalEquity',
      '0 totalReturn',
      '0 sharpe',
      '0 maxDrawdown',
      '1 finalEquity',
      '1 totalReturn',
      '1 sharpe',
      '1 maxDrawdown',
    ]);
    const first = divergences[0];
    expect(first?.parameters).toEqual({ fast: 5, slow: 20 });
    expect(first?.difference).toBe((first?.sweep as number) - (first?.engine as number));
  });

  it('catches a face that decides on the previous bar', () => {
    // Enters one bar late.
    const late = crossover((bar, { fast, slow }, held) => {
      const s = slow[bar - 1] as number;
      if (Number.isNaN(s)) return HOLD;
      if ((fast[bar - 1] as number) > s) return held <= 0 ? 1 : HOLD;
      return held > 0 ? 0 : HOLD;
    });
    const { divergences } = compareSweepToEngine({ ...options, strategy: late });
    expect(divergences.some((d) => d.metric === 'finalEquity')).toBe(true);
  });
});

describe('curveSharpe', () => {
  it('is the mean period return over its sample deviation, annualised', () => {
    // Returns +10 %, −10 %, +10 %: mean 1/30, sample deviation √(0.04/3).
    const expected = (1 / 30 / Math.sqrt(0.04 / 3)) * Math.sqrt(252);
    expect(curveSharpe(Float64Array.of(100, 110, 99, 108.9), 252)).toBeCloseTo(expected, 12);
  });

  it('is NaN for a flat curve or fewer than two returns', () => {
    expect(curveSharpe(Float64Array.of(5, 5, 5, 5), 252)).toBeNaN();
    expect(curveSharpe(Float64Array.of(5, 6), 252)).toBeNaN();
    expect(curveSharpe(new Float64Array(0), 252)).toBeNaN();
  });
});

describe('formatDivergences', () => {
  it('aligns one row per divergence under a header', () => {
    const text = formatDivergences([
      { run: 3, parameters: { fast: 5 }, metric: 'trades', engine: 12, sweep: 13, difference: 1 },
      { run: 12, parameters: { fast: 50 }, metric: 'sharpe', engine: 0.5, sweep: 0.25, difference: -0.25 },
    ]);
    expect(text.split('\n').map((line) => line.trimEnd())).toEqual([
      'run  parameters   metric  engine  sweep  difference',
      '3    {"fast":5}   trades  12      13     1.000e+0',
      '12   {"fast":50}  sharpe  0.5     0.25   -2.500e-1',
    ]);
  });
});
