import { AlphintraError } from '@alphintra/core';

/**
 * One closed trade, as analytics needs it. The engine's `Trade` has these fields (and more), so
 * its results can be passed as they are without analytics importing the engine.
 */
export interface TradeInput {
  readonly instrument: string;
  readonly side: 'long' | 'short';
  /** Entry time, epoch µs UTC. */
  readonly entryTime: number;
  /** Exit time, epoch µs UTC. */
  readonly exitTime: number;
  /** Realised P&L after fees, in account currency. */
  readonly pnl: number;
  /** `pnl` over the entry notional. */
  readonly returnFraction: number;
  /** Bars the trade was open on. */
  readonly bars: number;
  /** Maximum adverse excursion: the worst open P&L seen (≤ 0), in account currency. */
  readonly mae: number;
  /** Maximum favourable excursion: the best open P&L seen (≥ 0), in account currency. */
  readonly mfe: number;
  /** Fees paid on the trade, in account currency. */
  readonly fees: number;
  /**
   * What the trade risked at entry, in account currency (e.g. units × distance to the initial
   * stop), when known: trades that all carry one have their SQN measured in R-multiples.
   */
  readonly initialRisk?: number;
}

/** An equity curve: equity after each bar and the bar's timestamp (epoch µs UTC), ascending. */
export interface EquitySeries {
  readonly time: Float64Array;
  readonly equity: Float64Array;
}

/**
 * Returns the index of the first bar whose equity is zero or below (the account is ruined),
 * or −1 when equity stays positive.
 */
export function ruinIndex(equity: ArrayLike<number>): number {
  for (let i = 0; i < equity.length; i++) if (!((equity[i] as number) > 0)) return i;
  return -1;
}

/**
 * Throws unless an equity curve is usable: equal lengths, ascending finite timestamps and
 * finite positive equity (returns of a curve that reaches zero are undefined). With `ruin`,
 * a curve may reach zero or below after its first bar (finite values still): the caller
 * measures it up to its ruin (see {@link ruinIndex}).
 */
export function validateEquity(series: EquitySeries, options: { readonly ruin?: boolean } = {}): void {
  const { time, equity } = series;
  const ruin = options.ruin === true;
  if (time.length !== equity.length) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected as many timestamps as equity values, got ${time.length} and ${equity.length}`,
    );
  }
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (!(Number.isFinite(e) && (e > 0 || (ruin && i > 0)))) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected ${ruin && i > 0 ? 'finite' : 'positive finite'} equity at index ${i}, got ${e}`,
      );
    }
    const t = time[i] as number;
    if (!Number.isFinite(t)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a finite timestamp at index ${i}, got ${t}`);
    }
    if (i > 0 && !(t > (time[i - 1] as number))) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected ascending timestamps, got ${t} after ${time[i - 1] as number} at index ${i}`,
      );
    }
  }
}

/** Returns the simple period returns rᵢ = Eᵢ / Eᵢ₋₁ − 1 of an equity curve (one fewer than its length). */
export function periodReturns(equity: ArrayLike<number>): Float64Array {
  const n = equity.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) out[i - 1] = (equity[i] as number) / (equity[i - 1] as number) - 1;
  return out;
}

/** Returns the equity curve that compounds period returns from a starting value (one longer). */
export function equityFromReturns(returns: ArrayLike<number>, start = 1): Float64Array {
  const out = new Float64Array(returns.length + 1);
  out[0] = start;
  for (let i = 0; i < returns.length; i++) out[i + 1] = (out[i] as number) * (1 + (returns[i] as number));
  return out;
}

/** Returns the per-period rate equivalent to an annual rate: (1 + annual)^(1 / periodsPerYear) − 1. */
export function perPeriodRate(annualRate: number, periodsPerYear: number): number {
  if (annualRate === 0) return 0;
  return (1 + annualRate) ** (1 / periodsPerYear) - 1;
}
