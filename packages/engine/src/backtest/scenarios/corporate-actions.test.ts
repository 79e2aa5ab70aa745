import { describe, expect, it } from 'vitest';
import { TEST_EQUITY } from '../../testing/fixtures.js';
import { DAY_MICROS, FIRST_BAR, scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];
const AT_BAR_2 = FIRST_BAR + 2 * DAY_MICROS;

describe('splits', () => {
  it('multiply the position and divide its prices, leaving equity unchanged, and adjust working orders', () => {
    // Long 10 at 100; a 2-for-1 split at bar 2 makes it 20 at 50; the sell limit 10 @ 110 becomes 20 @ 55.
    const r = scenario({
      rows: [FLAT, FLAT, [50, 51, 49, 50], [50, 56, 50, 55]],
      corporateActions: [{ kind: 'split', instrument: TEST_EQUITY.id, time: AT_BAR_2, ratio: 2 }],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'limit', limitPrice: 110 });
      },
    });
    // Cash 99,000 throughout until the sale: 99,000 + 20 × 55 = 100,100.
    expect(Array.from(r.equity.equity)).toEqual([100_000, 100_000, 100_000, 100_100]);
    expect(r.fills[1]).toMatchObject({ side: 'sell', quantity: 20, price: 55 });
    expect(r.orders[1]).toMatchObject({ status: 'filled', quantity: 20, limitPrice: 55 });
    expect(r.trades[0]).toMatchObject({ entryPrice: 50, quantity: 20, exitPrice: 55, pnl: 100 });
  });

  it('do nothing to an instrument without a position', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [50, 50, 50, 50]],
      corporateActions: [{ kind: 'split', instrument: TEST_EQUITY.id, time: AT_BAR_2, ratio: 2 }],
    });
    expect(r.positions[0]?.quantity).toBe(0);
    expect(r.summary.finalEquity).toBe(100_000);
  });
});

describe('dividends', () => {
  it('pay a long the dividend per share on the ex-date and count it in the trade', () => {
    // 10 shares × 2 = 20 received at bar 2; the price falls by the dividend (100 → 98).
    const r = scenario({
      rows: [FLAT, FLAT, [98, 98, 98, 98], [98, 98, 98, 98]],
      corporateActions: [{ kind: 'dividend', instrument: TEST_EQUITY.id, time: AT_BAR_2, amount: 2 }],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 2) ctx.closePosition();
      },
    });
    expect(r.positions[0]?.carry).toBe(20);
    // Cash 99,000 + 20 at bar 2; sold 10 at 98 at bar 3: 99,020 + 980 = 100,000.
    expect(Array.from(r.equity.cash)).toEqual([100_000, 99_000, 99_020, 100_000]);
    // Price loss −20, dividend +20.
    expect(r.trades[0]?.pnl).toBe(0);
  });

  it('charge a short the dividend', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [98, 98, 98, 98]],
      corporateActions: [{ kind: 'dividend', instrument: TEST_EQUITY.id, time: AT_BAR_2, amount: 2 }],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(10)),
    });
    expect(r.positions[0]?.carry).toBe(-20);
    // 100,000 + 1,000 (short proceeds) − 20 − 10 × 98 = 100,000.
    expect(r.summary.finalEquity).toBe(100_000);
  });

  it('apply on the first bar on or after an ex-date that falls between bars', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT, FLAT],
      corporateActions: [{ kind: 'dividend', instrument: TEST_EQUITY.id, time: AT_BAR_2 - 1, amount: 1 }],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)),
    });
    expect(Array.from(r.equity.cash)).toEqual([100_000, 99_000, 99_010, 99_010]);
  });

  it('refuse a corporate action for an instrument not in the run', () => {
    expect(() =>
      scenario({ rows: [FLAT], corporateActions: [{ kind: 'dividend', instrument: 'NOPE.SIM', time: 0, amount: 1 }] }),
    ).toThrow('corporate action for unknown instrument NOPE.SIM');
  });
});
