import { describe, expect, it } from 'vitest';
import { estimateUnits, type SleeveBook, translateExclusive, translateShared } from './order-translation.js';

// A sleeve with 40,000 of equity (10,000 cash, 300 units at 100) in an account of 100,000 (50,000 cash).
const book: SleeveBook = {
  equity: 40_000,
  cash: 10_000,
  quantity: 300,
  pending: 0,
  accountEquity: 100_000,
  accountCash: 50_000,
  sole: false,
  price: 100,
  multiplier: 1,
};

describe('translateExclusive', () => {
  it("scales relative sizes by the sleeve's share of the account and leaves the rest to the engine", () => {
    expect(translateExclusive({ size: { targetPercent: 0.5 } }, book)).toEqual({
      kind: 'send',
      request: { size: { targetPercent: 0.2 } },
    });
    expect(translateExclusive({ side: 'buy', size: { equityFraction: 0.25 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'buy', size: { equityFraction: 0.1 } },
    });
    // Cash: 10,000 of the account's 50,000.
    expect(translateExclusive({ side: 'buy', size: { cashFraction: 0.5 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'buy', size: { cashFraction: 0.1 } },
    });
    expect(translateExclusive({ size: { targetQuantity: 10 } }, book).kind).toBe('send');
  });

  it('passes sizes unscaled for the only sleeve', () => {
    const sole = { ...book, sole: true };
    expect(translateExclusive({ size: { targetPercent: 0.7 } }, sole)).toEqual({
      kind: 'send',
      request: { size: { targetPercent: 0.7 } },
    });
  });
});

describe('translateShared', () => {
  it('turns targets into differences to the sleeve position, after its working market orders', () => {
    // Target 50 % of 40,000 = 20,000; the 300 held are worth 30,000: sell a notional of 10,000.
    expect(translateShared({ size: { targetPercent: 0.5 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'sell', size: { notional: 10_000 } },
    });
    // 120 units wanted, 300 held and 50 already being bought: sell 230.
    expect(translateShared({ size: { targetQuantity: 120 }, tag: 't' }, { ...book, pending: 50 })).toEqual({
      kind: 'send',
      request: { side: 'sell', size: 230, tag: 't' },
    });
    expect(translateShared({ size: { targetQuantity: 300 } }, book)).toEqual({ kind: 'nothing' });
    expect(translateShared({ size: { targetPercent: 0.75 } }, book)).toEqual({ kind: 'nothing' });
  });

  it("turns fractions into notionals of the sleeve's equity or cash", () => {
    expect(translateShared({ side: 'buy', size: { equityFraction: 0.25 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'buy', size: { notional: 10_000 } },
    });
    expect(translateShared({ side: 'buy', size: { cashFraction: 0.5 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'buy', size: { notional: 5_000 } },
    });
    expect(translateShared({ side: 'sell', size: { cashFraction: 0.5 } }, book)).toEqual({
      kind: 'send',
      request: { side: 'sell', size: { notional: 20_000 } },
    });
  });
});

describe('estimateUnits', () => {
  it("sizes every kind in the sleeve's terms at the mark", () => {
    expect(estimateUnits({ side: 'sell', size: 7 }, book)).toBe(-7);
    expect(estimateUnits({ side: 'buy', size: { notional: 1_000 } }, book)).toBe(10);
    expect(estimateUnits({ side: 'buy', size: { equityFraction: 0.5 } }, book)).toBe(200);
    expect(estimateUnits({ side: 'buy', size: { cashFraction: 0.5 } }, book)).toBe(50);
    expect(estimateUnits({ size: { targetQuantity: 100 } }, book)).toBe(-200);
    expect(estimateUnits({ size: { targetPercent: 1 } }, book)).toBe(100);
  });
});
