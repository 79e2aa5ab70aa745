import { AlphintraError } from '../errors.js';
import { civilToMicros, MICROS_PER_DAY } from '../time.js';
import { formatTimeframe, type Timeframe, timeframeMicros } from '../timeframe.js';

/** Options of {@link SyntheticMarket} and {@link generateBars}; see docs/data/synthetic-market.md. */
export interface SyntheticMarketOptions {
  /** Integer seed: the same options give byte-identical bars. */
  readonly seed: number;
  /** A number of symbols (named SYN001, SYN002 …) or their names; default 1. */
  readonly symbols?: number | readonly string[];
  /** Bars per symbol. */
  readonly bars: number;
  /** Bar length; default 1m. Months and ticks are not supported. */
  readonly timeframe?: Timeframe;
  /** Open time of the first bar (µs); default 2020-01-01T00:00Z. */
  readonly start?: number;
  /** First open price, one for all symbols or one per symbol; default 100. */
  readonly initialPrice?: number | readonly number[];
  /** Annualised drift of the price; default 0. */
  readonly drift?: number;
  /** Annualised volatility of log returns; default 0.2. */
  readonly volatility?: number;
  /** GARCH(1,1) volatility clustering; omega (per-bar variance) defaults so the long-run volatility is `volatility`. */
  readonly garch?: { readonly omega?: number; readonly alpha?: number; readonly beta?: number };
  /** Compound-Poisson jumps in log price: `intensity` jumps per year of normal size (`meanSize`, `stdSize`). */
  readonly jumps?: { readonly intensity: number; readonly meanSize: number; readonly stdSize: number };
  /** Correlation of returns between symbols through one common market factor, in [0, 1]; default 0. */
  readonly correlation?: number;
  /** Prices are rounded to multiples of this; 0 turns rounding off; default 0.01. */
  readonly tickSize?: number;
  /** Volume per bar: log-normal around `mean` (default 1000) with log-space `dispersion` (default 0.5). */
  readonly volume?: { readonly mean: number; readonly dispersion?: number };
  /** `weekdays` skips Saturdays and Sundays (with a small price gap over the weekend); default `continuous`. */
  readonly sessions?: 'continuous' | 'weekdays';
}

/** Options checked and turned into per-bar constants. */
export interface SyntheticPlan {
  readonly seed: number;
  readonly names: readonly string[];
  readonly bars: number;
  readonly timeframe: Timeframe;
  readonly barMicros: number;
  readonly start: number;
  readonly initialPrices: readonly number[];
  readonly weekdays: boolean;
  /** Per-bar mean of the log return. */
  readonly mu: number;
  /** Per-bar standard deviation of the diffusive log return (long-run level under GARCH). */
  readonly sigma: number;
  readonly garch: { readonly omega: number; readonly alpha: number; readonly beta: number } | undefined;
  /** Expected jumps per bar, with the jump size distribution. */
  readonly jumpRate: number;
  readonly jumpMean: number;
  readonly jumpStd: number;
  readonly correlation: number;
  readonly tickSize: number;
  readonly volumeMean: number;
  readonly volumeDispersion: number;
  /** Standard deviation of the log-price gap over a weekend. */
  readonly gapSigma: number;
}

const DAYS_PER_YEAR = 365.25;

function check(condition: boolean, message: string): void {
  if (!condition) throw new AlphintraError('INVALID_ARGUMENT', message);
}

function finite(value: number, name: string, min = Number.NEGATIVE_INFINITY): number {
  check(Number.isFinite(value) && value >= min, `expected ${name} to be a finite number ≥ ${min}, got ${value}`);
  return value;
}

