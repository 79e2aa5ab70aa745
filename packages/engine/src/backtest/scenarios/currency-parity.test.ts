import {
  type BarSeries,
  defineInstrument,
  type EquityInstrument,
  type FutureInstrument,
  generateBars,
  type Instrument,
  timeframe,
} from '@alphintra/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../orders/order.js';
import { defineStrategy } from '../../strategy/strategy.js';
import type { BacktestResult } from '../results.js';
import { runBacktest } from '../run-backtest.js';

// A run whose instruments are quoted in other currencies, converted at a rate of 1 everywhere,
// must trade exactly like the same run in one currency and show the same money (up to the
// rounding of summing per currency): the multi-currency account adds conversion and nothing else.

const BARS = 60;
const START = Date.UTC(2024, 0, 1) * 1000;

type Action =
  | { readonly kind: 'none' }
  | { readonly kind: 'buy' | 'sell'; readonly quantity: number }
  | { readonly kind: 'target'; readonly fraction: number }
  | { readonly kind: 'limit'; readonly quantity: number; readonly offset: number }
  | { readonly kind: 'close' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.record({ kind: fc.constantFrom('buy' as const, 'sell' as const), quantity: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('target' as const), fraction: fc.double({ min: -0.6, max: 0.6, noNaN: true }) }),
  fc.record({
    kind: fc.constant('limit' as const),
    quantity: fc.integer({ min: -300, max: 300 }).filter((q) => q !== 0),
    offset: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
  }),
  fc.constant({ kind: 'close' as const }),
);

function instruments(currencies: readonly [string, string, string]): Instrument[] {
  return [
    defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'AAA', venue: 'X', currency: currencies[0] }),
    defineInstrument<FutureInstrument>({
      kind: 'future',
      symbol: 'FUT',
      venue: 'X',
      currency: currencies[1],
      underlying: 'IDX',
      expiry: START + 400 * 86_400_000_000,
      multiplier: 10,
    }),
    defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'BBB', venue: 'X', currency: currencies[2] }),
  ];
}

function run(
  script: readonly (readonly Action[])[],
  series: readonly BarSeries[],
  currencies: readonly [string, string, string],
  extra: { currency?: string; fxRates?: Record<string, number | { time: Float64Array; rate: Float64Array }> },
): BacktestResult {
  const list = instruments(currencies);
  const strategy = defineStrategy({
    name: 'random-script',
    parameters: {},
    create(ctx) {
      return {
        onBar(bar) {
          const act = script[bar.index]?.[bar.instrumentIndex] ?? { kind: 'none' };
          const instrument = bar.instrument;
          switch (act.kind) {
            case 'none':
              return;
            case 'buy':
            case 'sell':
              ctx.submit({ instrument, side: act.kind, size: act.quantity });
              return;
            case 'target':
              ctx.targetPercent(act.fraction, { instrument });
              return;
            case 'limit': {
              const request: OrderRequest = {
                instrument,
                side: act.quantity > 0 ? 'buy' : 'sell',
                size: Math.abs(act.quantity),
                kind: 'limit',
                limitPrice: bar.close * (1 + act.offset),
              };
              ctx.submit(request);
              return;
            }
            case 'close':
              ctx.closePosition(instrument);
              return;
          }
        },
      };
    },
  });
  return runBacktest({
    strategy,
    data: list.map((instrument, k) => ({ instrument, series: series[k] as BarSeries, hash: 'x' })),
    fees: { kind: 'percent', rate: 0.0005 },
    borrowRate: 0.04,
    leverage: 2,
    ...extra,
  });
}

function closeTo(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('converting at a rate of 1', () => {
  it('trades and values every run exactly as the single-currency run', () => {
    let fills = 0;
    let trades = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.array(action, { minLength: 3, maxLength: 3 }), { minLength: BARS, maxLength: BARS }),
        fc.boolean(),
        (seed, script, asSeries) => {
          const day = timeframe('day');
          const series = [0, 1, 2].map((k) =>
            generateBars({ seed: seed + k, bars: BARS, timeframe: day, start: START, volatility: 0.4 }),
          );
          const ones = { time: Float64Array.of(START), rate: Float64Array.of(1) };
          const single = run(script, series, ['USD', 'USD', 'USD'], {});
          fills += single.fills.length;
          trades += single.trades.length;
          const multi = run(script, series, ['EUR', 'JPY', 'USD'], {
            currency: 'USD',
            fxRates: { 'EUR/USD': asSeries ? ones : 1, 'USD/JPY': 1 },
          });
          expect(multi.manifest.currencies.balances).toEqual(['USD', 'EUR', 'JPY']);
          expect(multi.orders).toEqual(single.orders);
          expect(multi.fills).toEqual(single.fills);
          expect(multi.summary.orderListHash).toBe(single.summary.orderListHash);
          expect(multi.trades.length).toBe(single.trades.length);
          multi.trades.forEach((t, i) => {
            const s = single.trades[i];
            expect(t.pnl).toBe(s?.pnl);
            expect(t.mae).toBe(s?.mae);
            expect(t.mfe).toBe(s?.mfe);
          });
          const columns = ['equity', 'cash', 'netExposure', 'grossExposure'] as const;
          for (const column of columns) {
            const a = multi.equity[column];
            const b = single.equity[column];
            expect(a.length).toBe(b.length);
            for (let i = 0; i < a.length; i++) {
              if (!closeTo(a[i] as number, b[i] as number)) {
                throw new Error(`${column}[${i}]: ${a[i]} (converted) vs ${b[i]} (single currency)`);
              }
            }
          }
          const converted = multi.balances.reduce((sum, b) => sum + (b.value ?? Number.NaN), 0);
          expect(closeTo(converted, single.balances[0]?.amount as number)).toBe(true);
          expect(closeTo(multi.summary.fees, single.summary.fees)).toBe(true);
        },
      ),
      { numRuns: 40, seed: 20_261_207 },
    );
    // The scripts really trade: dozens of fills and round trips per run.
    expect(fills).toBeGreaterThan(40 * 20);
    expect(trades).toBeGreaterThan(40 * 5);
  });
});
