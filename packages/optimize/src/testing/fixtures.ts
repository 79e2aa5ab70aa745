import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import type { StrategyDefinition } from '@alphintra/engine';
import example from '../../../../examples/sma-crossover.js';
import { BacktestTrialEvaluator } from '../evaluate/backtest-evaluator.js';
import type { BarData } from '../evaluate/bar-data.js';
import type { MeasureOptions } from '../evaluate/measure-run.js';

/** The repository's long-only SMA crossover example (fast and slow periods). */
export const smaCrossover: StrategyDefinition = example;

/** A seeded synthetic daily series of `bars` bars as backtest data. */
export function syntheticData(bars = 1500, seed = 11): BarData {
  const series = generateBars({ bars, seed, timeframe: timeframe('day'), volatility: 0.3, drift: 0.05 });
  const instrument = defineInstrument<EquityInstrument>({
    kind: 'equity',
    symbol: 'SYN',
    venue: 'SIM',
    currency: 'USD',
  });
  return { instrument, series, hash: `synthetic-${bars}-${seed}` };
}

/** The in-process evaluator over synthetic data with 0.1 % fees. */
export function testEvaluator(data: BarData = syntheticData(), measure: MeasureOptions = {}): BacktestTrialEvaluator {
  return new BacktestTrialEvaluator({
    strategy: smaCrossover,
    data: [data],
    config: { fees: { kind: 'percent', rate: 0.001 } },
    measure,
  });
}
