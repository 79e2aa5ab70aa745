import { defineStrategy } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { checkPortfolioSpec } from './check-spec.js';
import type { PortfolioSpec } from './portfolio-spec.js';

const strategy = defineStrategy({
  name: 's',
  parameters: { period: { type: 'integer', default: 10, min: 2, max: 50 } },
  create: () => ({}),
});
const two = (extra: Partial<PortfolioSpec> = {}): PortfolioSpec => ({
  sleeves: [
    { name: 'a', strategy },
    { name: 'b', strategy, parameters: { period: 20 } },
  ],
  ...extra,
});

describe('checkPortfolioSpec', () => {
  it('fills in equal weights, no rebalancing and no limits by default, and resolves parameters', () => {
    const p = checkPortfolioSpec(two());
    expect(p.allocation).toEqual({ kind: 'equal' });
    expect(p.rebalance).toEqual({
      schedule: { kind: 'never' },
      driftThreshold: Number.POSITIVE_INFINITY,
      scalePositions: false,
    });
    expect(p.risk.maxWeight).toBe(Number.POSITIVE_INFINITY);
    expect(p.sleeves.map((s) => s.parameters)).toEqual([{ period: 10 }, { period: 20 }]);
  });

  it('orders fixed weights given by name and fills the defaults of each method', () => {
    expect(
      checkPortfolioSpec(two({ allocation: { method: 'fixed', weights: { b: 0.7, a: 0.3 } } })).allocation,
    ).toEqual({
      kind: 'fixed',
      weights: [0.3, 0.7],
    });
    expect(
      checkPortfolioSpec(two({ allocation: { method: 'mean-variance', objective: 'max-sharpe' } })).allocation,
    ).toEqual({
      kind: 'max-sharpe',
      lookback: 63,
      shrinkage: 'ledoit-wolf',
      riskFreeRate: 0,
    });
  });

  it.each([
    [{ sleeves: [] }, 'at least one sleeve'],
    [
      {
        sleeves: [
          { name: 'a', strategy },
          { name: 'a', strategy },
        ],
      },
      'sleeve a is named twice',
    ],
    [{ sleeves: [{ name: 'a.b', strategy }] }, 'name of letters, digits'],
    [
      { sleeves: [{ name: 'a', strategy, parameters: { period: 1 } }] },
      'sleeve a: expected parameter period ≥ 2, got 1',
    ],
    [{ sleeves: [{ name: 'a', strategy, parameters: { speed: 1 } }] }, 'sleeve a: unknown parameter speed'],
    [{ sleeves: [{ name: 'a', strategy, instruments: [] }] }, 'at least one instrument'],
    [two({ allocation: { method: 'fixed', weights: [0.5, 0.6] } }), 'summing to 1, got 1.1'],
    [two({ allocation: { method: 'fixed', weights: [1] } }), 'expected 2 fixed weights, got 1'],
    [two({ allocation: { method: 'fixed', weights: { c: 1 } } }), 'unknown sleeve c'],
    [two({ allocation: { method: 'risk-parity', lookback: 1 } }), 'lookback of at least 2 bars, got 1'],
    [
      two({ allocation: { method: 'risk-parity', shrinkage: 2 } }),
      "shrinkage 'ledoit-wolf' or a number in [0, 1], got 2",
    ],
    [
      two({ allocation: { method: 'mean-variance', objective: 'utility', riskAversion: -1 } }),
      'positive risk aversion, got -1',
    ],
    [two({ allocation: { method: 'magic' } as never }), 'allocation method fixed, equal'],
    [two({ rebalance: { schedule: { everyBars: 0 } } }), 'everyBars to be a whole number ≥ 1, got 0'],
    [two({ rebalance: { schedule: 'daily' as never } }), 'expected schedule never, weekly'],
    [two({ rebalance: { driftThreshold: 1.5 } }), 'drift threshold in (0, 1), got 1.5'],
    [two({ risk: { maxWeight: 0.4 } }), 'maxWeight ≥ 1/2'],
    [two({ risk: { maxDrawdown: 0 } }), 'maxDrawdown in (0, 1], got 0'],
    [two({ risk: { maxGrossLeverage: -1 } }), 'maxGrossLeverage above 0, got -1'],
    [
      two({ allocation: { method: 'fixed', weights: [0.9, 0.1] }, risk: { maxWeight: 0.6 } }),
      'fixed weight 0.9 is above maxWeight 0.6',
    ],
    [two({ instruments: { 'X.SIM': { multiplier: 0 } } }), 'positive multiplier and lot size for X.SIM'],
  ] as [PortfolioSpec, string][])('rejects %# with a clear message', (spec, message) => {
    expect(() => checkPortfolioSpec(spec)).toThrow(message);
  });
});
