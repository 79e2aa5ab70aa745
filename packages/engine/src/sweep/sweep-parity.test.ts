import { type CryptoInstrument, defineInstrument, type Instrument, type OptionInstrument } from '@alphintra/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BacktestConfig } from '../backtest/backtest-config.js';
import { syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { scriptedStrategy } from '../testing/scripted-strategy.js';
import { compareSweepToEngine, formatDivergences } from './compare-sweep.js';
import { HOLD } from './sweep-face.js';

const CONFIGS: Readonly<Record<string, Partial<BacktestConfig>>> = {
  'no costs': {},
  'a percent fee': { fees: { kind: 'percent', rate: 0.001 } },
  'a per-share fee and fixed slippage': {
    fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 },
    slippage: { kind: 'fixed-bps', bps: 5 },
  },
  'fills at the close, maker-taker fees and a random spread': {
    fillTiming: 'close',
    fees: { kind: 'maker-taker', maker: -0.0001, taker: 0.0007 },
    slippage: { kind: 'spread', spreadBps: 20, random: true },
    seed: 9,
  },
  'a small account, tiered fees and square-root impact': {
    cash: 5_000,
    fees: {
      kind: 'tiered',
      tiers: [
        { upTo: 20_000, maker: 0, taker: 0.003 },
        { upTo: Number.POSITIVE_INFINITY, maker: 0, taker: 0.001 },
      ],
    },
    slippage: { kind: 'square-root', coefficient: 0.5 },
  },
  'no shorting, leverage 2, a minimum fee and volume-share impact': {
    allowShort: false,
    leverage: 2,
    fees: { kind: 'percent', rate: 0.0005, minimum: 1 },
    slippage: { kind: 'volume-share', impact: 0.2 },
  },
  'borrow costs on shorts and a custom fee function': {
    borrowRate: 0.05,
    fees: (fill) => 0.5 + fill.notional * 0.0002,
  },
};

const INSTRUMENTS: Readonly<Record<string, Instrument>> = {
  'an equity': TEST_EQUITY,
  'a crypto pair in lots of 0.001': defineInstrument<CryptoInstrument>({
    kind: 'crypto',
    symbol: 'BTCUSD',
    venue: 'SIM',
    currency: 'USD',
    baseCurrency: 'BTC',
    lotSize: 0.001,
  }),
  'an option of multiplier 100': defineInstrument<OptionInstrument>({
    kind: 'option',
    symbol: 'OPT',
    venue: 'SIM',
    currency: 'USD',
    underlying: 'TEST',
    expiry: 0,
    strike: 100,
    right: 'call',
    multiplier: 100,
  }),
};

/** Targets a script may hold on a bar: mostly no order, else flat, long, short, or beyond full exposure. */
const target = fc.oneof(
  { weight: 6, arbitrary: fc.constant(HOLD) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.double({ min: -1.6, max: 1.6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1, -1, 0.5, -0.5, 2) },
);

describe('the sweep reproduces the event-driven engine', () => {
  it('agrees on every figure for random target scripts, configurations and instruments', () => {
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 160 }),
        fc.constantFrom(...Object.keys(CONFIGS)),
        fc.constantFrom(...Object.keys(INSTRUMENTS)),
        fc.constantFrom('direct' as const, 'close-then-open' as const),
        fc.integer({ min: 1, max: 1000 }),
        (script, configName, instrumentName, reversal, seed) => {
          const targets = Float64Array.from(script);
          const series = syntheticBars(targets.length, seed);
          const { divergences, sweep } = compareSweepToEngine({
            ...(CONFIGS[configName] as Partial<BacktestConfig>),
            strategy: scriptedStrategy(targets, reversal),
            data: [{ instrument: INSTRUMENTS[instrumentName] as Instrument, series }],
            parameterSets: [{}, { scale: 0.5 }, { scale: -1 }, { scale: 3 }],
          });
          if (divergences.length > 0) {
            throw new Error(`${configName}, ${instrumentName}, ${reversal}:\n${formatDivergences(divergences)}`);
          }
          expect(sweep.runs).toBe(4);
        },
      ),
      { numRuns: 250, seed: 20_260_501 },
    );
  });

  it('agrees when scripts trade on most bars (reversals, rebalances, shrinking to buying power)', () => {
    for (const configName of Object.keys(CONFIGS)) {
      const targets = Float64Array.from({ length: 300 }, (_, i) => [1, -0.8, 0.4, 0, 1.3, -1.2][i % 6] as number);
      for (const reversal of ['direct', 'close-then-open'] as const) {
        const { divergences, sweep } = compareSweepToEngine({
          ...(CONFIGS[configName] as Partial<BacktestConfig>),
          strategy: scriptedStrategy(targets, reversal),
          data: [{ instrument: TEST_EQUITY, series: syntheticBars(300, 3) }],
          parameterSets: [{}, { scale: 0.7 }],
        });
        expect(formatDivergences(divergences), `${configName}, ${reversal}`).toBe(formatDivergences([]));
        expect(sweep.trades[0]).toBeGreaterThanOrEqual(50);
      }
    }
  });
});
