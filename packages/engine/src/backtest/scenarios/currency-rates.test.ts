import { AlphintraError } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { dailyBars, fxPair, stockIn } from '../../testing/fixtures.js';
import { DAY_MICROS, FIRST_BAR, scenario, scenarioMany } from '../../testing/scenario.js';

// Rates in a multi-currency account: missing ones, inverse and cross ones, and the account
// currency in risk checks, sizing and the strategy API. (Instruments in foreign currencies are
// in currencies.test.ts.) Daily bars open at midnight UTC and close 24 hours later; a market
// order placed on bar d fills at bar d + 1's open.

const SAP = stockIn('EUR', 'SAP');
const EURUSD = fxPair('EUR', 'USD');

const flat = (p: number): number[] => [p, p, p, p];

describe('rates that are missing', () => {
  it('refuses to start when a currency has no way into the account currency', () => {
    let created = false;
    const run = () =>
      scenario({
        rows: [flat(50)],
        instrument: SAP,
        currency: 'USD',
        fxRates: { 'GBP/USD': 1.25 },
        onBar: () => {
          created = true;
        },
      });
    expect(run).toThrowError(
      new AlphintraError(
        'FX_RATE_MISSING',
        "no rate converts EUR into the account currency USD: add an FX instrument EUR/USD or USD/EUR, or give fxRates['EUR/USD'] (fxRates has GBP/USD)",
      ),
    );
    expect(created).toBe(false);
  });

  it('denies an order while its rate is not known yet, with a stable code', () => {
    // The series starts on day 2. The order placed at bar 0's close (day 1) is denied; the one
    // placed at bar 1's close (day 2) goes through and fills at bar 2's open.
    const r = scenario({
      rows: [flat(50), flat(50), flat(50), flat(50)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': { time: Float64Array.of(FIRST_BAR + 2 * DAY_MICROS), rate: Float64Array.of(1.1) } },
      onBar: (ctx, bar) => void (bar.index <= 1 && ctx.buy(10)),
    });
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['denied', 'FX_RATE_UNAVAILABLE'],
      ['filled', ''],
    ]);
    expect(r.equity.equity[0]).toBe(100_000);
  });

  it('waits for the first bar of the FX instrument that gives the rate', () => {
    const r = scenarioMany({
      data: [
        { instrument: SAP, series: dailyBars([flat(50), flat(50), flat(50)]) },
        { instrument: EURUSD, series: dailyBars([flat(1.1), flat(1.1)], FIRST_BAR + DAY_MICROS) },
      ],
      currency: 'USD',
      // Day 0: no EUR/USD bar yet, so no rate; day 1: its first close is known.
      onSlice: (ctx) => void (ctx.barCount(SAP.id) <= 2 && ctx.buy(10, { instrument: SAP.id })),
    });
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['denied', 'FX_RATE_UNAVAILABLE'],
      ['filled', ''],
    ]);
  });
});

describe('an FX pair before its first bar', () => {
  it('takes no order, since the currency it buys cannot be valued yet', () => {
    // EUR/USD gives the euro its rate; its bars start a day after SAP's.
    const r = scenarioMany({
      data: [
        { instrument: SAP, series: dailyBars([flat(50), flat(50), flat(50)]) },
        { instrument: EURUSD, series: dailyBars([flat(1.1), flat(1.1)], FIRST_BAR + DAY_MICROS) },
      ],
      currency: 'USD',
      onSlice: (ctx) => void (ctx.barCount(SAP.id) <= 2 && ctx.buy(1_000, { instrument: EURUSD.id })),
    });
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['denied', 'FX_RATE_UNAVAILABLE'],
      ['filled', ''],
    ]);
    expect(r.balances.map((b) => [b.currency, b.amount])).toEqual([
      ['USD', 100_000 - 1_100],
      ['EUR', 1_000],
    ]);
  });
});

