import { computeMetrics } from '@alphintra/analytics';
import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import {
  type BacktestConfig,
  type BacktestData,
  compareSweepToEngine,
  formatDivergences,
  runBacktest,
  runSweep,
  type StrategyDefinition,
} from '@alphintra/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import donchianChannel from '../examples/donchian-channel.js';
import rsiThresholds from '../examples/rsi-thresholds.js';
import smaCrossover from '../examples/sma-crossover.js';
import smaReversing from '../examples/sma-crossover-reversing.js';
import { loadData } from './example-support.js';

/** The example strategies with a sweep face, each with a grid and a random parameter set generator. */
const STRATEGIES: readonly {
  readonly strategy: StrategyDefinition;
  readonly grid: readonly Record<string, number>[];
  readonly random: fc.Arbitrary<Record<string, number>>;
}[] = [
  {
    strategy: smaCrossover as unknown as StrategyDefinition,
    grid: grid({ fast: [2, 5, 10, 20, 50], slow: [3, 30, 60, 150] }),
    random: fc.record({ fast: fc.integer({ min: 2, max: 200 }), slow: fc.integer({ min: 3, max: 400 }) }),
  },
  {
    strategy: smaReversing as unknown as StrategyDefinition,
    grid: grid({ fast: [3, 10, 40], slow: [20, 60, 200], exposure: [0.5, 1] }),
    random: fc.record({
      fast: fc.integer({ min: 2, max: 200 }),
      slow: fc.integer({ min: 3, max: 400 }),
      exposure: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  {
    strategy: rsiThresholds as unknown as StrategyDefinition,
    grid: grid({ period: [2, 7, 14, 30], entry: [20, 35], exit: [50, 70] }),
    random: fc.record({
      period: fc.integer({ min: 2, max: 100 }),
      entry: fc.double({ min: 1, max: 50, noNaN: true }),
      exit: fc.double({ min: 40, max: 99, noNaN: true }),
      exposure: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  {
    strategy: donchianChannel as unknown as StrategyDefinition,
    grid: grid({ entry: [5, 20, 55, 120], exit: [2, 10, 40] }),
    random: fc.record({
      entry: fc.integer({ min: 2, max: 250 }),
      exit: fc.integer({ min: 2, max: 250 }),
      exposure: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
];

function grid(axes: Readonly<Record<string, readonly number[]>>): Record<string, number>[] {
  let sets: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(axes))
    sets = sets.flatMap((set) => values.map((v) => ({ ...set, [name]: v })));
  return sets;
}

const CONFIGS: Readonly<Record<string, Partial<BacktestConfig>>> = {
  'no costs': {},
  'a percent fee': { fees: { kind: 'percent', rate: 0.001 } },
  'the examples’ costs and borrow': {
    fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 },
    slippage: { kind: 'fixed-bps', bps: 2 },
    borrowRate: 0.02,
  },
  'fills at the close with a random spread': {
    fillTiming: 'close',
    fees: { kind: 'percent', rate: 0.0005 },
    slippage: { kind: 'spread', spreadBps: 10, random: true },
  },
  'no shorting, a small account and volume-share impact': {
    cash: 7_500,
    allowShort: false,
    fees: { kind: 'percent', rate: 0.001, minimum: 1 },
    slippage: { kind: 'volume-share', impact: 0.5 },
  },
};

const SAMPLES = [
  { file: 'data/samples/orcl-1995-2014.txt', symbol: 'ORCL' },
  { file: 'data/samples/nvda-1999-2014.txt', symbol: 'NVDA' },
  { file: 'data/samples/yhoo-1996-2014.txt', symbol: 'YHOO' },
];

function synthetic(seed: number): BacktestData {
  return {
    instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'SYN', venue: 'SIM', currency: 'USD' }),
    series: generateBars({ seed, bars: 1500, timeframe: timeframe('day'), volatility: 0.35 }),
  };
}

function expectParity(label: string, divergences: Parameters<typeof formatDivergences>[0]): void {
  if (divergences.length > 0) console.log(`${label}\n${formatDivergences(divergences)}`);
  expect(divergences.length, label).toBe(0);
}

describe('runSweep equals runBacktest for the example strategies', () => {
  for (const { strategy, grid: sets } of STRATEGIES) {
    it(`${strategy.name}: a parameter grid on every sample file and configuration`, async () => {
      for (const sample of SAMPLES) {
        const data = [await loadData(sample.file, sample.symbol)];
        for (const [name, config] of Object.entries(CONFIGS)) {
          const { divergences, sweep } = compareSweepToEngine({ ...config, strategy, data, parameterSets: sets });
          expectParity(`${strategy.name} on ${sample.symbol}, ${name}`, divergences);
          expect(sweep.runs).toBe(sets.length);
        }
      }
    });
  }

  it('random parameter sets on seeded synthetic data and sample files', async () => {
    const samples = await Promise.all(SAMPLES.map((s) => loadData(s.file, s.symbol)));
    const cases = fc.oneof(
      ...STRATEGIES.map(({ strategy, random }) =>
        fc.record({
          strategy: fc.constant(strategy),
          sets: fc.array(random, { minLength: 1, maxLength: 6 }),
          config: fc.constantFrom(...Object.keys(CONFIGS)),
          data: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 100, max: 10_000 })),
        }),
      ),
    );
    fc.assert(
      fc.property(cases, ({ strategy, sets, config, data }) => {
        const d = data < 3 ? (samples[data] as BacktestData) : synthetic(data);
        const { divergences } = compareSweepToEngine({
          ...(CONFIGS[config] as Partial<BacktestConfig>),
          strategy,
          data: [d],
          parameterSets: sets,
        });
        expectParity(`${strategy.name}, ${config}, data ${data}`, divergences);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('reports a deliberately broken face in the divergence table', async () => {
    const data = [await loadData('data/samples/orcl-1995-2014.txt', 'ORCL')];
    const face = smaCrossover.sweep as NonNullable<typeof smaCrossover.sweep>;
    // Buys 90 % of equity where create buys 100 %.
    const broken = {
      ...smaCrossover,
      sweep: {
        ...face,
        decide: (...args: Parameters<typeof face.decide>) => (face.decide(...args) === 1 ? 0.9 : face.decide(...args)),
      },
    };
    const parameterSets = [
      { fast: 10, slow: 30 },
      { fast: 20, slow: 100 },
    ];
    const { divergences } = compareSweepToEngine({ strategy: broken, data, parameterSets });
    expect(new Set(divergences.map((d) => d.metric))).toEqual(
      // The same trades at 90 % of the size: the curve's figures and every P&L figure differ, the counts do not.
      new Set([
        'finalEquity',
        'totalReturn',
        'sharpe',
        'maxDrawdown',
        'grossProfit',
        'grossLoss',
        'profitFactor',
        'expectancy',
        'largestWin',
        'largestLoss',
      ]),
    );
    expect(formatDivergences(divergences).split('\n')).toHaveLength(divergences.length + 1);
  });

  it('gives the Sharpe ratio and max drawdown that analytics computes from the engine’s equity curve', async () => {
    const data = [await loadData('data/samples/orcl-1995-2014.txt', 'ORCL')];
    const parameterSets = [
      { fast: 5, slow: 20 },
      { fast: 20, slow: 100 },
      { fast: 50, slow: 51 },
    ];
    const config = { fees: { kind: 'percent', rate: 0.001 } } as const;
    const sweep = runSweep({ ...config, strategy: smaCrossover, data, parameterSets });
    parameterSets.forEach((parameters, run) => {
      const result = runBacktest({ ...config, strategy: smaCrossover, data, parameters });
      const metrics = computeMetrics({ time: result.equity.time, equity: result.equity.equity, trades: result.trades });
      expect(metrics.sample.periodsPerYear).toBe(sweep.periodsPerYear);
      expect(sweep.sharpe[run]).toBeCloseTo(metrics.risk.sharpe as number, 11);
      expect(sweep.maxDrawdown[run]).toBe(metrics.drawdown.maxDrawdown as number);
      expect(sweep.totalReturn[run]).toBeCloseTo(metrics.returns.totalReturn as number, 14);
      expect(sweep.trades[run]).toBe(metrics.trades.count);
    });
  });
});
