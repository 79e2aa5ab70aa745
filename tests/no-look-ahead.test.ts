import {
  defineInstrument,
  type EquityInstrument,
  type FxInstrument,
  generateBars,
  MICROS_PER_DAY,
  timeframe,
} from '@alphintra/core';
import {
  type BacktestOptions,
  type BacktestResult,
  defineStrategy,
  type FxRateTable,
  runBacktest,
} from '@alphintra/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsOf, cutData, EXAMPLE_RUNS, exampleOptions, timeline } from './example-support.js';

/**
 * The same run on data cut after time `cut` (bars with open time ≤ cut kept; rate points
 * known by the close of a daily bar opening at `cut` kept).
 */
function cutOptions(options: BacktestOptions, cut: number): BacktestOptions {
  const fxRates: Record<string, FxRateTable[string]> = {};
  for (const [pair, input] of Object.entries(options.fxRates ?? {})) {
    if (typeof input === 'number') fxRates[pair] = input;
    else {
      let n = 0;
      while (n < input.time.length && (input.time[n] as number) <= cut + MICROS_PER_DAY) n++;
      fxRates[pair] = { time: input.time.slice(0, n), rate: input.rate.slice(0, n) };
    }
  }
  return { ...options, fxRates, data: cutData(options.data, cut) };
}

function immutableOrderFields(result: BacktestResult) {
  return result.orders.map((o) => ({
    id: o.id,
    instrument: o.instrument,
    kind: o.kind,
    tag: o.tag,
    submitTime: o.submitTime,
    parentId: o.parentId,
  }));
}

/** Asserts that the run cut after timeline index `at` is a prefix of `full`. */
function expectPrefix(options: BacktestOptions, full: BacktestResult, times: readonly number[], at: number): void {
  const cut = times[at - 1] as number;
  const part = runBacktest(cutOptions(options, cut));
  const n = part.equity.time.length;
  expect(n).toBe(at);
  expect(Array.from(part.equity.time)).toEqual(Array.from(full.equity.time.subarray(0, n)));
  expect(Array.from(part.equity.equity)).toEqual(Array.from(full.equity.equity.subarray(0, n)));
  expect(part.fills).toEqual(full.fills.slice(0, part.fills.length));
  const nextFill = full.fills[part.fills.length];
  if (nextFill !== undefined) expect(nextFill.time).toBeGreaterThan(cut);
  expect(part.trades).toEqual(full.trades.slice(0, part.trades.length));
  expect(immutableOrderFields(part)).toEqual(immutableOrderFields(full).slice(0, part.orders.length));
}

describe('no look-ahead: a run on data cut at T is a prefix of the run on all the data', () => {
  for (const run of EXAMPLE_RUNS) {
    it(`holds for ${run.name}`, async () => {
      const options = await exampleOptions(run);
      const full = runBacktest(options);
      const times = timeline(options.data);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: times.length - 1 }), (at) => expectPrefix(options, full, times, at)),
        { numRuns: 4 },
      );
    });
  }

  it('catches a strategy that reads two bars ahead in the raw data (the check has teeth)', async () => {
    const base = await exampleOptions(EXAMPLE_RUNS[0] as (typeof EXAMPLE_RUNS)[number]);
    const close = barsOf(base.data[0] as BacktestOptions['data'][number]).close;
    const cheat = defineStrategy({
      name: 'peeks',
      parameters: {},
      create(ctx) {
        return {
          onBar(bar) {
            // Peeks two bars ahead: on cut data the peek falls off the end one bar before the
            // cut, so that bar's decision (and the fill it causes inside the data) differs.
            const tomorrow = close[bar.index + 2] ?? bar.close;
            if (tomorrow > bar.close && ctx.quantity() === 0) ctx.targetPercent(1);
            else if (tomorrow < bar.close && ctx.quantity() > 0) ctx.closePosition();
          },
        };
      },
    });
    const options = { ...base, strategy: cheat };
    const full = runBacktest(options);
    const times = timeline(options.data);
    // Cut mid-data on a bar where the cheat's decision depends on the missing next bar.
    let failures = 0;
    for (const at of [500, 1000, 1500, 2000, 2500]) {
      const cutClose = close.subarray(0, at);
      const cheatOnCut = defineStrategy({
        ...cheat,
        create(ctx) {
          return {
            onBar(bar) {
              const tomorrow = cutClose[bar.index + 2] ?? bar.close;
              if (tomorrow > bar.close && ctx.quantity() === 0) ctx.targetPercent(1);
              else if (tomorrow < bar.close && ctx.quantity() > 0) ctx.closePosition();
            },
          };
        },
      });
      try {
        expectPrefix({ ...options, strategy: cheatOnCut }, full, times, at);
      } catch {
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
  });

  it('holds for a multi-currency run, with rates from an FX instrument and from a series cut at T too', () => {
    const day = timeframe('day');
    const start = Date.UTC(2020, 0, 1) * 1000;
    const bars = (seed: number, initialPrice: number) =>
      generateBars({ seed, bars: 300, timeframe: day, start, volatility: 0.3, initialPrice });
    const gbpusd = bars(4, 1.3);
    const strategy = defineStrategy({
      name: 'currencies',
      parameters: {},
      create(ctx) {
        const fast = ctx.instruments.map((instrument) => ctx.indicator('SMA', { timeperiod: 5 }, { instrument }));
        const slow = ctx.instruments.map((instrument) => ctx.indicator('SMA', { timeperiod: 20 }, { instrument }));
        return {
          onSlice() {
            ctx.instruments.forEach((instrument, k) => {
              if (!slow[k]?.isReady) return;
              const up = (fast[k]?.value as number) > (slow[k]?.value as number);
              // Sizes in the account currency depend on every rate of the moment.
              if (up && ctx.quantity(instrument) <= 0) ctx.targetPercent(0.3, { instrument });
              else if (!up && ctx.quantity(instrument) > 0) ctx.closePosition(instrument);
            });
          },
        };
      },
    });
    const options: BacktestOptions = {
      strategy,
      currency: 'USD',
      fees: { kind: 'percent', rate: 0.001 },
      // GBP/USD known at each bar's close.
      fxRates: { 'GBP/USD': { time: gbpusd.time.map((t) => t + MICROS_PER_DAY), rate: gbpusd.close } },
      data: [
        {
          instrument: defineInstrument<EquityInstrument>({
            kind: 'equity',
            symbol: 'SAP',
            venue: 'X',
            currency: 'EUR',
          }),
          series: bars(1, 50),
        },
        {
          instrument: defineInstrument<FxInstrument>({
            kind: 'fx',
            symbol: 'EURUSD',
            venue: 'FX',
            currency: 'USD',
            baseCurrency: 'EUR',
            tickSize: 0.00001,
          }),
          series: bars(2, 1.1),
        },
        {
          instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'BP', venue: 'X', currency: 'GBP' }),
          series: bars(3, 5),
        },
      ],
    };
    const full = runBacktest(options);
    expect(full.fills.length).toBeGreaterThan(20);
    const times = timeline(options.data);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: times.length - 1 }), (at) => expectPrefix(options, full, times, at)),
      { numRuns: 6 },
    );
  });
});
