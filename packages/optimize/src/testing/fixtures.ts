import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import { type BacktestData, defineStrategy } from '@alphintra/engine';
import { BacktestTrialEvaluator } from '../evaluate/backtest-evaluator.js';
import type { MeasureOptions } from '../evaluate/measure-run.js';

/** A long-only SMA crossover with integer periods and a choice of entry size. */
export const smaCrossover = defineStrategy({
  name: 'test-sma-crossover',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 200 },
    slow: { type: 'integer', default: 30, min: 3, max: 400 },
    size: { type: 'choice', default: 'full', choices: ['full', 'half'] },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        const held = ctx.quantity();
        if (fast.value > slow.value) {
          if (held <= 0) ctx.targetPercent(p.size === 'full' ? 1 : 0.5);
        } else if (held > 0) {
          ctx.closePosition();
        }
      },
    };
  },
});

/** A seeded synthetic daily series of `bars` bars as backtest data. */
export function syntheticData(bars = 1500, seed = 11): BacktestData {
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
export function testEvaluator(
  data: BacktestData = syntheticData(),
  measure: MeasureOptions = {},
): BacktestTrialEvaluator {
  return new BacktestTrialEvaluator({
    strategy: smaCrossover,
    data: [data],
    config: { fees: { kind: 'percent', rate: 0.001 } },
    measure,
  });
}
