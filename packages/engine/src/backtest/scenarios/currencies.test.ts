import { defineInstrument, type FutureInstrument } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { dailyBars, fxPair, stockIn } from '../../testing/fixtures.js';
import { DAY_MICROS, FIRST_BAR, scenario, scenarioMany } from '../../testing/scenario.js';

// Instruments in a currency other than the account's: a stock, FX spot, a future, their fees
// and carry. (Missing, inverse and cross rates are in currency-rates.test.ts.)
// Every number below is worked out by hand in the comments. Daily bars open at midnight UTC
// and close 24 hours later; a rate series point stamped day d is known from day d 00:00 on.
// A market order placed on bar d fills at bar d + 1's open (day d + 1 00:00); the equity row
// of bar d is taken at its close (day d + 1 00:00).

const SAP = stockIn('EUR', 'SAP');
const EURUSD = fxPair('EUR', 'USD');

/** A rate series with one point per day from the first bar's day. */
function daily(...rates: number[]): { time: Float64Array; rate: Float64Array } {
  return {
    time: Float64Array.from(rates, (_, i) => FIRST_BAR + i * DAY_MICROS),
    rate: Float64Array.from(rates),
  };
}

const flat = (p: number): number[] => [p, p, p, p];

/** Asserts every value of an equity-curve column to 9 decimals. */
function expectColumn(column: Float64Array, expected: readonly number[]): void {
  expect(column.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(column[i]).toBeCloseTo(expected[i] as number, 9);
}
const SAP_ROWS = [flat(50), [50, 52, 49, 52], [52, 55, 52, 55], flat(55)];

describe('a EUR stock in a USD account', () => {
  it('borrows the euros it pays with, so only its profit carries the EUR/USD move', () => {
    // Buy 100 at bar 1's open, 50 EUR, at the rate known then (day 1: 1.12): EUR −5,000.
    // Equity = 100,000 USD + (−5,000 EUR + 100 × close) × rate at the close:
    //   bar 1: (−5,000 + 5,200) × 1.15 = 230; bar 2: 500 × 1.20 = 600; bar 3: 500 × 1.25 = 625.
    // The P&L of 625 splits into the price effect, 500 EUR at the buying rate 1.12 = 560,
    // and the FX effect, 500 EUR × (1.25 − 1.12) = 65.
    let rateAtFill = Number.NaN;
    const r = scenario({
      rows: SAP_ROWS,
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': daily(1.1, 1.12, 1.15, 1.2, 1.25) },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(100)),
      onFill: (ctx) => {
        rateAtFill = ctx.rate('EUR');
      },
    });
    expect(rateAtFill).toBe(1.12);
    expect(r.fills[0]).toMatchObject({ price: 50, quantity: 100 });
    expectColumn(r.equity.equity, [100_000, 100_230, 100_600, 100_625]);
    expectColumn(r.equity.cash, [100_000, 100_000 - 5_000 * 1.15, 100_000 - 5_000 * 1.2, 100_000 - 5_000 * 1.25]);
    const priceEffect = 500 * 1.12;
    const fxEffect = 500 * (1.25 - 1.12);
    expect(r.summary.finalEquity - 100_000).toBeCloseTo(priceEffect + fxEffect, 9);
    expect(r.balances).toEqual([
      { currency: 'USD', amount: 100_000, rate: 1, value: 100_000 },
      { currency: 'EUR', amount: -5_000, rate: 1.25, value: -6_250 },
    ]);
    expect(r.positions[0]).toMatchObject({ currency: 'EUR', quantity: 100, lastPrice: 55 });
    expect(r.equity.netExposure[3]).toBeCloseTo((5_500 * 1.25) / 100_625, 12);
  });

  it('gains the EUR/USD move on its whole value when bought with euros exchanged first', () => {
    // Bar 1's open: buy 5,000 EUR/USD at 1.10 (USD −5,500, EUR +5,000), then 100 SAP at 50 EUR
    // (EUR back to 0). The euro's rate during that matching is EUR/USD's last close seen,
    // bar 0's 1.10 — not bar 1's close, which has not happened yet.
    // Equity = 94,500 + 100 × close × EUR/USD close: 5,200 × 1.12 = 5,824 → 100,324;
    // 5,500 × 1.15 = 6,325 → 100,825; 5,500 × 1.20 = 6,600 → 101,100.
    // P&L 1,100 = price effect 100 × (55 − 50) × 1.10 = 550 + FX effect 100 × 55 × (1.20 − 1.10) = 550.
    const seen: Record<string, number> = {};
    const r = scenarioMany({
      data: [
        {
          instrument: EURUSD,
          series: dailyBars([flat(1.1), [1.1, 1.13, 1.09, 1.12], [1.12, 1.16, 1.11, 1.15], [1.15, 1.21, 1.15, 1.2]]),
        },
        { instrument: SAP, series: dailyBars(SAP_ROWS) },
      ],
      currency: 'USD',
      onSlice: (ctx) => {
        if (ctx.barCount(SAP.id) !== 1) return;
        ctx.buy(5_000, { instrument: EURUSD.id });
        ctx.buy(100, { instrument: SAP.id });
      },
      onFill: (ctx, fill) => {
        if (fill.instrument !== SAP.id) return;
        seen.rate = ctx.rate('EUR');
        seen.eur = ctx.balance('EUR');
        seen.usd = ctx.balance();
      },
    });
    expect(seen).toEqual({ rate: 1.1, eur: 0, usd: 94_500 });
    expectColumn(r.equity.equity, [100_000, 100_324, 100_825, 101_100]);
    expect(r.summary.finalEquity - 100_000).toBeCloseTo(100 * 5 * 1.1 + 100 * 55 * 0.1, 9);
    expect(r.balances.map((b) => [b.currency, b.amount])).toEqual([
      ['USD', 94_500],
      ['EUR', 0],
    ]);
    // The EUR/USD position stays open (5,000 at 1.20) beside SAP (5,500 EUR at 1.20).
    expect(r.equity.grossExposure[3]).toBeCloseTo((6_000 + 6_600) / 101_100, 12);
  });
});

describe('FX spot', () => {
  const rows = [flat(1.1), [1.1, 1.12, 1.09, 1.11], flat(1.12), flat(1.12)];

  it('exchanges one currency for the other and back, paying fees in the quote currency', () => {
    // Buy 10,000 EUR at 1.10 with a 1 bp fee: 11,000 × 0.0001 = 1.10 USD. USD 88,998.90, EUR 10,000.
    // Bar 1 closes at 1.11: equity 88,998.90 + 11,100 = 100,098.90.
    // Sell at 1.12, fee 1.12: USD 88,998.90 + 11,200 − 1.12 = 100,197.78, EUR 0.
    const during: number[] = [];
    const r = scenario({
      rows,
      instrument: EURUSD,
      fees: { kind: 'percent', rate: 0.0001 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10_000);
        if (bar.index === 1) {
          during.push(ctx.balance('EUR'), ctx.balance('USD'), ctx.cash);
          ctx.closePosition();
        }
      },
    });
    expect(r.manifest.currencies.account).toBe('USD');
    expect(during[0]).toBe(10_000);
    expect(during[1]).toBeCloseTo(88_998.9, 9);
    expect(during[2]).toBeCloseTo(88_998.9 + 11_100, 9); // the euros count as cash
    expect(r.fills.map((f) => f.fee)).toEqual([10_000 * 1.1 * 0.0001, 10_000 * 1.12 * 0.0001]);
    expect(r.equity.equity[1]).toBeCloseTo(100_098.9, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_197.78, 9);
    expect(r.balances.map((b) => [b.currency, b.amount])).toEqual([
      ['USD', r.summary.finalEquity],
      ['EUR', 0],
    ]);
    expect(r.trades[0]?.pnl).toBeCloseTo(200 - 2.22, 9);
    expect(r.positions[0]).toMatchObject({ quantity: 0, realizedPnl: expect.closeTo(200, 9) });
  });

  it('values a pair of two foreign currencies through a cross to the account currency', () => {
    // EUR/GBP in a USD account, GBP/USD a constant 1.25; the euro's rate crosses through GBP.
    // Buy 10,000 at 0.85: GBP −8,500, EUR +10,000. Bar 1 close 0.86: equity =
    // 100,000 − 8,500 × 1.25 + 10,000 × 0.86 × 1.25 = 100,125. Sold at 0.87: GBP +200 = 250 USD.
    const EURGBP = fxPair('EUR', 'GBP');
    const r = scenario({
      rows: [flat(0.85), [0.85, 0.86, 0.85, 0.86], flat(0.87), flat(0.87)],
      instrument: EURGBP,
      currency: 'USD',
      fxRates: { 'GBP/USD': 1.25 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10_000);
        if (bar.index === 1) ctx.closePosition();
      },
    });
    expect(r.equity.equity[1]).toBeCloseTo(100_125, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_250, 9);
    expect(r.trades[0]?.pnl).toBeCloseTo(250, 9); // 200 GBP at the exit's 1.25
    expect(r.manifest.currencies.rates).toEqual([
      { currency: 'GBP', steps: [{ pair: 'GBP/USD', inverse: false, source: 'constant' }] },
      {
        currency: 'EUR',
        steps: [
          { pair: 'EUR/GBP', inverse: false, source: 'instrument', instrument: 'EURGBP.FX' },
          { pair: 'GBP/USD', inverse: false, source: 'constant' },
        ],
      },
    ]);
  });
});

