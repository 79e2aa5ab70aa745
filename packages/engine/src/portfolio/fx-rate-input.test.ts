import { describe, expect, it } from 'vitest';
import { checkFxRates, parsePair } from './fx-rate-input.js';

describe('parsePair', () => {
  it('splits a pair into its base and quote currency', () => {
    expect(parsePair('EUR/USD')).toEqual({ base: 'EUR', quote: 'USD' });
    expect(parsePair('BTC/USDT')).toEqual({ base: 'BTC', quote: 'USDT' });
  });

  it('refuses anything that is not two different currencies', () => {
    for (const bad of ['EURUSD', 'EUR/EUR', 'EUR/USD/GBP', ' EUR/USD', '/USD', 'EUR/', ''])
      expect(() => parsePair(bad)).toThrowError(`expected a currency pair like EUR/USD, got "${bad}"`);
  });
});

describe('checkFxRates', () => {
  const series = (time: number[], rate: number[]) => ({ time: Float64Array.from(time), rate: Float64Array.from(rate) });

  it('accepts constants and increasing series of positive rates', () => {
    expect(() => checkFxRates({ 'EUR/USD': 1.1, 'USD/JPY': series([1, 2, 3], [150, 151, 149]) })).not.toThrow();
    expect(() => checkFxRates({})).not.toThrow();
  });

  it('names the pair and the problem of a bad entry', () => {
    expect(() => checkFxRates({ 'EUR/USD': -1 })).toThrowError(
      "expected a positive rate for fxRates['EUR/USD'], got -1",
    );
    expect(() => checkFxRates({ 'EUR/USD': Number.NaN })).toThrowError('got NaN');
    expect(() => checkFxRates({ 'EUR/USD': Number.POSITIVE_INFINITY })).toThrowError('got Infinity');
    expect(() => checkFxRates({ EURUSD: 1 })).toThrowError('expected a currency pair like EUR/USD, got "EURUSD"');
    expect(() => checkFxRates({ 'EUR/USD': series([1, 2], [1]) })).toThrowError(
      "expected fxRates['EUR/USD'] to have as many times as rates and at least one, got 2 and 1",
    );
    expect(() => checkFxRates({ 'EUR/USD': series([], []) })).toThrowError('got 0 and 0');
    expect(() => checkFxRates({ 'EUR/USD': series([1, 1], [1, 1]) })).toThrowError(
      "expected increasing finite times in fxRates['EUR/USD'], got 1 at 1",
    );
    expect(() => checkFxRates({ 'EUR/USD': series([1, 2], [1, 0]) })).toThrowError(
      "expected positive rates in fxRates['EUR/USD'], got 0 at 1",
    );
    const wrong = { 'EUR/USD': { time: [1], rate: [1] } } as unknown as Parameters<typeof checkFxRates>[0];
    expect(() => checkFxRates(wrong)).toThrowError(
      "expected fxRates['EUR/USD'] to be a number or { time: Float64Array, rate: Float64Array }",
    );
  });
});
