// The sweep's trade figures against @alphintra/analytics' `tradeFigures` over the engine's own
// closed trades: the four example strategies with a sweep face and a long/short crossover
// that reverses in one order, on ORCL 1995–2014, over parameter grids, both fill timings,
// fees, slippage and borrow costs — every figure equal to the bit. Plus the degenerate runs:
// no trades, a trade still open at the end, only losers, only winners.
import { type TradeFigures, tradeFigures } from '@alphintra/analytics';
import {
  type BacktestConfig,
  type BacktestData,
  defineStrategy,
  HOLD,
  runBacktest,
  runSweep,
  type StrategyDefinition,
  SWEEP_TRADE_COLUMNS,
  type SweepResult,
} from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import donchianChannel from '../examples/donchian-channel.js';
import rsiThresholds from '../examples/rsi-thresholds.js';
import smaCrossover from '../examples/sma-crossover.js';
import smaReversing from '../examples/sma-crossover-reversing.js';
import { loadData } from './example-support.js';

/** Long above, short below, each reversal one `targetPercent` order (the sweep's direct reversal). */
const longShort = defineStrategy({
  name: 'sma-long-short',
  version: '1',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 200 },
    slow: { type: 'integer', default: 30, min: 3, max: 400 },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        const held = ctx.quantity();
        if (fast.value > slow.value) {
          if (held <= 0) ctx.targetPercent(1);
        } else if (held >= 0) ctx.targetPercent(-1);
      },
    };
  },
  sweep: {
    indicators: (p) => ({
      fast: { name: 'SMA', params: { timeperiod: p.fast } },
      slow: { name: 'SMA', params: { timeperiod: p.slow } },
    }),
    decide(bar, { fast, slow }, held) {
      const s = slow[bar] as number;
      if (Number.isNaN(s)) return HOLD;
      if ((fast[bar] as number) > s) return held <= 0 ? 1 : HOLD;
      return held >= 0 ? -1 : HOLD;
    },
  },
});

const CASES: readonly { strategy: StrategyDefinition; sets: Record<string, number>[] }[] = [
  { strategy: smaCrossover as unknown as StrategyDefinition, sets: grid({ fast: [2, 10, 50], slow: [3, 30, 150] }) },
  { strategy: smaReversing as unknown as StrategyDefinition, sets: grid({ fast: [3, 40], slow: [20, 200] }) },
  { strategy: longShort as unknown as StrategyDefinition, sets: grid({ fast: [5, 20], slow: [30, 100] }) },
  { strategy: rsiThresholds as unknown as StrategyDefinition, sets: grid({ period: [2, 14], entry: [20, 35] }) },
  { strategy: donchianChannel as unknown as StrategyDefinition, sets: grid({ entry: [5, 55], exit: [2, 20] }) },
];

const CONFIGS: Readonly<Record<string, Partial<BacktestConfig>>> = {
  'a percent fee': { fees: { kind: 'percent', rate: 0.001 } },
  'per-share fees, slippage and borrow': {
    fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 },
    slippage: { kind: 'fixed-bps', bps: 2 },
    borrowRate: 0.03,
  },
  'fills at the close with a random spread and borrow': {
    fillTiming: 'close',
    fees: { kind: 'percent', rate: 0.0005 },
    slippage: { kind: 'spread', spreadBps: 10, random: true },
    borrowRate: 0.02,
  },
  'no shorting and a minimum fee': {
    cash: 7_500,
    allowShort: false,
    fees: { kind: 'percent', rate: 0.001, minimum: 1 },
  },
};

function grid(axes: Readonly<Record<string, readonly number[]>>): Record<string, number>[] {
  let sets: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(axes))
    sets = sets.flatMap((set) => values.map((v) => ({ ...set, [name]: v })));
  return sets;
}

/** The sweep's column for each figure analytics reports, or how it follows from the columns. */
function sweepFigures(sweep: SweepResult, run: number): Partial<Record<keyof TradeFigures, number>> {
  const out: Partial<Record<keyof TradeFigures, number>> = {};
  for (const name of SWEEP_TRADE_COLUMNS) {
    if (name !== 'timeInTrades') out[name as keyof TradeFigures] = sweep[name][run] as number;
  }
  const count = sweep.trades[run] as number;
  out.count = count;
  out.breakeven = count - (sweep.winners[run] as number) - (sweep.losers[run] as number);
  out.shortCount = count - (sweep.longCount[run] as number);
  return out;
}

/** Analytics' figures of the engine's run, restricted to those the sweep computes. */
function engineFigures(
  data: BacktestData,
  config: Partial<BacktestConfig>,
  strategy: StrategyDefinition,
  parameters: Record<string, number>,
  keys: readonly string[],
) {
  const result = runBacktest({ ...config, strategy, data: [data], parameters });
  const time = result.equity.time;
  const figures = tradeFigures(result.trades, [time[0] as number, time[time.length - 1] as number]);
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = figures[key as keyof TradeFigures] as number;
  return { out, result };
}