describe('inverse and cross rates', () => {
  const TOYOTA = stockIn('JPY', '7203');
  const rows = [flat(3_000), flat(3_000), flat(3_200)];

  it('cross two configured pairs through a third currency', () => {
    // A EUR account: 1 JPY = 1/160 USD = (1/160) / 1.25 EUR = 0.005 EUR. Buy 100 at 3,000 JPY;
    // the close of 3,200 is 20,000 JPY of profit = 100 EUR.
    const rates: number[] = [];
    const r = scenario({
      rows,
      instrument: TOYOTA,
      currency: 'EUR',
      fxRates: { 'EUR/USD': 1.25, 'USD/JPY': 160 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) {
          ctx.buy(100);
          rates.push(ctx.rate('JPY'), ctx.rate('JPY', 'EUR'));
        }
      },
    });
    expect(rates).toEqual([0.005, 0.005]);
    expect(r.summary.finalEquity).toBeCloseTo(100_100, 9);
    expect(r.manifest.currencies.rates).toEqual([
      {
        currency: 'JPY',
        steps: [
          { pair: 'USD/JPY', inverse: true, source: 'constant' },
          { pair: 'EUR/USD', inverse: true, source: 'constant' },
        ],
      },
    ]);
  });

  it('invert the close of an FX instrument quoted the other way round', () => {
    // USD/JPY closes at 160 on bar 1 and 128 on bar 2: 100 × 3,200 − 300,000 = 20,000 JPY / 128.
    const USDJPY = fxPair('USD', 'JPY');
    const r = scenarioMany({
      data: [
        { instrument: TOYOTA, series: dailyBars(rows) },
        { instrument: USDJPY, series: dailyBars([flat(150), flat(160), flat(128)]) },
      ],
      currency: 'USD',
      // In onSlice every bar of the timestamp has been seen, USD/JPY's too (in onBar of the
      // first instrument it would not have been yet, and the first order would wait for a rate).
      onSlice: (ctx) => void (ctx.barCount(TOYOTA.id) === 1 && ctx.buy(100, { instrument: TOYOTA.id })),
    });
    expect(r.equity.equity[1]).toBe(100_000);
    expect(r.summary.finalEquity).toBeCloseTo(100_000 + 20_000 / 128, 9);
    expect(r.manifest.currencies.rates[0]?.steps).toEqual([
      { pair: 'USD/JPY', inverse: true, source: 'instrument', instrument: 'USDJPY.FX' },
    ]);
  });
});

describe('the account currency in checks and in the strategy API', () => {
  it('applies risk limits to the converted notional', () => {
    // 100 × 50 EUR = 5,000 EUR = 5,500 USD.
    const run = (maxOrderNotional: number) =>
      scenario({
        rows: [flat(50), flat(50)],
        instrument: SAP,
        currency: 'USD',
        fxRates: { 'EUR/USD': 1.1 },
        risk: { maxOrderNotional },
        onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(100, { kind: 'limit', limitPrice: 50 })),
      }).orders[0];
    expect(run(5_499)).toMatchObject({ status: 'denied', reason: 'MAX_NOTIONAL_EXCEEDED' });
    expect(run(5_501)?.status).toBe('filled');
  });

  it('sizes notional and equity fractions in the account currency', () => {
    // 11,000 USD of a 50 EUR share at 1.1 is 200 shares; half of 100,000 USD is 909.09 → 909.
    const r = scenario({
      rows: [flat(50), flat(50), flat(50)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': 1.1 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy({ notional: 11_000 });
        if (bar.index === 1) ctx.targetPercent(0.5);
      },
    });
    expect(r.fills.map((f) => f.quantity)).toEqual([200, 709]);
  });

  it('tells the strategy its currency, balances and rates, and refuses a currency it does not hold', () => {
    const seen: unknown[] = [];
    scenario({
      rows: [flat(50)],
      instrument: SAP,
      currency: 'USD',
      fxRates: { 'EUR/USD': 1.1 },
      onBar: (ctx) => {
        seen.push(ctx.currency, ctx.balance(), ctx.balance('EUR'), ctx.rate('USD', 'EUR'));
        expect(() => ctx.balance('CHF')).toThrowError('unknown currency CHF (the account holds USD, EUR)');
      },
    });
    expect(seen).toEqual(['USD', 100_000, 0, 1 / 1.1]);
  });

  it('keeps a single-currency account as it was', () => {
    const r = scenario({ rows: [flat(50), flat(50)], onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)) });
    expect(r.manifest.currencies).toEqual({ account: 'USD', balances: ['USD'], rates: [] });
    expect(r.balances).toEqual([{ currency: 'USD', amount: 99_500, rate: 1, value: 99_500 }]);
    expect(r.manifest.config).toMatchObject({ currency: 'USD', fxRates: {} });
  });
});