describe('a margined future in JPY', () => {
  const NK = defineInstrument<FutureInstrument>({
    kind: 'future',
    symbol: 'NKM4',
    venue: 'OSE',
    currency: 'JPY',
    underlying: 'NK225',
    expiry: FIRST_BAR + 80 * DAY_MICROS,
    tickSize: 5,
    multiplier: 1_000,
  });
  const rows = [flat(38_000), [38_000, 38_300, 37_900, 38_200], [38_200, 38_600, 38_100, 38_500], flat(38_500)];
  // USD/JPY: the yen is the pair's quote, so its rate is the inverse, 1 / (USD/JPY).
  const fxRates = { 'USD/JPY': daily(150, 150, 160, 125, 125) };

  it('keeps open P&L in yen, converted at each close, and books the realised yen at the exit', () => {
    // Long 2 from 38,000 (day 1). Bar 1: 2 × 200 × 1,000 = 400,000 JPY / 160 = 2,500 USD.
    // Bar 2: 1,000,000 JPY / 125 = 8,000. Closed at bar 3's open, 38,500: +1,000,000 JPY cash.
    const r = scenario({
      rows,
      instrument: NK,
      currency: 'USD',
      fxRates,
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(2);
        if (bar.index === 2) ctx.closePosition();
      },
    });
    expect(Array.from(r.equity.equity)).toEqual([100_000, 102_500, 108_000, 108_000]);
    expect(Array.from(r.equity.cash)).toEqual([100_000, 100_000, 100_000, 108_000]);
    expect(r.equity.netExposure[1]).toBeCloseTo((2 * 38_200 * 1_000) / 160 / 102_500, 12);
    expect(r.balances.map((b) => [b.currency, b.amount, b.value])).toEqual([
      ['USD', 100_000, 100_000],
      ['JPY', 1_000_000, 8_000],
    ]);
    expect(r.trades[0]?.pnl).toBe(8_000);
    expect(r.positions[0]).toMatchObject({ currency: 'JPY', realizedPnl: 1_000_000 });
    expect(r.manifest.currencies.rates).toEqual([
      { currency: 'JPY', steps: [{ pair: 'USD/JPY', inverse: true, source: 'series' }] },
    ]);
  });

  it('holds initial margin in the account currency', () => {
    // 10 % of 4 × 38,000 × 1,000 = 15,200,000 JPY / 150 = 101,333 USD > 100,000; 3 need 76,000.
    const four = scenario({ rows, instrument: NK, fxRates, onBar: (ctx, b) => void (b.index === 0 && ctx.buy(4)) });
    expect(four.manifest.currencies.account).toBe('JPY'); // no currency given: the instrument's
    const usd = { rows, instrument: NK, currency: 'USD', fxRates };
    expect(scenario({ ...usd, onBar: (ctx, b) => void (b.index === 0 && ctx.buy(4)) }).orders[0]).toMatchObject({
      status: 'rejected',
      reason: 'INSUFFICIENT_BUYING_POWER',
    });
    expect(scenario({ ...usd, onBar: (ctx, b) => void (b.index === 0 && ctx.buy(3)) }).orders[0]?.status).toBe(
      'filled',
    );
  });
});

