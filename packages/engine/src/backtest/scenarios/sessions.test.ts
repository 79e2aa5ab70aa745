import { describe, expect, it } from 'vitest';
import type { MarketSession } from '../../strategy/strategy.js';
import { barsAt, FIRST_BAR, scenario } from '../../testing/scenario.js';
import { tickScenario } from '../../testing/tick-scenario.js';

/** UTC µs of a civil time. */
const t = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min) * 1000;
const FLAT = [100, 100, 100, 100];
const US = { extra: { session: 'us-equity' } } as const;

/** A copy of the fields of a session view (the view itself is reused). */
const snapshot = (s: MarketSession) => ({ ...s });

describe('DAY orders on intraday bars', () => {
  it('expire at the 16:00 New York close, and one placed after the close is for the next session', () => {
    // 2024-01-02 (EST): bars 15:00 and 15:30 New York, then 09:30 on January 3.
    const r = scenario({
      ...US,
      series: barsAt([
        [t(2024, 1, 2, 20), ...FLAT],
        [t(2024, 1, 2, 20, 30), 100, 101, 96, 100],
        [t(2024, 1, 3, 14, 30), 100, 101, 90, 95],
      ]),
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'day' });
        // 16:00: the market has closed, so this DAY order is for January 3.
        if (bar.index === 1) ctx.buy(5, { kind: 'limit', limitPrice: 95, timeInForce: 'day' });
      },
    });
    expect(r.orders[0]).toMatchObject({ status: 'expired', reason: 'DAY_EXPIRED', updateTime: t(2024, 1, 2, 21) });
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([[2, 95, t(2024, 1, 3, 14, 30)]]);
  });

  it('on an early close expire at 13:00, and skip a holiday', () => {
    // 2024-07-03 closes at 13:00 EDT (17:00 UTC); July 4 is a holiday; July 5 opens 13:30 UTC.
    const sessions: MarketSession[] = [];
    const r = scenario({
      ...US,
      series: barsAt([
        [t(2024, 7, 3, 16), ...FLAT],
        [t(2024, 7, 3, 16, 30), 100, 101, 99, 100.5],
        [t(2024, 7, 3, 17), ...FLAT],
        [t(2024, 7, 4, 14), 100, 100, 90, 92],
        [t(2024, 7, 5, 13, 30), 100, 100, 94, 96],
      ]),
      onBar: (ctx, bar) => {
        sessions.push(snapshot(ctx.session()));
        if (bar.index === 0) {
          ctx.buy(10, { kind: 'market-on-close' });
          ctx.buy(1, { kind: 'limit', limitPrice: 90, timeInForce: 'day' });
        }
        if (bar.index === 2) ctx.buy(5, { kind: 'limit', limitPrice: 95, timeInForce: 'day' });
      },
    });
    // The market-on-close fills at the close of the 12:30 bar, the session's last.
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [1, 100.5, t(2024, 7, 3, 17)],
      [3, 95, t(2024, 7, 5, 13, 30)],
    ]);
    expect(r.orders[1]).toMatchObject({ status: 'expired', reason: 'DAY_EXPIRED', updateTime: t(2024, 7, 3, 17) });
    expect(sessions[0]).toEqual({
      instrument: 'TEST.SIM',
      calendar: 'us-equity',
      isOpen: true,
      open: t(2024, 7, 3, 13, 30),
      close: t(2024, 7, 3, 17),
      nextOpen: t(2024, 7, 5, 13, 30),
      nextClose: t(2024, 7, 3, 17),
      earlyClose: true,
      tradingDay: '2024-07-03',
    });
    // Seen at 17:30 UTC (bar 2's close): closed until July 5.
    expect(sessions[2]).toMatchObject({ isOpen: false, nextOpen: t(2024, 7, 5, 13, 30), tradingDay: '2024-07-05' });
  });
});

