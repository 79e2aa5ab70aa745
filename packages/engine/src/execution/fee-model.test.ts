import { AlphintraError } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { createFeeModel, type FeeInput } from './fee-model.js';

const fill = (over: Partial<FeeInput> = {}): FeeInput => {
  const quantity = over.quantity ?? 100;
  const price = over.price ?? 50;
  return {
    instrument: 'TEST.SIM',
    quantity,
    price,
    notional: over.notional ?? quantity * price,
    liquidity: over.liquidity ?? 'taker',
    cumulativeNotional: over.cumulativeNotional ?? 0,
  };
};

describe('createFeeModel', () => {
  it('charges nothing without a configuration or with kind none', () => {
    expect(createFeeModel(undefined)(fill())).toBe(0);
    expect(createFeeModel({ kind: 'none' })(fill())).toBe(0);
  });

  it('passes a custom function through unchanged', () => {
    const custom = (f: FeeInput): number => f.quantity * 2;
    expect(createFeeModel(custom)).toBe(custom);
  });

  it('charges per share with a minimum, a maximum and a percent-of-notional cap', () => {
    const fees = createFeeModel({ kind: 'per-share', perShare: 0.005, minimum: 1, maximum: 20, maximumPercent: 0.01 });
    // 100 × 0.005 = 0.50 → raised to the 1.00 minimum.
    expect(fees(fill({ quantity: 100, price: 50 }))).toBe(1);
    // 1,000 × 0.005 = 5.00, between the bounds; 1 % of 50,000 = 500 does not bind.
    expect(fees(fill({ quantity: 1_000, price: 50 }))).toBeCloseTo(5, 12);
    // 10,000 × 0.005 = 50 → capped at the 20 maximum.
    expect(fees(fill({ quantity: 10_000, price: 50 }))).toBe(20);
    // 1,000 × 0.005 = 5, but 1 % of 1,000 × 0.10 = 1.00 caps it (penny stock).
    expect(fees(fill({ quantity: 1_000, price: 0.1 }))).toBeCloseTo(1, 12);
    // 10 × 0.005 = 0.05 → minimum 1, then the cap 1 % × 10 × 0.5 = 0.05 wins over the minimum.
    expect(fees(fill({ quantity: 10, price: 0.5 }))).toBeCloseTo(0.05, 12);
  });

  it('leaves the per-share fee uncapped when no maximum is given, as in its doc example', () => {
    const fees = createFeeModel({ kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.01 });
    // 100 × 0.005 = 0.5 → minimum 1 (1 % of 5,000 = 50 does not bind).
    expect(fees(fill({ quantity: 100, price: 50 }))).toBe(1);
    // 100,000 × 0.005 = 500, no fixed maximum; 1 % of 5,000,000 = 50,000 does not bind.
    expect(fees(fill({ quantity: 100_000, price: 50 }))).toBeCloseTo(500, 9);
    expect(createFeeModel({ kind: 'per-share', perShare: 0.01 })(fill({ quantity: 300 }))).toBeCloseTo(3, 12);
    expect(() => createFeeModel({ kind: 'per-share', perShare: Number.NaN })).toThrow('expected perShare ≥ 0, got NaN');
  });

  it('charges a percent of notional with a minimum', () => {
    const fees = createFeeModel({ kind: 'percent', rate: 0.001, minimum: 2 });
    // 0.1 % of 5,000 = 5.
    expect(fees(fill({ quantity: 100, price: 50 }))).toBeCloseTo(5, 12);
    // 0.1 % of 1,000 = 1 → the 2 minimum.
    expect(fees(fill({ quantity: 20, price: 50 }))).toBe(2);
    // Notional includes the multiplier (a future: 2 × 4,000 × 50 = 400,000 → 400).
    expect(fees(fill({ quantity: 2, price: 4_000, notional: 400_000 }))).toBeCloseTo(400, 9);
  });

  it('charges makers and takers their own rates, a negative maker rate being a rebate', () => {
    const fees = createFeeModel({ kind: 'maker-taker', maker: -0.0001, taker: 0.0005 });
    // 5,000 × 0.0005 = 2.5 for the taker; 5,000 × −0.0001 = −0.5 for the maker.
    expect(fees(fill({ liquidity: 'taker' }))).toBeCloseTo(2.5, 12);
    expect(fees(fill({ liquidity: 'maker' }))).toBeCloseTo(-0.5, 12);
  });

  it('applies the first tier whose upTo exceeds the notional traded so far', () => {
    const fees = createFeeModel({
      kind: 'tiered',
      tiers: [
        { upTo: 1_000_000, maker: 0.001, taker: 0.002 },
        { upTo: 10_000_000, maker: 0.0005, taker: 0.001 },
        { upTo: Number.POSITIVE_INFINITY, maker: 0, taker: 0.0005 },
      ],
    });
    // 5,000 notional: tier 1 → 10 taker, 5 maker.
    expect(fees(fill({ cumulativeNotional: 0 }))).toBeCloseTo(10, 12);
    expect(fees(fill({ cumulativeNotional: 999_999, liquidity: 'maker' }))).toBeCloseTo(5, 12);
    // Exactly at 1,000,000 the first tier no longer applies (upTo is exclusive): 5,000 × 0.001 = 5.
    expect(fees(fill({ cumulativeNotional: 1_000_000 }))).toBeCloseTo(5, 12);
    // Beyond every finite tier: 5,000 × 0.0005 = 2.5 taker, 0 maker.
    expect(fees(fill({ cumulativeNotional: 50_000_000 }))).toBeCloseTo(2.5, 12);
    expect(fees(fill({ cumulativeNotional: 50_000_000, liquidity: 'maker' }))).toBe(0);
  });

  it('uses the last tier once the notional traded passes every upTo', () => {
    const fees = createFeeModel({ kind: 'tiered', tiers: [{ upTo: 100, maker: 0.01, taker: 0.02 }] });
    // 5,000 × 0.02 = 100.
    expect(fees(fill({ cumulativeNotional: 1_000 }))).toBeCloseTo(100, 9);
  });

  it('rejects bad configurations with a clear message', () => {
    expect(() => createFeeModel({ kind: 'per-share', perShare: -1 })).toThrow('expected perShare ≥ 0, got -1');
    expect(() => createFeeModel({ kind: 'percent', rate: 1 })).toThrow(AlphintraError);
    expect(() => createFeeModel({ kind: 'maker-taker', maker: 0, taker: Number.NaN })).toThrow(
      'expected taker as a fraction in (-1, 1), got NaN',
    );
    expect(() => createFeeModel({ kind: 'tiered', tiers: [] })).toThrow('expected at least one fee tier');
    expect(() =>
      createFeeModel({
        kind: 'tiered',
        tiers: [
          { upTo: 10, maker: 0, taker: 0 },
          { upTo: 10, maker: 0, taker: 0 },
        ],
      }),
    ).toThrow('expected fee tiers in increasing upTo order, tier 2 is not');
    expect(() => createFeeModel({ kind: 'flat' } as never)).toThrow('unknown fee model flat');
  });
});
