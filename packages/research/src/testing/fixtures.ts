import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import type { StrategyDefinition } from '@alphintra/engine';
import type { BarData } from '@alphintra/optimize';
import type { OptimizationJob } from '../run-optimization.js';
import { type PoolEvaluator, WorkerPoolEvaluator } from '../worker-pool.js';

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

/** The execution rules the pool tests run with: a 0.1 % fee. */
export const TEST_CONFIG = { fees: { kind: 'percent', rate: 0.001 } } as const;

/**
 * Starts worker pools over the test data (the test strategy for `engine`, its sweep variant for
 * `sweep`) and closes every one started so far on `closeAll` (call it after each test).
 */
export function testPools(): {
  start(workers: number, evaluator?: PoolEvaluator): Promise<WorkerPoolEvaluator>;
  closeAll(): Promise<void>;
} {
  const started: WorkerPoolEvaluator[] = [];
  return {
    async start(workers, evaluator = 'engine') {
      const pool = await WorkerPoolEvaluator.start({
        strategy: { moduleUrl: evaluator === 'sweep' ? SWEEP_STRATEGY_URL : STRATEGY_URL, codeHash: 'test' },
        data: [testData()],
        config: TEST_CONFIG,
        workers,
        evaluator,
      });
      started.push(pool);
      return pool;
    },
    async closeAll() {
      await Promise.all(started.splice(0).map((p) => p.close()));
    },
  };
}
