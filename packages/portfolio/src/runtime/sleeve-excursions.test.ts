import { type BacktestOptions, defineStrategy, type Fill, runBacktest, type StrategyContext } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import { equityData } from '../testing/two-instruments.js';

type Row = readonly [number, number, number, number];
const FLAT: Row = [100, 100, 100, 100];

/** A strategy that does `act(ctx, bar index)` on each bar. */
const scripted = (act: (ctx: StrategyContext, index: number) => void) =>
  defineStrategy({ name: 'scripted', parameters: {}, create: (ctx) => ({ onBar: (bar) => act(ctx, bar.index) }) });

/** The strategy run alone and as the only sleeve of a portfolio: both trade lists. */
function bothWays(
  rows: readonly Row[],
  act: (ctx: StrategyContext, index: number) => void,
  config: Partial<BacktestOptions> = {},
) {
  const strategy = scripted(act);
  const data = [equityData('AAA', rows)];
  const alone = runBacktest({ cash: 100_000, ...config, strategy, data });
  const portfolio = definePortfolio({
    sleeves: [{ name: 'only', strategy }],
    allocation: { method: 'fixed', weights: [1] },
  });
  const together = runPortfolio({ cash: 100_000, ...config, portfolio, data });
  expect(together.backtest.fills).toEqual(alone.fills);
  return { alone: alone.trades, sleeve: together.sleeves[0]?.trades ?? [] };
}

describe("a sleeve's trades follow the bar's path around fills, as the engine's do", () => {
  it('a stop entry counts only the part of its bar after the fill', () => {
    // Flat book, bar 1: 100 → 99 → 103 → 101; the buy stop at 102 fills on the way up, then the
    // bar trades 102 → 103 → 101. Sold at bar 2's open 101: MFE (103 − 102) × 10 = 10, MAE
    // (101 − 102) × 10 = −10 (the whole bar would say −30).
    const { alone, sleeve } = bothWays([FLAT, [100, 103, 99, 101], [101, 101, 101, 101]], (ctx, i) => {
      if (i === 0) ctx.buy(10, { kind: 'stop', stopPrice: 102 });
      if (i === 1) ctx.closePosition();
    });
    expect(sleeve[0]).toMatchObject({ entryPrice: 102, exitPrice: 101, mfe: 10, mae: -10 });
    expect(sleeve).toEqual(alone);
  });

  it('a bracket whose stop and target are both inside one bar exits on the pessimistic path', () => {
    // Long 10 at bar 1's open 100 (bar 1: 99.5…101.5). Bar 2 reaches both legs; long, so the low
    // comes first: 100 → 96, the stop-loss at 97 fills, and the 105 after it never counts.
    // MAE (97 − 100) × 10 = −30; MFE (101.5 − 100) × 10 = 15 from bar 1.
    const { alone, sleeve } = bothWays([FLAT, [100, 101.5, 99.5, 101], [100, 106, 96, 103], FLAT], (ctx, i) => {
      if (i === 0) ctx.buy(10, { bracket: { takeProfit: 105, stopLoss: 97 } });
    });
    expect(sleeve[0]).toMatchObject({ entryPrice: 100, exitPrice: 97, mae: -30, mfe: 15 });
    expect(sleeve).toEqual(alone);
  });

  it('an entry and its bracket leg in one bar count the path between the two fills', () => {
    // Flat, bar 1: 100 → 97 → 106 → 104; the stop entry at 101 and the take-profit at 105 both
    // fill on the way up: MFE (105 − 101) × 10 = 40, MAE 0.
    const { alone, sleeve } = bothWays([FLAT, [100, 106, 97, 104], FLAT], (ctx, i) => {
      if (i === 0) ctx.buy(10, { kind: 'stop', stopPrice: 101, bracket: { takeProfit: 105, stopLoss: 95 } });
    });
    expect(sleeve[0]).toMatchObject({ entryPrice: 101, exitPrice: 105, mfe: 40, mae: 0, bars: 0 });
    expect(sleeve).toEqual(alone);
  });

  it('several fills on one bar: a limit, then a stop adding to it, then a short stop reversing on the next bar', () => {
    // Bar 1 (flat, nearer extreme the low): 100 → 98 → 104 → 101. The buy limit at 99 fills on the
    // way down; the trade then sees 99 → 98 → 102 where the buy stop adds 10; the rest is 101…104.
    // Bar 2, long, low first: 101 → 95 → 103 → 100; a sell stop for 30 at 97 closes the 20 and
    // opens a 10 short that sees 97 → 95 → 103 → 100.
    const { alone, sleeve } = bothWays(
      [FLAT, [100, 104, 98, 101], [101, 103, 95, 100], [100, 100, 100, 100], FLAT],
      (ctx, i) => {
        if (i === 0) {
          ctx.buy(10, { kind: 'limit', limitPrice: 99 });
          ctx.buy(10, { kind: 'stop', stopPrice: 102 });
        }
        if (i === 1) ctx.sell(30, { kind: 'stop', stopPrice: 97 });
        if (i === 2) ctx.closePosition();
      },
    );
    expect(sleeve.length).toBe(2);
    expect(sleeve).toEqual(alone);
  });

  it('partial fills under a volume limit', () => {
    // 10 units per bar may trade. A buy limit for 25 at 99 fills 10, 10 and 5:
    // - bar 1 (flat, the nearer high first): 100 → 101.5 → 95 → 100, 10 fill at 99 on the way
    //   down; they see 95…100 after it (MFE 1 × 10 = 10; the whole bar would give 2.5 × 10 = 25);
    // - bar 2 (long, low first): 99.5 → 97 → 99.8 → 99.5; the 10 held see 99…99.5 up to the
    //   fill at 99, then 20 see 97…99.8: MFE 0.8 × 20 = 16, MAE −2 × 20 = −40;
    // - bar 3: the last 5 fill at the open 99; 25 see 96…99.6: MAE −3 × 25 = −75, MFE 15.
    // Closed 10, 10 and 5 at the next three opens, inside narrower bars. MFE 16, MAE −75.
    const rows: Row[] = [
      FLAT,
      [100, 101.5, 95, 100],
      [99.5, 99.8, 97, 99.5],
      [99, 99.6, 96, 99],
      [99.2, 99.4, 98, 99],
      [99, 99.5, 98.5, 99],
      [99, 99, 99, 99],
      [99, 99, 99, 99],
    ];
    const { alone, sleeve } = bothWays(
      rows,
      (ctx, i) => {
        if (i === 0) ctx.buy(25, { kind: 'limit', limitPrice: 99 });
        if (i === 3) ctx.closePosition();
      },
      { volumeLimit: 0.00001 },
    );
    expect(sleeve.length).toBe(1);
    expect(sleeve[0]).toMatchObject({ quantity: 25, entryPrice: 99, mae: -75 });
    expect(sleeve[0]?.mfe).toBeCloseTo(16, 9);
    expect(sleeve).toEqual(alone);
  });

  it('a short entered by a stop mid-bar', () => {
    const { alone, sleeve } = bothWays([FLAT, [100, 101, 96, 98], [98, 98, 98, 98]], (ctx, i) => {
      if (i === 0) ctx.sell(10, { kind: 'stop', stopPrice: 99 });
      if (i === 1) ctx.closePosition();
    });
    expect(sleeve[0]).toMatchObject({ side: 'short', entryPrice: 99, mfe: 30, mae: 0 });
    expect(sleeve).toEqual(alone);
  });
});

