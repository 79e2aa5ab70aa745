import { describe, expect, it } from 'vitest';
import { DAY_MICROS, FIRST_BAR, HOUR_MICROS, hourlyBars, scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100, 1_000];

describe('time in force', () => {
  it('expires a DAY order after the one session following its submission', () => {
    // Bar 1 stays above 95; bar 2 would fill it (low 94) but the order's day is over.
    const r = scenario({
      rows: [FLAT, [100, 101, 96, 100], [100, 101, 94, 95]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'day' })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({
      status: 'expired',
      reason: 'DAY_EXPIRED',
      updateTime: FIRST_BAR + 2 * DAY_MICROS,
    });
    expect(r.updates.map((u) => u.status)).toEqual(['accepted', 'expired']);
  });

  it('fills a DAY order during its session', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 94, 100]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'day' })),
    });
    expect(r.fills[0]?.price).toBe(95);
  });

  it('expires a DAY order on intraday bars at the first bar of the next day', () => {
    // Bars 20:00–23:00 of 2024-01-01, then 00:00 (low 90) and 01:00 of 2024-01-02.
    const start = FIRST_BAR + 20 * HOUR_MICROS;
    const r = scenario({
      series: hourlyBars([FLAT, FLAT, FLAT, FLAT, [100, 100, 90, 95], FLAT], start),
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'day' })),
    });
    // Submitted at 21:00 on day 1; the 00:00 bar of day 2 expires it before it can fill at 95.
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'expired', reason: 'DAY_EXPIRED', updateTime: FIRST_BAR + DAY_MICROS });
  });

  it('expires a GTD order at the first bar at or after its expiry time', () => {
    // Expiry = bar 2's open time: it may fill on bar 1, not on bar 2.
    const expireTime = FIRST_BAR + 2 * DAY_MICROS;
    const r = scenario({
      rows: [FLAT, [100, 101, 96, 100], [100, 101, 90, 95]],
      onBar: (ctx, bar) =>
        void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'gtd', expireTime })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'expired', reason: 'GTD_EXPIRED', updateTime: expireTime });
  });

  it('keeps a GTD order working until its expiry', () => {
    const expireTime = FIRST_BAR + 2 * DAY_MICROS + 1;
    const r = scenario({
      rows: [FLAT, [100, 101, 96, 100], [100, 101, 90, 95]],
      onBar: (ctx, bar) =>
        void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'gtd', expireTime })),
    });
    expect(r.fills[0]?.price).toBe(95);
  });

  it('rejects a GTD order without an expiry', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'gtd' })),
    });
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_EXPIRY' });
  });

  it('fills what an IOC order can at the open and cancels the rest', () => {
    // Volume 1,000 × limit 0.1 = 100 units fillable in bar 1.
    const r = scenario({
      rows: [FLAT, [101, 102, 100, 101, 1_000], [101, 102, 100, 101, 1_000]],
      volumeLimit: 0.1,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(150, { timeInForce: 'ioc' })),
    });
    expect(r.fills.map((f) => [f.quantity, f.price])).toEqual([[100, 101]]);
    expect(r.orders[0]).toMatchObject({ status: 'cancelled', reason: 'IOC_UNFILLED', filledQuantity: 100 });
    expect(r.updates.map((u) => u.status)).toEqual(['accepted', 'partially-filled', 'cancelled']);
  });

  it('cancels an IOC limit the open does not reach, even if the bar later trades through it', () => {
    const r = scenario({
      rows: [FLAT, [101, 102, 95, 101]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98, timeInForce: 'ioc' })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'cancelled', reason: 'IOC_UNFILLED' });
  });

  it('cancels a FOK order the volume limit cannot fill whole, and fills one it can', () => {
    const rows = [FLAT, [101, 102, 100, 101, 1_000]];
    const big = scenario({
      rows,
      volumeLimit: 0.1,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(150, { timeInForce: 'fok' })),
    });
    expect(big.fills).toHaveLength(0);
    expect(big.orders[0]).toMatchObject({ status: 'cancelled', reason: 'FOK_UNFILLED', filledQuantity: 0 });
    const small = scenario({
      rows,
      volumeLimit: 0.1,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(100, { timeInForce: 'fok' })),
    });
    expect(small.fills.map((f) => f.quantity)).toEqual([100]);
    expect(small.orders[0]?.status).toBe('filled');
  });

  it('rejects IOC and FOK on stops', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(1, { kind: 'stop', stopPrice: 105, timeInForce: 'ioc' });
        ctx.buy(1, { kind: 'stop', stopPrice: 105, timeInForce: 'fok' });
      },
    });
    expect(r.orders.map((o) => o.reason)).toEqual(['INVALID_TIME_IN_FORCE', 'INVALID_TIME_IN_FORCE']);
  });
});

describe('session orders on intraday bars', () => {
  // Hourly bars 21:00, 22:00, 23:00 of 2024-01-01, then 00:00 and 01:00 of 2024-01-02.
  const start = FIRST_BAR + 21 * HOUR_MICROS;
  const series = hourlyBars(
    [
      [100, 101, 99, 100],
      [101, 102, 100, 101],
      [102, 103, 101, 102],
      [104, 105, 103, 104],
      [105, 106, 104, 105],
    ],
    start,
  );

  it('fills market-on-close at the last close of the session and market-on-open at the next session open', () => {
    const r = scenario({
      series,
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(10, { kind: 'market-on-close' });
        ctx.buy(5, { kind: 'market-on-open' });
      },
    });
    // MOC: the 23:00 bar's close (102) at midnight; MOO: the 00:00 bar's open (104).
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [1, 102, FIRST_BAR + DAY_MICROS],
      [2, 104, FIRST_BAR + DAY_MICROS],
    ]);
  });
});
