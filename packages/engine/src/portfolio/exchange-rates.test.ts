import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../kernel/clock.js';
import { fxPair, stockIn as stock } from '../testing/fixtures.js';
import { planCurrencies } from './currency-plan.js';
import { ExchangeRates } from './exchange-rates.js';

const USDJPY = fxPair('USD', 'JPY');

describe('ExchangeRates', () => {
  it('reads a series as of the clock: nothing before its first point, then the last point whose time has come', () => {
    const plan = planCurrencies('USD', [stock('EUR')], {
      'EUR/USD': { time: Float64Array.of(10, 20, 30), rate: Float64Array.of(1.1, 1.2, 1.3) },
    });
    const clock = new SimulatedClock(5);
    const rates = new ExchangeRates(plan, clock, { close: [new Float64Array(0)], lastBar: Int32Array.of(-1) });
    const at = (t: number) => {
      clock.advanceTo(t);
      rates.refresh();
      return rates.rate[1];
    };
    expect(at(5)).toBeNaN();
    expect(at(10)).toBe(1.1);
    expect(at(19)).toBe(1.1);
    expect(at(20)).toBe(1.2);
    expect(at(1_000)).toBe(1.3);
    expect(rates.rate[0]).toBe(1);
  });

  it('moves its version only when a rate changes', () => {
    const plan = planCurrencies('USD', [stock('EUR')], {
      'EUR/USD': { time: Float64Array.of(10, 20), rate: Float64Array.of(1.1, 1.2) },
    });
    const clock = new SimulatedClock(10);
    const rates = new ExchangeRates(plan, clock, { close: [new Float64Array(0)], lastBar: Int32Array.of(-1) });
    rates.refresh();
    const v = rates.version;
    clock.advanceTo(15);
    rates.refresh();
    expect(rates.version).toBe(v);
    clock.advanceTo(20);
    rates.refresh();
    expect(rates.version).toBe(v + 1);
  });

  it("inverts the close of the FX instrument's last bar seen, and crosses a configured pair with it", () => {
    // Account EUR: USD via EUR/USD 1.25 (the dollar is its quote: 0.8 EUR); JPY via USD/JPY's close.
    const plan = planCurrencies('EUR', [stock('JPY'), USDJPY], { 'EUR/USD': 1.25 });
    const lastBar = Int32Array.of(-1, -1);
    const close = Float64Array.of(150, 160);
    const rates = new ExchangeRates(plan, new SimulatedClock(0), { close: [new Float64Array(0), close], lastBar });
    const jpy = plan.currencies.indexOf('JPY');
    const usd = plan.currencies.indexOf('USD');
    rates.refresh();
    expect(rates.rate[usd]).toBe(0.8);
    expect(rates.rate[jpy]).toBeNaN();
    lastBar[1] = 0;
    rates.refresh();
    expect(rates.rate[jpy]).toBe(0.8 / 150);
    lastBar[1] = 1;
    rates.refresh();
    expect(rates.rate[jpy]).toBe(0.8 / 160);
  });
});
