import { AlphintraError } from '@alphintra/core';
import type { StreamingIndicator } from '@alphintra/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HigherTimeframeView } from '../../kernel/higher-timeframe.js';
import type { QuoteView, StrategyContext, TradeView } from '../../strategy/strategy.js';
import { FIRST_BAR, hourlyBars } from '../../testing/scenario.js';
import { MS, tickScenario } from '../../testing/tick-scenario.js';

const at = (ms: number): number => FIRST_BAR + ms * MS;

describe('trade ticks', () => {
  it('deliver every print to onTrade and fill a market order at the next print, as taker', () => {
    const r = tickScenario({
      trades: [
        [0, 100, 5],
        [10, 101, 5],
        [20, 99, 5],
      ],
      onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(10)),
    });
    expect(r.seen).toEqual(['T 0', 'T 1', 'T 2']);
    expect(r.fills).toEqual([
      {
        id: 1,
        orderId: 1,
        instrument: 'TEST.SIM',
        side: 'buy',
        quantity: 10,
        price: 101,
        fee: 0,
        liquidity: 'taker',
        time: at(10),
        tradeId: 1,
      },
    ]);
    // 100,000 − 1,010 + 10 × 99 = 99,980.
    expect(r.summary.finalEquity).toBe(99_980);
    // One equity row per tick time, stamped with it.
    expect(Array.from(r.equity.time)).toEqual([at(0), at(10), at(20)]);
    expect(Array.from(r.equity.equity)).toEqual([100_000, 100_000, 99_980]);
  });

  it('fill an order placed on a print at the next print even when it shares the timestamp', () => {
    const r = tickScenario({
      trades: [
        [0, 100],
        [0, 100.5],
        [5, 102],
      ],
      onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(1)),
    });
    expect(r.fills[0]).toMatchObject({ price: 100.5, time: at(0) });
    expect(r.equity.time.length).toBe(2);
  });

  it('wait out the latency: an order reaches the venue at submit time + latency', () => {
    const r = tickScenario({
      trades: [
        [0, 100],
        [1, 101],
        [2, 102],
        [3, 103],
      ],
      latency: { fixed: 2 * MS },
      onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(1)),
    });
    expect(r.fills[0]).toMatchObject({ price: 102, time: at(2) });
  });

  it('fill a resting buy limit at its limit as maker when a print trades through it', () => {
    const r = tickScenario({
      trades: [
        [0, 100],
        [1, 99.5],
        [2, 98.7],
      ],
      fees: { kind: 'maker-taker', maker: -0.0001, taker: 0.0005 },
      onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(100, { kind: 'limit', limitPrice: 99 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 99, liquidity: 'maker', time: at(2) });
    // Maker rebate: −0.0001 × 9,900 = −0.99.
    expect(r.fills[0]?.fee).toBeCloseTo(-0.99, 12);
  });

  it('fill a touched limit only when touching counts', () => {
    const run = (limitFillOnTouch: boolean) =>
      tickScenario({
        trades: [
          [0, 100],
          [1, 99],
          [2, 99.2],
        ],
        limitFillOnTouch,
        onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(1, { kind: 'limit', limitPrice: 99 })),
      });
    expect(run(true).fills).toHaveLength(1);
    expect(run(false).fills).toHaveLength(0);
  });

  it('fill a sell stop at the print that gaps through it', () => {
    const r = tickScenario({
      trades: [
        [0, 100],
        [1, 100],
        [2, 99.5],
        [3, 97],
      ],
      onTrade: (ctx, t) => {
        if (t.index === 0) ctx.buy(10);
        if (t.index === 1) ctx.sell(10, { kind: 'stop', stopPrice: 98 });
      },
    });
    expect(r.fills.map((f) => [f.side, f.price, f.time])).toEqual([
      ['buy', 100, at(1)],
      ['sell', 97, at(3)],
    ]);
  });

  it('feed indicators and history with one row per print when there are no bars', () => {
    const values: number[] = [];
    let sma: StreamingIndicator | undefined;
    const r = tickScenario({
      trades: [
        [0, 10],
        [1, 20],
        [2, 30],
        [3, 40],
      ],
      setup: (ctx) => {
        sma = ctx.indicator('SMA', { timeperiod: 3 });
      },
      onTrade: (ctx) => {
        values.push((sma as StreamingIndicator).value);
        expect(ctx.value('close')).toBe(ctx.history('close').at(-1));
      },
    });
    expect(values).toEqual([Number.NaN, Number.NaN, 20, 30]);
    expect(r.summary.bars).toBe(4);
  });

  it('build higher-timeframe bars from prints, each visible once closed', () => {
    const closes: number[] = [];
    let minute: HigherTimeframeView | undefined;
    tickScenario({
      trades: [
        [0, 10, 1],
        [30_000, 12, 2],
        [59_000, 11, 1],
        [60_000, 13, 4],
        [125_000, 9, 1],
      ],
      setup: (ctx) => {
        minute = ctx.timeframe('1m');
      },
      onTrade: () => {
        const m = minute as HigherTimeframeView;
        if (m.closedNow) closes.push(m.last?.close as number);
      },
    });
    // The first minute closes when the print at 60 s arrives; the second at 125 s.
    expect(closes).toEqual([11, 13]);
  });
});