describe('fees and carry in the instrument currency', () => {
  it('charges fees in the quote currency, totals them at each fill rate and converts a trade at its exit', () => {
    // Per share 0.01 EUR, minimum 1 EUR: 1 EUR a fill. Buy 50 at 100 (rate 1.1), sell at 110 (rate 1.2).
    // EUR: −5,000 − 1 + 5,500 − 1 = 498. Summary fees 1 × 1.1 + 1 × 1.2 = 2.3 USD. The trade:
    // (500 − 2) EUR at the exit's 1.2 = 597.6 USD, its fees 2.4.
    const r = scenario({
      rows: [flat(100), flat(100), flat(110), flat(110)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': daily(1, 1.1, 1.2) },
      fees: { kind: 'per-share', perShare: 0.01, minimum: 1 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(50);
        if (bar.index === 1) ctx.sell(50);
      },
    });
    expect(r.fills.map((f) => f.fee)).toEqual([1, 1]);
    expect(r.summary.fees).toBeCloseTo(2.3, 12);
    expect(r.positions[0]?.fees).toBe(2);
    expect(r.balances[1]).toMatchObject({ currency: 'EUR', amount: 498 });
    expect(r.trades[0]?.pnl).toBeCloseTo(597.6, 9);
    expect(r.trades[0]?.fees).toBeCloseTo(2.4, 12);
    expect(r.summary.finalEquity).toBeCloseTo(100_000 + 498 * 1.2, 9);
  });

  it('pays a dividend into the balance of the instrument currency', () => {
    // 100 shares × 2 EUR = 200 EUR on bar 2; at 1.1 it is worth 220 USD.
    const r = scenario({
      rows: [flat(50), flat(50), flat(50), flat(50)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': 1.1 },
      corporateActions: [{ kind: 'dividend', instrument: SAP.id, time: FIRST_BAR + 2 * DAY_MICROS, amount: 2 }],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(100)),
    });
    expect(r.positions[0]?.carry).toBe(200);
    expect(r.balances[1]).toMatchObject({ currency: 'EUR', amount: -5_000 + 200 });
    expect(r.summary.finalEquity).toBeCloseTo(100_000 + 220, 9);
  });

  it('charges borrow on a short in the instrument currency', () => {
    // Short 100 at 50 from day 1 to day 3: 2 days × 5,000 × 5 % / 365.25 EUR, at 1.1 in USD.
    const r = scenario({
      rows: [flat(50), flat(50), flat(50), flat(50)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': 1.1 },
      borrowRate: 0.05,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(100)),
    });
    const carry = -(2 * 5_000 * 0.05) / 365.25;
    expect(r.positions[0]?.carry).toBeCloseTo(carry, 12);
    expect(r.balances[1]?.amount).toBeCloseTo(5_000 + carry, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_000 + carry * 1.1, 9);
  });
});