describe('session opens across a daylight-saving change', () => {
  it('fill market-on-open and a market order placed after Friday close at the 09:30 EDT bar on Monday', () => {
    // Friday 2024-03-08 closes 16:00 EST (21:00 UTC); Monday 2024-03-11 opens 09:30 EDT (13:30 UTC).
    const sessions: MarketSession[] = [];
    const r = scenario({
      ...US,
      series: barsAt([
        [t(2024, 3, 8, 20, 30), ...FLAT],
        [t(2024, 3, 8, 21), 101, 101, 101, 101],
        [t(2024, 3, 11, 13), 102, 102, 102, 102],
        [t(2024, 3, 11, 13, 30), 103, 104, 102, 103],
        [t(2024, 3, 11, 14), 104, 104, 104, 104],
      ]),
      onBar: (ctx, bar) => {
        sessions.push(snapshot(ctx.session()));
        if (bar.index !== 0) return;
        ctx.buy(10, { kind: 'market-on-open' });
        ctx.buy(5);
      },
    });
    // The post-market (101) and pre-market (102) bars do not fill regular-session orders.
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [1, 103, t(2024, 3, 11, 13, 30)],
      [2, 103, t(2024, 3, 11, 13, 30)],
    ]);
    expect(sessions[1]).toMatchObject({
      isOpen: false,
      nextOpen: t(2024, 3, 11, 13, 30),
      nextClose: t(2024, 3, 11, 20),
      tradingDay: '2024-03-11',
      earlyClose: false,
    });
    // 09:30 EDT exactly (the close of the 09:00 bar): the open is inclusive.
    expect(sessions[2]).toMatchObject({ isOpen: true, open: t(2024, 3, 11, 13, 30) });
    expect(sessions[3]).toMatchObject({ isOpen: true, close: t(2024, 3, 11, 20), nextOpen: t(2024, 3, 12, 13, 30) });
  });
});

describe('bars outside the session', () => {
  // 15:30 New York, 16:00 (post-market, low 90), then 09:30 the next day (low 94).
  const rows = [
    [t(2024, 1, 2, 20, 30), ...FLAT],
    [t(2024, 1, 2, 21), 100, 100.5, 90, 92],
    [t(2024, 1, 3, 14, 30), 100, 100.5, 94, 96],
  ];
  const series = barsAt(rows);

  it('fill only extended-hours orders', () => {
    const r = scenario({
      ...US,
      series,
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(10, { kind: 'limit', limitPrice: 95 });
        ctx.buy(5, { kind: 'limit', limitPrice: 95, extendedHours: true });
        ctx.buy(3, { timeInForce: 'ioc' });
      },
    });
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [2, 95, t(2024, 1, 2, 21)],
      [3, 100, t(2024, 1, 3, 14, 30)],
      [1, 95, t(2024, 1, 3, 14, 30)],
    ]);
  });

  it('reject orders reaching a closed market with MARKET_CLOSED when configured, except those meant for later', () => {
    const r = scenario({
      ...US,
      series: barsAt([[t(2024, 1, 2, 20), ...FLAT], ...rows]),
      whenClosed: 'reject',
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(1); // 15:30: open
        if (bar.index !== 1) return; // 16:00: closed
        ctx.buy(2);
        ctx.buy(3, { kind: 'market-on-open' });
        ctx.buy(4, { kind: 'limit', limitPrice: 95, extendedHours: true });
      },
    });
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['filled', ''],
      ['rejected', 'MARKET_CLOSED'],
      ['filled', ''],
      ['filled', ''],
    ]);
  });

  it('refuse extended hours on market-on-open and market-on-close orders', () => {
    const r = scenario({
      ...US,
      series,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(1, { kind: 'market-on-open', extendedHours: true })),
    });
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_EXTENDED_HOURS' });
  });
});

describe('market-on-close without a bar reaching the close', () => {
  it("fills at the close of the session's last bar, or waits for the next session when it arrived too late", () => {
    // 14:30 and 15:00 New York, no bar after 15:30, then 09:30 the next day.
    const r = scenario({
      ...US,
      series: barsAt([
        [t(2024, 1, 2, 19, 30), ...FLAT],
        [t(2024, 1, 2, 20), 100, 102, 99, 101],
        [t(2024, 1, 3, 14, 30), 104, 104, 104, 104],
      ]),
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10, { kind: 'market-on-close' });
        if (bar.index === 1) ctx.buy(5, { kind: 'market-on-close' });
      },
    });
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([[1, 101, t(2024, 1, 2, 20, 30)]]);
    expect(r.orders[1]?.status).toBe('accepted');
  });
});

