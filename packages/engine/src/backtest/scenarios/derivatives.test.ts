import { defineInstrument, type FutureInstrument, type PerpetualInstrument } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { DAY_MICROS, FIRST_BAR, HOUR_MICROS, hourlyBars, scenario } from '../../testing/scenario.js';

const PERP = defineInstrument<PerpetualInstrument>({
  kind: 'perpetual',
  symbol: 'BTC-PERP',
  venue: 'SIM',
  currency: 'USDT',
  baseCurrency: 'BTC',
  tickSize: 0.5,
  lotSize: 0.001,
});

const ES = defineInstrument<FutureInstrument>({
  kind: 'future',
  symbol: 'ESH4',
  venue: 'CME',
  currency: 'USD',
  underlying: 'ES',
  expiry: FIRST_BAR + 80 * DAY_MICROS,
  tickSize: 0.25,
  multiplier: 50,
});

describe('perpetual funding', () => {
  // 18 hourly bars from 00:00 at 40,000; bar 7 (07:00) closes at 41,000.
  const rows = Array.from({ length: 18 }, (_, i) =>
    i === 7 ? [40_000, 41_000, 40_000, 41_000] : [40_000, 40_000, 40_000, 40_000],
  );
  const series = hourlyBars(rows);

  it('charges a long the funding rate on its notional at each 8-hour funding time', () => {
    // Long 2 from 01:00. 08:00: −2 × 41,000 (the mark then) × 0.0001 = −8.2; 16:00: −2 × 40,000 × 0.0001 = −8.
    const r = scenario({
      series,
      instrument: PERP,
      extra: { fundingRate: 0.0001 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(2)),
    });
    expect(r.positions[0]?.carry).toBeCloseTo(-16.2, 9);
    // Margined: buying moved no cash; funding did. Equity at 08:00 (bar 8, mark 40,000) = 100,000 − 8.2.
    expect(r.equity.cash[7]).toBe(100_000);
    expect(r.equity.equity[7]).toBe(100_000 + 2 * 1_000);
    expect(r.equity.equity[8]).toBeCloseTo(100_000 - 8.2, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_000 - 16.2, 9);
  });

  it('pays a short the funding a long is charged', () => {
    const r = scenario({
      series,
      instrument: PERP,
      extra: { fundingRate: 0.0001 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(2)),
    });
    expect(r.positions[0]?.carry).toBeCloseTo(16.2, 9);
  });

  it('reads a funding rate per bar from a column', () => {
    // The rate of the bar at which funding is due: bar 8 (08:00) 0.0002, bar 16 (16:00) −0.0001.
    const fundingRate = new Float64Array(18);
    fundingRate[8] = 0.0002;
    fundingRate[16] = -0.0001;
    const r = scenario({
      series,
      instrument: PERP,
      extra: { fundingRate },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(1)),
    });
    // −1 × 41,000 × 0.0002 = −8.2; −1 × 40,000 × −0.0001 = +4.
    expect(r.positions[0]?.carry).toBeCloseTo(-4.2, 9);
  });

  it('may be shorted even when the account may not short cash instruments', () => {
    const r = scenario({
      series,
      instrument: PERP,
      allowShort: false,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(1)),
    });
    expect(r.positions[0]?.quantity).toBe(-1);
    expect(r.fills[0]?.time).toBe(FIRST_BAR + HOUR_MICROS);
  });
});

describe('futures', () => {
  const rows = [
    [4_000, 4_000, 4_000, 4_000],
    [4_000, 4_012, 3_995, 4_010],
    [4_010, 4_025, 4_005, 4_020],
    [4_020, 4_020, 4_020, 4_020],
  ];

  it('settle profit and loss in cash at the multiplier and hold only margin', () => {
    const r = scenario({
      rows,
      instrument: ES,
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(2);
        if (bar.index === 2) ctx.closePosition();
      },
    });
    // Long 2 at 4,000. Bar 1 close 4,010: open P&L 2 × 10 × 50 = 1,000 (cash untouched).
    expect(Array.from(r.equity.cash)).toEqual([100_000, 100_000, 100_000, 102_000]);
    expect(Array.from(r.equity.equity)).toEqual([100_000, 101_000, 102_000, 102_000]);
    // Closed at bar 3's open, 4,020: 2 × 20 × 50 = 2,000 realised.
    expect(r.positions[0]?.realizedPnl).toBe(2_000);
    expect(r.trades[0]).toMatchObject({ entryPrice: 4_000, exitPrice: 4_020, pnl: 2_000 });
    // Net exposure at bar 1: 2 × 4,010 × 50 / 101,000.
    expect(r.equity.netExposure[1]).toBeCloseTo(401_000 / 101_000, 12);
  });

  it('refuse an order whose initial margin exceeds equity', () => {
    // 10 % margin: 6 × 4,000 × 50 × 0.1 = 120,000 > 100,000; 5 contracts need exactly 100,000.
    const big = scenario({ rows, instrument: ES, onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(6)) });
    expect(big.orders[0]).toMatchObject({ status: 'rejected', reason: 'INSUFFICIENT_BUYING_POWER' });
    const fits = scenario({ rows, instrument: ES, onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(5)) });
    expect(fits.orders[0]?.status).toBe('filled');
  });

  it('use the margin rate given with the data', () => {
    // 5 % margin: 10 × 4,000 × 50 × 0.05 = 100,000 fits.
    const r = scenario({
      rows,
      instrument: ES,
      extra: { marginRate: 0.05 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)),
    });
    expect(r.orders[0]?.status).toBe('filled');
  });

  it('charge percent fees on the notional including the multiplier', () => {
    // 2 × 4,000 × 50 = 400,000 × 0.0001 = 40.
    const r = scenario({
      rows,
      instrument: ES,
      fees: { kind: 'percent', rate: 0.0001 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(2)),
    });
    expect(r.fills[0]?.fee).toBeCloseTo(40, 9);
    expect(r.equity.cash[1]).toBeCloseTo(100_000 - 40, 9);
  });
});
