import { AlphintraError } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { fxPair as pair, stockIn } from '../testing/fixtures.js';
import { planCurrencies } from './currency-plan.js';

const stock = (symbol: string, currency: string) => stockIn(currency, symbol);

describe('planCurrencies', () => {
  it('indexes the account currency first, then held currencies in instrument order, then crossed ones', () => {
    const plan = planCurrencies('USD', [stock('A', 'JPY'), pair('EUR', 'GBP'), stock('B', 'USD')], {
      'GBP/CHF': 1.1,
      'CHF/USD': 1.2,
      'USD/JPY': 150,
      'EUR/USD': 1.1,
    });
    expect(plan.currencies).toEqual(['USD', 'JPY', 'GBP', 'EUR', 'CHF']);
    expect(plan.held).toBe(4);
    expect(Array.from(plan.quote)).toEqual([1, 2, 0]);
    expect(Array.from(plan.base)).toEqual([-1, 3, -1]);
  });

  it('takes the way with the fewest pairs', () => {
    const plan = planCurrencies('USD', [stock('A', 'EUR')], { 'EUR/GBP': 0.85, 'GBP/USD': 1.25, 'EUR/USD': 1.1 });
    expect(plan.routes).toEqual([
      { currency: 'EUR', steps: [{ pair: 'EUR/USD', inverse: false, source: 'constant' }] },
    ]);
  });

  it('prefers an FX instrument of the run to a configured rate of the same pair', () => {
    const plan = planCurrencies('USD', [stock('A', 'EUR'), pair('EUR', 'USD')], { 'EUR/USD': 1.1 });
    expect(plan.routes[0]?.steps).toEqual([
      { pair: 'EUR/USD', inverse: false, source: 'instrument', instrument: 'EURUSD.FX' },
    ]);
  });

  it('breaks ties between configured pairs by their sorted names, whatever order they were given in', () => {
    const a = planCurrencies('USD', [stock('A', 'EUR')], { 'USD/EUR': 0.9, 'EUR/USD': 1.1 });
    const b = planCurrencies('USD', [stock('A', 'EUR')], { 'EUR/USD': 1.1, 'USD/EUR': 0.9 });
    expect(a.routes).toEqual(b.routes);
    expect(a.routes[0]?.steps[0]?.pair).toBe('EUR/USD');
  });

  it('crosses through as many currencies as it takes, recording every step', () => {
    const plan = planCurrencies('USD', [stock('A', 'CHF')], { 'CHF/EUR': 0.95, 'EUR/GBP': 0.85, 'USD/GBP': 0.8 });
    expect(plan.routes[0]?.steps.map((s) => [s.pair, s.inverse])).toEqual([
      ['CHF/EUR', false],
      ['EUR/GBP', false],
      ['USD/GBP', true],
    ]);
    // Parents come before children, so rates can be computed in one pass.
    const order = Array.from(plan.order).map((c) => plan.currencies[c]);
    expect(order).toEqual(['GBP', 'EUR', 'CHF']);
  });

  it('plans a single-currency account with no rates at all', () => {
    const plan = planCurrencies('USD', [stock('A', 'USD')], { 'EUR/USD': 1.1 });
    expect(plan.held).toBe(1);
    expect(plan.routes).toEqual([]);
  });

  it('fails at once, with a stable code, for a held currency that nothing converts', () => {
    const run = () => planCurrencies('USD', [stock('A', 'USD'), stock('B', 'SEK')], { 'EUR/USD': 1.1 });
    expect(run).toThrowError(AlphintraError);
    expect(run).toThrowError(
      "no rate converts SEK into the account currency USD: add an FX instrument SEK/USD or USD/SEK, or give fxRates['SEK/USD'] (fxRates has EUR/USD)",
    );
    try {
      run();
    } catch (error) {
      expect((error as AlphintraError).code).toBe('FX_RATE_MISSING');
    }
  });

  it('refuses an FX instrument that exchanges a currency for itself, and an empty account currency', () => {
    expect(() => planCurrencies('USD', [pair('USD', 'USD')])).toThrowError(
      'expected FX instrument USDUSD.FX to exchange two currencies, got base "USD" and quote "USD"',
    );
    expect(() => planCurrencies(' ', [stock('A', 'USD')])).toThrowError('expected an account currency code, got " "');
  });
});