/** Returns the symbol names the options describe. */
function symbolNames(symbols: SyntheticMarketOptions['symbols']): string[] {
  if (symbols === undefined) return ['SYN001'];
  if (typeof symbols === 'number') {
    check(Number.isInteger(symbols) && symbols >= 1, `expected a positive integer number of symbols, got ${symbols}`);
    return Array.from({ length: symbols }, (_, i) => `SYN${String(i + 1).padStart(3, '0')}`);
  }
  check(symbols.length > 0, 'expected at least one symbol name');
  check(new Set(symbols).size === symbols.length, 'expected distinct symbol names');
  for (const name of symbols) check(typeof name === 'string' && name !== '', 'expected non-empty symbol names');
  return [...symbols];
}

/** Checks options and derives per-bar constants. */
export function planSyntheticMarket(options: SyntheticMarketOptions): SyntheticPlan {
  check(Number.isInteger(options.seed), `expected an integer seed, got ${options.seed}`);
  check(
    Number.isInteger(options.bars) && options.bars >= 0,
    `expected a non-negative integer bar count, got ${options.bars}`,
  );
  const names = symbolNames(options.symbols);
  const timeframe = options.timeframe ?? { unit: 'minute', count: 1 };
  const barMicros = timeframeMicros(timeframe);
  check(barMicros !== undefined, `cannot generate ${formatTimeframe(timeframe)} bars (fixed-length timeframes only)`);
  const weekdays = options.sessions === 'weekdays';
  check(
    options.sessions === undefined || weekdays || options.sessions === 'continuous',
    `expected sessions continuous or weekdays, got "${options.sessions}"`,
  );
  const barsPerYear = ((weekdays ? (DAYS_PER_YEAR * 5) / 7 : DAYS_PER_YEAR) * MICROS_PER_DAY) / (barMicros as number);
  const volatility = finite(options.volatility ?? 0.2, 'volatility', 0);
  const drift = finite(options.drift ?? 0, 'drift');
  const sigma = volatility / Math.sqrt(barsPerYear);
  const prices = options.initialPrice ?? 100;
  const initialPrices = names.map((_, i) => {
    const price = typeof prices === 'number' ? prices : prices[i];
    check(
      price !== undefined && Number.isFinite(price) && price > 0,
      `expected a positive initial price, got ${price}`,
    );
    return price as number;
  });
  let garch: SyntheticPlan['garch'];
  if (options.garch !== undefined) {
    const alpha = finite(options.garch.alpha ?? 0.05, 'garch.alpha', 0);
    const beta = finite(options.garch.beta ?? 0.94, 'garch.beta', 0);
    check(alpha + beta < 1, `expected garch alpha + beta < 1, got ${alpha + beta}`);
    const omega = finite(options.garch.omega ?? sigma * sigma * (1 - alpha - beta), 'garch.omega', 0);
    garch = { omega, alpha, beta };
  }
  const jumps = options.jumps;
  const correlation = finite(options.correlation ?? 0, 'correlation', 0);
  check(correlation <= 1, `expected correlation in [0, 1], got ${correlation}`);
  const tickSize = finite(options.tickSize ?? 0.01, 'tickSize', 0);
  const volumeMean = finite(options.volume?.mean ?? 1000, 'volume.mean', 0);
  return {
    seed: options.seed,
    names,
    bars: options.bars,
    timeframe,
    barMicros: barMicros as number,
    start: finite(options.start ?? civilToMicros(2020, 1, 1), 'start'),
    initialPrices,
    weekdays,
    mu: (drift - (volatility * volatility) / 2) / barsPerYear,
    sigma,
    garch,
    jumpRate: jumps === undefined ? 0 : finite(jumps.intensity, 'jumps.intensity', 0) / barsPerYear,
    jumpMean: jumps === undefined ? 0 : finite(jumps.meanSize, 'jumps.meanSize'),
    jumpStd: jumps === undefined ? 0 : finite(jumps.stdSize, 'jumps.stdSize', 0),
    correlation,
    tickSize,
    volumeMean,
    volumeDispersion: finite(options.volume?.dispersion ?? 0.5, 'volume.dispersion', 0),
    gapSigma: (volatility * 0.5) / Math.sqrt(DAYS_PER_YEAR),
  };
}
