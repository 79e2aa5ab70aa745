import { describe, expect, it } from 'vitest';
import type { Order } from '../../orders/order.js';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];
// One bar touching both legs: take-profit 105 and stop-loss 95 around an entry at 100.
const BOTH = [100, 106, 94, 100];

describe('brackets', () => {
  const entry = { bracket: { takeProfit: 105, stopLoss: 95 } } as const;

  it('place a take-profit limit and a stop-loss stop as an OCO pair once the entry fills', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 99, 100], [100, 106, 99, 105]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, entry)),
    });
    // Entry at bar 1's open; legs placed then. Bar 2 (long → low first: 99, then 106) reaches 105.
    expect(r.orders.map((o) => [o.id, o.kind, o.side, o.tag, o.parentId, o.status, o.reason])).toEqual([
      [1, 'market', 'buy', '', 0, 'filled', ''],
      [2, 'limit', 'sell', 'take-profit', 1, 'filled', ''],
      [3, 'stop', 'sell', 'stop-loss', 1, 'cancelled', 'OCO_CANCELLED'],
    ]);
    expect(r.fills[1]).toMatchObject({ orderId: 2, price: 105, liquidity: 'maker' });
    expect(r.trades[0]?.pnl).toBe(50);
  });

  it('take the stop first when both legs are inside one bar on the pessimistic path', () => {
    // The legs go live within the entry bar; long → low first: 100 → 94 hits the 95 stop.
    const r = scenario({ rows: [FLAT, BOTH], onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, entry)) });
    expect(r.fills.map((f) => [f.orderId, f.price])).toEqual([
      [1, 100],
      [3, 95],
    ]);
    expect(r.orders[1]).toMatchObject({ status: 'cancelled', reason: 'OCO_CANCELLED' });
    expect(r.summary.finalEquity).toBe(99_950);
  });

  it('take the target first on the optimistic path', () => {
    const r = scenario({
      rows: [FLAT, BOTH],
      barPath: 'optimistic',
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, entry)),
    });
    expect(r.fills.map((f) => [f.orderId, f.price])).toEqual([
      [1, 100],
      [2, 105],
    ]);
    expect(r.orders[2]).toMatchObject({ status: 'cancelled', reason: 'OCO_CANCELLED' });
    expect(r.summary.finalEquity).toBe(100_050);
  });

  it('protect a short the same way, with the stop above', () => {
    // Short → pessimistic: high first, 106 hits the 105 stop.
    const r = scenario({
      rows: [FLAT, BOTH],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(10, { bracket: { takeProfit: 95, stopLoss: 105 } })),
    });
    expect(r.fills.map((f) => [f.side, f.price])).toEqual([
      ['sell', 100],
      ['buy', 105],
    ]);
  });

  it('size the legs to what the entry filled', () => {
    // An IOC entry of 150 fills 100 (volume 1,000 × 0.1): legs of 100.
    const r = scenario({
      rows: [FLAT, [100, 101, 99, 100, 1_000]],
      volumeLimit: 0.1,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(150, { ...entry, timeInForce: 'ioc' })),
    });
    expect(r.orders.map((o) => [o.status, o.quantity])).toEqual([
      ['cancelled', 150],
      ['accepted', 100],
      ['accepted', 100],
    ]);
  });

  it('reject a bracket whose take-profit is not beyond its stop-loss', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { bracket: { takeProfit: 95, stopLoss: 105 } })),
    });
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_BRACKET' });
  });
});

