import { defineStrategy, type Fill } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import type { RebalanceSpec, RiskLimits } from '../spec/portfolio-spec.js';
import { equityData } from '../testing/two-instruments.js';

// AAA rises 100 → 110 → 120 and stays; BBB stays at 50.
const A = equityData('AAA', [
  [100, 100, 100, 100],
  [100, 110, 100, 110],
  [110, 120, 110, 120],
  [120, 120, 120, 120],
  [120, 120, 120, 120],
]);
const B = equityData('BBB', [
  [50, 50, 50, 50],
  [50, 50, 50, 50],
  [50, 50, 50, 50],
  [50, 50, 50, 50],
  [50, 50, 50, 50],
]);

function buyOnce(units: number, seen: Fill[]) {
  return defineStrategy({
    name: `buy-${units}`,
    parameters: {},
    create(ctx) {
      return {
        onBar(bar) {
          if (bar.index === 0) ctx.buy(units);
        },
        onFill(fill) {
          seen.push(fill);
        },
      };
    },
  });
}

function run(rebalance: RebalanceSpec, risk: RiskLimits = {}) {
  const seen: Fill[] = [];
  const result = runPortfolio({
    portfolio: definePortfolio({
      sleeves: [
        { name: 'a', strategy: buyOnce(500, seen), instruments: ['AAA'] },
        { name: 'b', strategy: buyOnce(1000, seen), instruments: ['BBB'] },
      ],
      allocation: { method: 'equal' },
      rebalance,
      risk,
    }),
    data: [A, B],
    cash: 100_000,
  });
  return { result, seen };
}

describe('rebalancing', () => {
  it('moves capital back to the targets on schedule, by hand', () => {
    // Each sleeve starts with 50,000 and spends it all. Row 2: a = 500 × 120 = 60,000, b = 50,000;
    // every 2 rows the 110,000 goes back to 55,000 each: a pays 5,000 (its cash goes to −5,000), b gets 5,000.
    const { result } = run({ schedule: { everyBars: 2 } });
    const [a, b] = result.sleeves;
    expect(Array.from(a?.equity ?? [])).toEqual([50_000, 55_000, 55_000, 55_000, 55_000]);
    expect(Array.from(b?.equity ?? [])).toEqual([50_000, 50_000, 55_000, 55_000, 55_000]);
    expect(result.rebalances.map((r) => [r.reason, r.transfers])).toEqual([
      ['start', [50_000, 50_000]],
      ['schedule', [-5_000, 5_000]],
      ['schedule', [0, 0]],
    ]);
    expect(result.rebalances[1]?.before).toEqual([60_000 / 110_000, 50_000 / 110_000]);
    expect(result.rebalances[1]?.after).toEqual([0.5, 0.5]);
    expect(Array.from(a?.weight ?? [])).toEqual([0.5, 55_000 / 105_000, 0.5, 0.5, 0.5]);
    // Returns exclude the flow: row 2 is 60,000 / 55,000 − 1 for a, 0 for b.
    expect(a?.returns[2]).toBeCloseTo(60_000 / 55_000 - 1, 15);
    expect(b?.returns[2]).toBe(0);
    // Positions were not touched.
    expect(result.backtest.positions.map((p) => p.quantity)).toEqual([500, 1000]);
  });

  it("scales the sleeves' positions to their new capital when asked, sales first, unseen by the strategies", () => {
    // a: ⌊500 × 55,000 / 60,000⌋ = 458, sell 42 at 120 → cash −5,000 + 5,040 = 40; b: 1000 × 1.1 = 1100, buy 100 at 50.
    const { result, seen } = run({ schedule: { everyBars: 2 }, scalePositions: true });
    const [a, b] = result.sleeves;
    expect(result.rebalances[1]?.orders).toBe(2);
    const rebalancing = result.backtest.orders.filter((o) => o.tag === 'rebalance');
    expect(rebalancing.map((o) => [o.instrument, o.side, o.filledQuantity])).toEqual([
      ['AAA.SIM', 'sell', 42],
      ['BBB.SIM', 'buy', 100],
    ]);
    expect(a?.positions[0]?.quantity).toBe(458);
    expect(b?.positions[0]?.quantity).toBe(1100);
    expect(a?.finalEquity).toBe(40 + 458 * 120);
    expect(b?.finalEquity).toBe(55_000);
    expect(seen.map((f) => f.quantity)).toEqual([500, 1000]);
  });

  it('rebalances when a weight drifts past the threshold, or above the cap', () => {
    // Row 1: a's weight 55/105 = 0.5238 (drift 0.024); row 2: 60/110 = 0.5455 (drift 0.045).
    const drift = run({ driftThreshold: 0.04 }).result.rebalances;
    expect(drift.map((r) => [r.reason, r.time])).toEqual([
      ['start', A.series?.time[0]],
      ['drift', A.series?.time[2]],
    ]);
    const capped = run({}, { maxWeight: 0.54 }).result.rebalances;
    expect(capped.map((r) => r.reason)).toEqual(['start', 'max-weight']);
  });
});

describe('position scaling', () => {
  it('never flips a sleeve whose own stop flattens it at the same open', () => {
    // a buys 100 AAA with a reduce-only stop at 95; AAA rises to 120, so the rebalance at row 2
    // scales a down with a sale; bar 3 gaps to 90 and the stop sells all 100 first.
    const A2 = equityData('AAA', [
      [100, 100, 100, 100],
      [100, 110, 100, 110],
      [110, 120, 110, 120],
      [90, 90, 90, 90],
      [90, 90, 90, 90],
    ]);
    const a = defineStrategy({
      name: 'stopped',
      parameters: {},
      create(ctx) {
        return {
          onBar(bar) {
            if (bar.index === 0) ctx.buy(100);
            if (bar.index === 1) ctx.sell(100, { kind: 'stop', stopPrice: 95, reduceOnly: true, tag: 'stop' });
          },
        };
      },
    });
    const result = runPortfolio({
      portfolio: definePortfolio({
        sleeves: [
          { name: 'a', strategy: a, instruments: ['AAA'] },
          { name: 'b', strategy: buyOnce(10, []), instruments: ['BBB'] },
        ],
        rebalance: { schedule: { everyBars: 2 }, scalePositions: true },
      }),
      data: [A2, B],
      cash: 100_000,
    });
    const scale = result.backtest.orders.find((o) => o.tag === 'rebalance' && o.instrument === 'AAA.SIM');
    expect(scale?.side).toBe('sell');
    expect(scale?.filledQuantity).toBe(0);
    expect(result.sleeves[0]?.positions[0]?.quantity).toBe(0);
  });
});