describe('the sweep’s trade figures equal analytics over the engine’s trades', { timeout: 300_000 }, () => {
  it('on ORCL for every example face, parameter grid and configuration, bit for bit', async () => {
    const data = await loadData('data/samples/orcl-1995-2014.txt', 'ORCL');
    let trades = 0;
    let shorts = 0;
    for (const { strategy, sets } of CASES) {
      for (const [name, config] of Object.entries(CONFIGS)) {
        const sweep = runSweep({ ...config, strategy, data: [data], parameterSets: sets });
        // Without the statistics: the same trade count and curve figures, and NaN trade columns.
        const lean = runSweep({ ...config, strategy, data: [data], parameterSets: sets, tradeStatistics: false });
        for (const column of ['trades', 'firstEquity', 'finalEquity', 'totalReturn', 'sharpe', 'maxDrawdown'] as const)
          expect(lean[column], `${strategy.name}, ${name}: ${column}`).toEqual(sweep[column]);
        for (const column of SWEEP_TRADE_COLUMNS) expect(lean[column].every(Number.isNaN), column).toBe(true);
        sets.forEach((parameters, run) => {
          const mine = sweepFigures(sweep, run);
          const { out } = engineFigures(data, config, strategy, parameters, Object.keys(mine));
          expect(mine, `${strategy.name} ${JSON.stringify(parameters)}, ${name}`).toEqual(out);
          trades += mine.count as number;
          shorts += mine.shortCount as number;
        });
      }
    }
    // Not vacuous: thousands of trades, shorts among them.
    expect(trades).toBeGreaterThan(5_000);
    expect(shorts).toBeGreaterThan(500);
  });

  it('handles no trades, a trade left open, only losers and only winners as the engine and analytics do', async () => {
    const full = await loadData('data/samples/orcl-1995-2014.txt', 'ORCL');
    const series = full.series as NonNullable<BacktestData['series']>;
    const fees = { kind: 'percent', rate: 0.001 } as const;
    // A script of targets per bar: the face and create both follow it.
    const scripted = (targets: readonly number[]) =>
      defineStrategy({
        name: 'scripted',
        version: '1',
        parameters: {},
        create(ctx) {
          let bar = 0;
          return {
            onBar() {
              const t = targets[bar++] ?? Number.NaN;
              if (Number.isNaN(t)) return;
              if (t === 0) ctx.closePosition();
              else ctx.targetPercent(t);
            },
          };
        },
        sweep: { indicators: () => ({}), decide: (bar) => targets[bar] ?? HOLD },
      }) as unknown as StrategyDefinition;
    const slice = series.slice(0, 60);
    const data = { instrument: full.instrument, series: slice };
    const close = slice.close;
    // Bars where the next open is above (below) this bar's open: buying at one open and selling
    // at the next is then a winner (a loser) before fees; pick moves large enough to beat them.
    const up: number[] = [];
    const down: number[] = [];
    for (let i = 0; i + 2 < slice.length; i++) {
      const move = (slice.open[i + 2] as number) / (slice.open[i + 1] as number) - 1;
      if (move > 0.01) up.push(i);
      if (move < -0.01) down.push(i);
    }
    const script = (entries: readonly number[]): number[] => {
      const t: number[] = Array.from({ length: slice.length }, () => Number.NaN);
      for (const i of entries) {
        t[i] = 1;
        t[i + 1] = 0;
      }
      return t;
    };
    const nonAdjacent = (xs: number[]) => xs.filter((x, k) => k === 0 || x > (xs[k - 1] as number) + 1).slice(0, 4);
    const cases = {
      'no trades': Array.from({ length: slice.length }, () => Number.NaN),
      'one trade left open': [Number.NaN, 1],
      'one closed and one left open': [1, Number.NaN, 0, Number.NaN, 1],
      'only losers': script(nonAdjacent(down)),
      'only winners': script(nonAdjacent(up)),
    };
    expect(close.length).toBe(60);
    const seen: Record<string, SweepResult> = {};
    for (const [name, targets] of Object.entries(cases)) {
      const strategy = scripted(targets);
      const sweep = runSweep({ fees, strategy, data: [data], parameterSets: [{}] });
      const mine = sweepFigures(sweep, 0);
      const { out, result } = engineFigures(data, { fees }, strategy, {}, Object.keys(mine));
      expect(mine, name).toEqual(out);
      expect(sweep.trades[0], name).toBe(result.summary.trades);
      seen[name] = sweep;
    }
    const row = (name: string) => seen[name] as SweepResult;
    expect([row('no trades').trades[0], row('no trades').winRate[0], row('no trades').totalFees[0]]).toEqual([
      0,
      Number.NaN,
      0,
    ]);
    // The open trade is not a trade: nothing counted, its entry fee not in the trades' fees.
    expect([row('one trade left open').trades[0], row('one trade left open').totalFees[0]]).toEqual([0, 0]);
    expect(row('one closed and one left open').trades[0]).toBe(1);
    const losers = row('only losers');
    expect(losers.trades[0]).toBeGreaterThanOrEqual(2);
    expect([losers.winners[0], losers.profitFactor[0], losers.winRate[0]]).toEqual([0, 0, 0]);
    expect(losers.longestLossStreak[0]).toBe(losers.trades[0]);
    const winners = row('only winners');
    expect(winners.trades[0]).toBeGreaterThanOrEqual(2);
    // No losses: the profit factor is undefined (null in JSON), not Infinity; Kelly is 1.
    expect([winners.losers[0], winners.profitFactor[0], winners.winRate[0], winners.kellyFraction[0]]).toEqual([
      0,
      Number.NaN,
      1,
      1,
    ]);
  });
});
