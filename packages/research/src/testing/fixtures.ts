import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import type { StrategyDefinition } from '@alphintra/engine';
import type { BarData } from '@alphintra/optimize';
import type { OptimizationJob } from '../run-optimization.js';

/** URL of the test strategy module the workers import. */
export const STRATEGY_URL = new URL('./sma-crossover.mjs', import.meta.url).href;

/** URL of the same strategy with a sweep face (for the sweep evaluator). */
export const SWEEP_STRATEGY_URL = new URL('./sma-crossover-sweep.mjs', import.meta.url).href;

/** Loads the test strategy (or the one at `url`) in this thread. */
export async function testStrategy(url = STRATEGY_URL): Promise<StrategyDefinition> {
  return ((await import(url)) as { default: StrategyDefinition }).default;
}

/** Seeded synthetic daily bars as backtest data with a hash. */
export function testData(bars = 1000, seed = 8): BarData & { hash: string } {
  return {
    instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'SYN', venue: 'SIM', currency: 'USD' }),
    series: generateBars({ bars, seed, timeframe: timeframe('day'), volatility: 0.3, drift: 0.05 }),
    hash: `synthetic-${bars}-${seed}`,
  };
}

/** A job over the test strategy (or the one at `url`) and data with the given settings. */
export async function testJob(
  settings: OptimizationJob['settings'],
  data = testData(),
  url = STRATEGY_URL,
): Promise<OptimizationJob> {
  return {
    strategy: { definition: await testStrategy(url), moduleUrl: url, codeHash: 'test-code' },
    data: [data],
    config: { fees: { kind: 'percent', rate: 0.001 } },
    settings,
  };
}