describe('one-cancels-other', () => {
  it('cancels the other order when one fills', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [100, 101, 94, 96]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) {
          const target = ctx.sell(10, { kind: 'limit', limitPrice: 105 });
          const stop = ctx.sell(10, { kind: 'stop', stopPrice: 95 });
          ctx.oco(target, stop);
        }
      },
    });
    expect(r.orders.slice(1).map((o) => [o.status, o.reason])).toEqual([
      ['cancelled', 'OCO_CANCELLED'],
      ['filled', ''],
    ]);
    expect(r.fills[1]?.price).toBe(95);
  });

  it('cancels the other order when one is cancelled', () => {
    let target: Readonly<Order> | undefined;
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) {
          target = ctx.sell(10, { kind: 'limit', limitPrice: 105 });
          ctx.oco(target, ctx.sell(10, { kind: 'stop', stopPrice: 95 }));
        }
        if (bar.index === 1 && target !== undefined) ctx.cancel(target);
      },
    });
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['cancelled', 'CANCELLED_BY_STRATEGY'],
      ['cancelled', 'OCO_CANCELLED'],
    ]);
  });

  it('refuses to link fewer than two orders', () => {
    expect(() =>
      scenario({ rows: [FLAT], onBar: (ctx) => ctx.oco(ctx.buy(1, { kind: 'limit', limitPrice: 90 })) }),
    ).toThrow('expected at least two orders to link, got 1');
  });
});

describe('reduce-only orders', () => {
  it('are clipped to the position they reduce', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(15, { reduceOnly: true });
      },
    });
    expect(r.fills.map((f) => [f.side, f.quantity])).toEqual([
      ['buy', 10],
      ['sell', 10],
    ]);
    expect(r.orders[1]).toMatchObject({ status: 'filled', quantity: 10, filledQuantity: 10 });
    expect(r.positions[0]?.quantity).toBe(0);
  });

  it('are clipped rather than denied when shorting is not allowed', () => {
    // Selling 15 against a long of 10 can never go short when reduce-only: no SHORT_NOT_ALLOWED.
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      allowShort: false,
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(15, { reduceOnly: true });
      },
    });
    expect(r.orders[1]).toMatchObject({ status: 'filled', filledQuantity: 10 });
  });

  it('are cancelled when there is nothing to reduce', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(5, { reduceOnly: true })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'cancelled', reason: 'REDUCE_ONLY_NOTHING_TO_REDUCE' });
  });
});

describe('one-triggers-other', () => {
  it('place the children once the parent has filled, with the parent id, and let them trade on', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 99, 100], [100, 103, 99, 102], [102, 104, 101, 103]],
      onBar: (ctx, bar) =>
        void (
          bar.index === 0 &&
          ctx.buy(10, {
            triggers: { orders: [{ side: 'sell', size: 4, kind: 'limit', limitPrice: 102.5, tag: 'scale-out' }] },
          })
        ),
    });
    // Parent fills at bar 1's open (100); the child limit goes live then and fills at 102.5 in bar 2.
    expect(r.orders.map((o) => [o.id, o.kind, o.side, o.parentId, o.status, o.tag])).toEqual([
      [1, 'market', 'buy', 0, 'filled', ''],
      [2, 'limit', 'sell', 1, 'filled', 'scale-out'],
    ]);
    expect(r.fills.map((f) => [f.orderId, f.quantity, f.price])).toEqual([
      [1, 10, 100],
      [2, 4, 102.5],
    ]);
    // 6 held at 103, 4 sold at 102.5: 100,000 − 1,000 + 410 + 618 = 100,028.
    expect(r.summary.finalEquity).toBe(100_028);
  });

  it('link the children one-cancels-other when asked', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [100, 106, 99, 104]],
      onBar: (ctx, bar) =>
        void (
          bar.index === 0 &&
          ctx.buy(10, {
            triggers: {
              oco: true,
              orders: [
                { side: 'sell', size: 10, kind: 'limit', limitPrice: 105 },
                { side: 'sell', size: 10, kind: 'stop', stopPrice: 95 },
              ],
            },
          })
        ),
    });
    expect(r.orders.map((o) => [o.id, o.status, o.reason])).toEqual([
      [1, 'filled', ''],
      [2, 'filled', ''],
      [3, 'cancelled', 'OCO_CANCELLED'],
    ]);
  });

  it('never place the children of a parent that ends unfilled', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        const parent = ctx.buy(10, {
          kind: 'limit',
          limitPrice: 90,
          triggers: { orders: [{ side: 'sell', size: 10, kind: 'limit', limitPrice: 105 }] },
        });
        ctx.cancel(parent);
      },
    });
    expect(r.orders.map((o) => o.status)).toEqual(['cancelled']);
  });

  it('reject a parent whose contingent list is empty', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { triggers: { orders: [] } })),
    });
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_CONTINGENT' });
  });
});
