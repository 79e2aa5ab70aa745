import { describe, expect, it } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import { dailyBars, syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { resultToJson } from './results.js';
import { runBacktest } from './run-backtest.js';

const smaCross = defineStrategy({
  name: 'sma-cross-test',
  parameters: {
    fast: { type: 'integer', default: 5, min: 1 },
    slow: { type: 'integer', default: 20, min: 2 },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        if (fast.value > slow.value && ctx.quantity() <= 0) ctx.targetPercent(1);
        else if (fast.value < slow.value && ctx.quantity() > 0) ctx.closePosition();
      },
    };
  },
});

describe('runBacktest', () => {
  it('buys at the next open with all equity and marks the position at each close', () => {
    const buyOnce = defineStrategy({
      name: 'buy-once',
      parameters: {},
      create(ctx) {
        return {
          onBar(bar) {
            if (bar.index === 0) ctx.targetPercent(1);
          },
        };
      },
    });
    const series = dailyBars([
      [100, 101, 99, 100],
      [50, 52, 49, 51],
      [51, 56, 50, 55],
    ]);
    const result = runBacktest({ strategy: buyOnce, data: [{ instrument: TEST_EQUITY, series }], cash: 10_000 });
    expect(result.fills).toHaveLength(1);
    expect(result.fills[0]?.price).toBe(50);
    expect(result.fills[0]?.quantity).toBe(200);
    expect(Array.from(result.equity.equity)).toEqual([10_000, 200 * 51, 200 * 55]);
    expect(result.summary.finalEquity).toBe(11_000);
  });

  it('gives byte-identical results for the same inputs', () => {
    const series = syntheticBars(2_000);
    const run = () =>
      JSON.stringify(
        resultToJson(
          runBacktest({
            strategy: smaCross,
            data: [{ instrument: TEST_EQUITY, series }],
            fees: { kind: 'percent', rate: 0.001 },
            slippage: { kind: 'spread', spreadBps: 10, random: true },
            seed: 3,
          }),
        ),
      );
    const a = run();
    expect(run()).toBe(a);
    const parsed = JSON.parse(a) as { summary: { trades: number } };
    expect(parsed.summary.trades).toBeGreaterThan(5);
  });
});