describe('two sleeves on one instrument', () => {
  it("a trade held across another sleeve's fill keeps the path before that fill", () => {
    // Sleeve a buys 10 at bar 1's open 100 with a take-profit at 105 (bar 1: 99…101). Sleeve b
    // places a buy stop at 102 for bar 2. Bar 2, the account long, low first: 100 → 94 → 106 → 105.
    // b's stop fills at 102 on the way up, then a's take-profit at 105. a's trade saw 100 → 94 →
    // 105: MAE (94 − 100) × 10 = −60, MFE (105 − 100) × 10 = 50. b's trade saw 102 → 106 → 105,
    // then closes at bar 3's open 105: MFE (106 − 102) × 5 = 20, MAE 0.
    const a = scripted((ctx, i) => {
      if (i === 0) ctx.buy(10, { bracket: { takeProfit: 105, stopLoss: 90 } });
    });
    const b = scripted((ctx, i) => {
      if (i === 1) ctx.buy(5, { kind: 'stop', stopPrice: 102 });
      if (i === 2) ctx.closePosition();
    });
    const result = runPortfolio({
      cash: 100_000,
      portfolio: definePortfolio({
        sleeves: [
          { name: 'a', strategy: a },
          { name: 'b', strategy: b },
        ],
        allocation: { method: 'fixed', weights: [0.5, 0.5] },
      }),
      data: [equityData('AAA', [FLAT, [100, 101, 99, 100], [100, 106, 94, 105], [105, 105, 105, 105], FLAT])],
    });
    const [sa, sb] = result.sleeves;
    expect(result.backtest.fills.map((f) => f.price)).toEqual([100, 102, 105, 105]);
    expect(sa?.trades).toEqual([expect.objectContaining({ entryPrice: 100, exitPrice: 105, mae: -60, mfe: 50 })]);
    expect(sb?.trades).toEqual([expect.objectContaining({ entryPrice: 102, exitPrice: 105, mae: 0, mfe: 20 })]);
  });

  it('a sleeve reads the path of its own fills only', () => {
    // Sleeve a buys at bar 1's open 100 (the bar: 98…103); sleeve b tries to read a's fill.
    let mine: Fill | undefined;
    const seen: number[] = [];
    let refusal = '';
    const a = defineStrategy({
      name: 'a',
      parameters: {},
      create: (ctx) => ({
        onBar: (bar) => {
          if (bar.index === 0) ctx.buy(10);
          if (bar.index === 1 && mine !== undefined) {
            const p = ctx.fillPath(mine);
            seen.push(p.lowBefore, p.highBefore, p.lowAfter, p.highAfter);
          }
        },
        onFill: (fill) => {
          mine = fill;
        },
      }),
    });
    const b = scripted((ctx, i) => {
      if (i !== 1 || mine === undefined) return;
      try {
        ctx.fillPath(mine);
      } catch (error) {
        refusal = String(error);
      }
    });
    runPortfolio({
      cash: 100_000,
      portfolio: definePortfolio({
        sleeves: [
          { name: 'a', strategy: a },
          { name: 'b', strategy: b },
        ],
        allocation: { method: 'fixed', weights: [0.5, 0.5] },
      }),
      data: [equityData('AAA', [FLAT, [100, 103, 98, 101], FLAT])],
    });
    expect(seen).toEqual([100, 100, 98, 103]);
    expect(refusal).toMatch(/does not belong to sleeve b/);
  });
});