describe('the fx-24x5 calendar', () => {
  it('keeps orders placed after the Friday close for the Sunday 17:00 open, past weekend bars', () => {
    const r = scenario({
      extra: { session: 'fx-24x5' },
      series: barsAt([
        [t(2024, 1, 12, 21), ...FLAT],
        [t(2024, 1, 13, 12), 101, 101, 101, 101],
        [t(2024, 1, 14, 22), 102, 102, 102, 102],
      ]),
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(1)),
    });
    expect(r.fills.map((f) => [f.price, f.time])).toEqual([[102, t(2024, 1, 14, 22)]]);
  });
});

describe('sessions on daily bars', () => {
  it('treat each bar as a session, whatever the calendar', () => {
    const sessions: MarketSession[] = [];
    const r = scenario({
      ...US,
      whenClosed: 'reject',
      rows: [FLAT, [100, 101, 96, 99], [100, 101, 94, 95]],
      onBar: (ctx, bar) => {
        sessions.push(snapshot(ctx.session()));
        if (bar.index !== 0) return;
        ctx.buy(10, { kind: 'limit', limitPrice: 95, timeInForce: 'day' });
        ctx.buy(1, { kind: 'market-on-open' });
        ctx.buy(2, { kind: 'market-on-close' });
      },
    });
    // The DAY limit lives for bar 1 only; MOO fills at bar 1's open, MOC at its close.
    expect(r.orders.map((o) => [o.status, o.averagePrice])).toEqual([
      ['expired', null],
      ['filled', 100],
      ['filled', 99],
    ]);
    // Bar 0 (2024-01-01, a holiday) is seen at its nominal close, midnight UTC: 19:00 New York.
    expect(sessions[0]).toMatchObject({ isOpen: false, nextOpen: t(2024, 1, 2, 14, 30), tradingDay: '2024-01-02' });
    expect(r.equity.time[0]).toBe(FIRST_BAR);
  });
});

describe('sessions on ticks', () => {
  /** Milliseconds from 2024-01-01 00:00 UTC to `h:min` UTC on Tuesday 2024-01-02 (EST, UTC−5). */
  const jan2 = (h: number, min = 0): number => ((24 + h) * 60 + min) * 60_000;

  it('fill regular orders from the first tick at 09:30 and expire DAY orders at the first tick after 16:00', () => {
    const r = tickScenario({
      session: 'us-equity',
      trades: [
        [jan2(14), 100], // 09:00 New York, pre-market
        [jan2(14, 20), 99],
        [jan2(14, 30), 101], // 09:30: the session's first tick
        [jan2(20, 59), 102],
        [jan2(21, 5), 94], // 16:05, after the close
      ],
      onTrade: (ctx, tick) => {
        if (tick.index !== 0) return;
        ctx.buy(1);
        ctx.buy(2, { kind: 'market-on-open' });
        ctx.buy(3, { kind: 'limit', limitPrice: 95, timeInForce: 'day' });
      },
    });
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [1, 101, t(2024, 1, 2, 14, 30)],
      [2, 101, t(2024, 1, 2, 14, 30)],
    ]);
    expect(r.orders[2]).toMatchObject({ status: 'expired', reason: 'DAY_EXPIRED', updateTime: t(2024, 1, 2, 21, 5) });
  });

  it("fill market-on-close at the session's last tick once a later tick shows the session ended", () => {
    const r = tickScenario({
      session: 'us-equity',
      trades: [
        [jan2(15), 100],
        [jan2(20, 59), 102],
        [jan2(21, 30), 90],
      ],
      onTrade: (ctx, tick) => void (tick.index === 0 && ctx.sell(1, { kind: 'market-on-close' })),
    });
    expect(r.fills.map((f) => [f.price, f.time])).toEqual([[102, t(2024, 1, 2, 20, 59)]]);
  });
});