describe('quote ticks', () => {
  it('buy at the ask and sell at the bid, marking the position at the mid', () => {
    const r = tickScenario({
      quotes: [
        [0, 99.9, 100.1],
        [1, 100.0, 100.2],
        [2, 100.4, 100.6],
        [3, 100.3, 100.5],
      ],
      onQuote: (ctx, q) => {
        if (q.index === 0) ctx.buy(10);
        if (q.index === 2) ctx.sell(10);
      },
    });
    expect(r.seen).toEqual(['Q 0', 'Q 1', 'Q 2', 'Q 3']);
    expect(r.fills.map((f) => [f.side, f.price])).toEqual([
      ['buy', 100.2],
      ['sell', 100.3],
    ]);
    // After the buy at quote 1: cash 100,000 − 1,002 = 98,998; 10 units at mid 100.1 → 100,000 − 1.
    expect(r.equity.equity[1]).toBeCloseTo(99_999, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_001, 9);
  });

  it('rest a buy limit below the ask and fill it at its limit as maker when the ask comes down to it', () => {
    const r = tickScenario({
      quotes: [
        [0, 99.9, 100.1],
        [1, 99.7, 99.95],
        [2, 99.5, 99.8],
      ],
      onQuote: (ctx, q) => void (q.index === 0 && ctx.buy(5, { kind: 'limit', limitPrice: 99.8 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 99.8, liquidity: 'maker', time: at(2) });
  });

  it('take the ask with a limit that arrives marketable, and reject it if post-only', () => {
    const marketable = tickScenario({
      quotes: [
        [0, 99.9, 100.1],
        [1, 99.9, 100.1],
      ],
      onQuote: (ctx, q) => void (q.index === 0 && ctx.buy(5, { kind: 'limit', limitPrice: 100.5 })),
    });
    expect(marketable.fills[0]).toMatchObject({ price: 100.1, liquidity: 'taker' });
    const postOnly = tickScenario({
      quotes: [
        [0, 99.9, 100.1],
        [1, 99.9, 100.1],
      ],
      onQuote: (ctx, q) => void (q.index === 0 && ctx.buy(5, { kind: 'limit', limitPrice: 100.5, postOnly: true })),
    });
    expect(postOnly.fills).toHaveLength(0);
    expect(postOnly.orders[0]).toMatchObject({ status: 'rejected', reason: 'POST_ONLY_WOULD_TAKE' });
  });

  it('take no more than the displayed size per quote, filling the rest on later quotes', () => {
    const r = tickScenario({
      quotes: [
        [0, 99, 100, 500, 100],
        [1, 99, 100, 500, 100],
        [2, 99, 100.5, 500, 150],
        [3, 99, 101, 500, 400],
      ],
      onQuote: (ctx, q) => void (q.index === 0 && ctx.buy(300)),
    });
    expect(r.fills.map((f) => [f.quantity, f.price])).toEqual([
      [100, 100],
      [150, 100.5],
      [50, 101],
    ]);
    expect(r.orders[0]).toMatchObject({ status: 'filled', filledQuantity: 300 });
  });

  it('trail a sell stop behind the best bid', () => {
    const r = tickScenario({
      quotes: [
        [0, 100, 100.2],
        [1, 100, 100.2],
        [2, 103, 103.2],
        [3, 101.5, 101.7],
        [4, 100.9, 101.1],
      ],
      onQuote: (ctx, q) => {
        if (q.index === 0) ctx.buy(1);
        if (q.index === 1) ctx.sell(1, { kind: 'trailing-stop', trailAmount: 2 });
      },
    });
    // The bid peaks at 103 → stop at 101; the bid at 100.9 is through it: sold there.
    expect(r.fills[1]).toMatchObject({ side: 'sell', price: 100.9, time: at(4) });
  });
});

describe('ticks with bars', () => {
  it('deliver bars at their close and match orders on the quotes after it', () => {
    const hour = 3_600_000;
    const r = tickScenario({
      series: hourlyBars([
        [100, 101, 99, 100],
        [100, 102, 98, 101],
      ]),
      quotes: [
        [hour / 2, 99.9, 100.1],
        [hour, 100.4, 100.6],
        [hour + 5, 100.5, 100.7],
        [2 * hour + 1, 101, 101.2],
      ],
      onBar: (ctx, b) => void (b.index === 0 && ctx.buy(1)),
    });
    // Bar 0 closes at 1 h, before the quote stamped 1 h; the order fills at that quote's ask.
    expect(r.seen).toEqual(['Q 0', 'B 0', 'Q 1', 'Q 2', 'B 1', 'Q 3']);
    expect(r.fills[0]).toMatchObject({ price: 100.6, time: at(hour) });
  });

  it('deliver trades and quotes of one instrument, matching on the quotes', () => {
    const r = tickScenario({
      quotes: [
        [0, 99, 101],
        [2, 99.5, 100.5],
      ],
      trades: [
        [1, 100.8, 3],
        [3, 100.1, 2],
      ],
      onTrade: (ctx, t) => void (t.index === 0 && ctx.buy(1)),
    });
    expect(r.seen).toEqual(['Q 0', 'T 0', 'Q 1', 'T 1']);
    expect(r.fills[0]).toMatchObject({ price: 100.5, time: at(2) });
  });
});

describe('tick data checks', () => {
  it('refuse crossed quotes, times that go back and an instrument with no data', () => {
    expect(() => tickScenario({ quotes: [[0, 101, 100]] })).toThrow(/crossed: bid 101 above ask 100/);
    expect(() =>
      tickScenario({
        trades: [
          [5, 100],
          [4, 100],
        ],
      }),
    ).toThrow(/trade tick 1 of TEST.SIM has a time that is not finite or goes back/);
    expect(() => tickScenario({ trades: [[0, -1]] })).toThrow(AlphintraError);
    expect(() => tickScenario({})).toThrow(/expected bars, trade ticks or quote ticks for TEST.SIM/);
  });
});

describe('no look-ahead on ticks', () => {
  it('a run on ticks cut at any time is a prefix of the run on all of them', () => {
    let fillsSeen = 0;
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -20, max: 20 })), {
      minLength: 4,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, rows, fc.nat(), (quoteSteps, tradeSteps, cutSeed) => {
        // Random walks of quotes and trades on their own clocks (steps of 0–3 ms, so times repeat).
        const walk = (steps: [number, number][], spread: boolean): number[][] => {
          let t = 0;
          let p = 1000;
          return steps.map(([dt, dp]) => {
            t += dt;
            p = Math.max(900, p + dp);
            return spread ? [t, p / 10, (p + 2) / 10, 5, 5] : [t, (p + 1) / 10, 3];
          });
        };
        const quotes = walk(quoteSteps, true);
        const trades = walk(tradeSteps, false);
        const options = {
          quotes,
          trades,
          onTrade: (ctx: StrategyContext, t: TradeView) => {
            // Trade on the direction of the last print, with a stop on every entry.
            if (t.index % 3 === 0) ctx.targetQuantity(t.price > 100.5 ? 7 : -4);
            if (t.index % 5 === 1) ctx.sell(2, { kind: 'stop', stopPrice: t.price - 0.3 });
          },
          onQuote: (ctx: StrategyContext, q: QuoteView) => {
            if (q.index % 4 === 2) ctx.buy(3, { kind: 'limit', limitPrice: q.bid - 0.1 });
          },
        };
        const full = tickScenario(options);
        fillsSeen += full.fills.length;
        const times = [...new Set([...quotes, ...trades].map((r) => r[0] as number))].sort((a, b) => a - b);
        const cut = times[cutSeed % times.length] as number;
        const part = tickScenario({
          ...options,
          quotes: quotes.filter((r) => (r[0] as number) <= cut),
          trades: trades.filter((r) => (r[0] as number) <= cut),
        });
        const n = part.equity.time.length;
        expect(Array.from(part.equity.time)).toEqual(Array.from(full.equity.time.subarray(0, n)));
        expect(Array.from(part.equity.equity)).toEqual(Array.from(full.equity.equity.subarray(0, n)));
        expect(part.fills).toEqual(full.fills.slice(0, part.fills.length));
        expect(part.seen).toEqual(full.seen.slice(0, part.seen.length));
      }),
      { numRuns: 150 },
    );
    // The runs really trade (the prefix check compares fills, not just empty lists).
    expect(fillsSeen).toBeGreaterThan(300);
  });
});
