import { describe, expect, it } from 'vitest';
import { syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { scriptedStrategy } from '../testing/scripted-strategy.js';
import { compareSweepToEngine, curveSharpe, formatDivergences } from './compare-sweep.js';

const H = Number.NaN;
/** Long on bar 5, flat on bar 40, short on bar 60, long on bar 90, flat on bar 130. */
const targets = Float64Array.from({ length: 150 }, (_, i) =>
  i === 5 ? 1 : i === 40 ? 0 : i === 60 ? -0.8 : i === 90 ? 0.6 : i === 130 ? 0 : H,
);
const options = {
  data: [{ instrument: TEST_EQUITY, series: syntheticBars(150, 21) }],
  parameterSets: [{}, { scale: 0.5 }],
  fees: { kind: 'percent', rate: 0.001 },
} as const;

describe('compareSweepToEngine', () => {
  it('finds nothing when the face states the strategy', () => {
    const { divergences, sweep, engine } = compareSweepToEngine({ ...options, strategy: scriptedStrategy(targets) });
    expect(divergences).toEqual([]);
    expect(Array.from(sweep.trades)).toEqual([3, 3]);
    expect(Array.from(engine.trades)).toEqual([3, 3]);
    expect(Array.from(engine.finalEquity)).toEqual(Array.from(sweep.finalEquity));
  });

  it('lists every figure of every run a broken face gets wrong', () => {
    const faithful = scriptedStrategy(targets);
    // The face holds half the exposure create holds.
    const broken = {
      ...faithful,
      sweep: { ...faithful.sweep, decide: (bar: number) => (targets[bar] as number) * 0.5 },
    } as typeof faithful;
    const { divergences } = compareSweepToEngine({ ...options, strategy: broken });
    expect(divergences.map((d) => `${d.run} ${d.metric}`)).toEqual([
      '0 finalEquity',
      '0 totalReturn',
      '0 sharpe',
      '0 maxDrawdown',
      // Half the size: the same trades, won and lost, each with half the P&L and fees.
      '0 grossProfit',
      '0 grossLoss',
      '0 profitFactor',
      '0 expectancy',
      '0 largestWin',
      '0 largestLoss',
      '0 totalFees',
    ]);
    const first = divergences[0];
    expect(first?.parameters).toEqual({ scale: 1 });
    expect(first?.difference).toBe((first?.sweep as number) - (first?.engine as number));
  });

  it('counts a different number of trades as a divergence', () => {
    const faithful = scriptedStrategy(targets);
    // The face never goes flat at the end.
    const broken = {
      ...faithful,
      sweep: { ...faithful.sweep, decide: (bar: number) => (bar === 130 ? H : (targets[bar] as number)) },
    } as typeof faithful;
    const { divergences } = compareSweepToEngine({ ...options, strategy: broken, parameterSets: [{}] });
    expect(divergences.find((d) => d.metric === 'trades')).toMatchObject({ engine: 3, sweep: 2, difference: -1 });
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
