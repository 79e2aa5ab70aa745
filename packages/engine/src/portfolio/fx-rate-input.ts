import { AlphintraError } from '@alphintra/core';

/**
 * Rates of one currency pair over time: `rate[i]` (units of the quote currency per unit of the
 * base) is known from `time[i]` (epoch µs) on. Times strictly increase.
 */
export interface FxRateSeries {
  readonly time: Float64Array;
  readonly rate: Float64Array;
}

/** A pair's rate: a constant, or a series read as of the clock time. */
export type FxRateInput = number | FxRateSeries;

/**
 * Rates keyed by pair, `BASE/QUOTE` (`'EUR/USD': 1.1` means one euro is 1.1 dollars).
 *
 * @example
 * const fxRates: FxRateTable = { 'EUR/USD': 1.1, 'USD/JPY': { time: Float64Array.of(t0, t1), rate: Float64Array.of(150, 151) } };
 */
export type FxRateTable = Readonly<Record<string, FxRateInput>>;

/** A pair split into its two currencies. */
export interface CurrencyPair {
  readonly base: string;
  readonly quote: string;
}

const PAIR = /^([^/\s]+)\/([^/\s]+)$/;

/** Splits `BASE/QUOTE`; throws a clear error for anything else. */
export function parsePair(text: string): CurrencyPair {
  const match = PAIR.exec(text);
  if (match === null || match[1] === match[2]) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a currency pair like EUR/USD, got "${text}"`);
  }
  return { base: match[1] as string, quote: match[2] as string };
}

/** Checks every entry of a rate table and throws one clear error for the first bad one. */
export function checkFxRates(table: FxRateTable): void {
  for (const [pair, input] of Object.entries(table)) {
    parsePair(pair);
    const where = `fxRates['${pair}']`;
    if (typeof input === 'number') {
      if (!(Number.isFinite(input) && input > 0)) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected a positive rate for ${where}, got ${input}`);
      }
      continue;
    }
    if (!(input?.time instanceof Float64Array && input.rate instanceof Float64Array)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected ${where} to be a number or { time: Float64Array, rate: Float64Array }`,
      );
    }
    const { time, rate } = input;
    if (time.length === 0 || time.length !== rate.length) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected ${where} to have as many times as rates and at least one, got ${time.length} and ${rate.length}`,
      );
    }
    for (let i = 0; i < time.length; i++) {
      const t = time[i] as number;
      if (!Number.isFinite(t) || (i > 0 && !(t > (time[i - 1] as number)))) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected increasing finite times in ${where}, got ${t} at ${i}`);
      }
      const r = rate[i] as number;
      if (!(Number.isFinite(r) && r > 0)) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected positive rates in ${where}, got ${r} at ${i}`);
      }
    }
  }
}
