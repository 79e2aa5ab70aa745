import { describe, expect, it } from 'vitest';
import type { FutureInstrument } from './instrument.js';
import { assetClassOf, defineInstrument } from './instrument.js';

describe('defineInstrument', () => {
  it('fills defaults and an id of symbol and venue', () => {
    const orcl = defineInstrument({ kind: 'equity', symbol: 'ORCL', venue: 'NASDAQ', currency: 'USD' });
    expect(orcl).toEqual({
      kind: 'equity',
      symbol: 'ORCL',
      venue: 'NASDAQ',
      currency: 'USD',
      id: 'ORCL.NASDAQ',
      tickSize: 0.01,
      lotSize: 1,
      multiplier: 1,
    });
    expect(assetClassOf(orcl)).toBe('equity');
  });

  it('keeps futures fields such as multiplier and expiry', () => {
    const es = defineInstrument<FutureInstrument>({
      kind: 'future',
      symbol: 'ESH6',
      venue: 'CME',
      currency: 'USD',
      underlying: 'ES',
      expiry: 1_773_964_800_000_000,
      tickSize: 0.25,
      multiplier: 50,
    });
    expect(es.multiplier).toBe(50);
    expect(es.tickSize).toBe(0.25);
    expect(es.expiry).toBe(1_773_964_800_000_000);
  });

  it('rejects empty symbols and non-positive sizes', () => {
    expect(() => defineInstrument({ kind: 'equity', symbol: ' ', venue: 'X', currency: 'USD' })).toThrow(
      'expected a non-empty symbol',
    );
    expect(() => defineInstrument({ kind: 'equity', symbol: 'A', venue: 'X', currency: 'USD', tickSize: 0 })).toThrow(
      'expected a positive tick size, got 0',
    );
    expect(() =>
      defineInstrument({
        kind: 'crypto',
        symbol: 'BTC/USDT',
        venue: 'X',
        currency: 'USDT',
        baseCurrency: 'BTC',
        lotSize: Number.NaN,
      }),
    ).toThrow('expected a positive lot size, got NaN');
  });
});
