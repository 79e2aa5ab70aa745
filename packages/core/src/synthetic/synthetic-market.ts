import { BarSeries } from '../bar-series.js';
import { AlphintraError } from '../errors.js';
import { XoshiroStream, xoshiroNext, xoshiroState } from '../rng.js';
import { MICROS_PER_DAY } from '../time.js';
import { normalFromDraw, normalZiggurat, ZIGGURAT_BITS, ZIGGURAT_MASK } from '../ziggurat.js';
import { type ChunkColumns, SymbolPath, streamSeed } from './symbol-path.js';
import { planSyntheticMarket, type SyntheticMarketOptions, type SyntheticPlan } from './synthetic-options.js';

/** Bars per call of the time loop (see #fillTimes). */
const TIME_BLOCK = 4096;

/** Name of the common market factor's random stream (never a symbol's name: it holds a NUL). */
const MARKET_STREAM = '\u0000market';

/**
 * A seeded generator of realistic synthetic bars for one or many symbols: a log-price random
 * walk with drift, GARCH(1,1) volatility clustering, compound-Poisson jumps, a common market
 * factor for cross-symbol correlation, Brownian-bridge highs and lows, tick rounding and
 * log-normal volume that rises with the size of the move (docs/data/synthetic-market.md).
 *
 * Bars come in chunks so that any number of them (100 million and more) fits in constant
 * memory; every chunk holds the same bars for all symbols. Each symbol draws from its own
 * stream, derived from the seed and its name, so a symbol's bars do not depend on which
 * other symbols are generated with it, nor on the chunk size.
 *
 * @example
 * const market = new SyntheticMarket({ seed: 42, symbols: 3, bars: 1_000_000, garch: {} });
 * for (let chunk = market.nextChunk(100_000); chunk !== null; chunk = market.nextChunk(100_000)) {
 *   for (const { symbol, series } of chunk) store(symbol, series);
 * }
 */
export class SyntheticMarket {
  /** The symbols, in output order. */
  readonly symbols: string[];
  readonly #plan: SyntheticPlan;
  readonly #paths: SymbolPath[];
  readonly #market: XoshiroStream;
  #produced = 0;
  /** The open time of the next bar. */
  readonly #clock: Float64Array;
  #sessionOpens = false;

  /** `only` limits generation to the symbols at these indices (used by {@link generateBars}). */
  constructor(options: SyntheticMarketOptions, only?: readonly number[]) {
    const plan = planSyntheticMarket(options);
    const indices = only ?? plan.names.map((_, i) => i);
    for (const i of indices) {
      if (!(Number.isInteger(i) && i >= 0 && i < plan.names.length)) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected a symbol index in [0, ${plan.names.length}), got ${i}`);
      }
    }
    this.#plan = plan;
    this.symbols = indices.map((i) => plan.names[i] as string);
    this.#paths = indices.map((i) => new SymbolPath(plan, plan.names[i] as string, plan.initialPrices[i] as number));
    this.#market = new XoshiroStream(xoshiroState(streamSeed(plan.seed, MARKET_STREAM)));
    this.#clock = Float64Array.of(plan.weekdays ? skipWeekend(plan.start) : plan.start);
  }

  /** Bars per symbol not generated yet. */
  get remaining(): number {
    return this.#plan.bars - this.#produced;
  }

  /**
   * Returns the next `maxBars` bars (fewer at the end) of every symbol, or null when all bars
   * have been generated. Each chunk owns fresh arrays.
   */
  nextChunk(maxBars: number): { symbol: string; series: BarSeries }[] | null {
    if (!(Number.isInteger(maxBars) && maxBars > 0)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer chunk size, got ${maxBars}`);
    }
    const count = Math.min(maxBars, this.remaining);
    if (count === 0) return null;
    const plan = this.#plan;
    const time = new Float64Array(count);
    // Only allocated when used: at 10 M bars they would cost 90 MB.
    const gapBefore = plan.weekdays ? new Uint8Array(count) : undefined;
    this.#fillTimes(time, gapBefore);
    let market: Float64Array | undefined;
    if (plan.correlation > 0) {
      market = new Float64Array(count);
      fillNormals(this.#market, market);
    }
    this.#produced += count;
    return this.#paths.map((path, k) => {
      const columns: ChunkColumns = {
        open: new Float64Array(count),
        high: new Float64Array(count),
        low: new Float64Array(count),
        close: new Float64Array(count),
        volume: new Float64Array(count),
      };
      path.fill(count, market, gapBefore, columns);
      const symbol = this.symbols[k] as string;
      const series = BarSeries.fromColumns(
        { time: k === 0 ? time : time.slice(), ...columns },
        { symbol, timeframe: plan.timeframe },
      );
      return { symbol, series };
    });
  }

  #fillTimes(time: Float64Array, gapBefore: Uint8Array | undefined): void {
    // In blocks, like SymbolPath.fill: a long loop entered by on-stack replacement would box
    // the time of every bar.
    for (let start = 0; start < time.length; start += TIME_BLOCK) {
      this.#fillTimeBlock(time, gapBefore, start, Math.min(time.length, start + TIME_BLOCK));
    }
  }

  #fillTimeBlock(time: Float64Array, gapBefore: Uint8Array | undefined, start: number, end: number): void {
    const step = this.#plan.barMicros;
    // The time is carried in a Float64Array, stored every bar: see SymbolPath's bar loop.
    const clock = this.#clock;
    let t = clock[0] as number;
    if (gapBefore === undefined) {
      for (let j = start; j < end; j++) {
        time[j] = t;
        t += step;
        clock[0] = t;
      }
    } else {
      for (let j = start; j < end; j++) {
        time[j] = t;
        if (this.#sessionOpens) gapBefore[j] = 1;
        const next = skipWeekend(t + step);
        // A bar that had to skip a weekend opens a new session.
        this.#sessionOpens = next !== t + step;
        t = next;
        clock[0] = t;
      }
    }
  }
}

// Fills `out` with standard normals from `stream`, the ziggurat's fast path inlined and kept
// apart from the rare call, so that no number is boxed per bar.
function fillNormals(stream: XoshiroStream, out: Float64Array): void {
  const state = stream.state;
  const { scale, edge } = normalZiggurat();
  for (let j = 0; j < out.length; j++) {
    const u = xoshiroNext(state);
    const layer = u & ZIGGURAT_MASK;
    const x = (((u | 0) >> ZIGGURAT_BITS) + 0.5) * (scale[layer] as number);
    if (Math.abs(x) < (edge[layer + 1] as number)) out[j] = x;
    else out[j] = normalFromDraw(stream, u);
  }
}

// Moves a time on a Saturday or Sunday (UTC) to the following Monday 00:00.
function skipWeekend(time: number): number {
  const day = Math.floor(time / MICROS_PER_DAY);
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  if (weekday === 6) return (day + 2) * MICROS_PER_DAY;
  if (weekday === 0) return (day + 1) * MICROS_PER_DAY;
  return time;
}

/**
 * Returns one symbol's synthetic bars in memory: the same bars that {@link SyntheticMarket}
 * gives for the symbol at `symbolIndex` (default 0) with the same options.
 *
 * @example
 * const series = generateBars({ seed: 7, bars: 10_000, timeframe: parseTimeframe('1h'), volatility: 0.3 });
 */
export function generateBars(options: SyntheticMarketOptions & { readonly symbolIndex?: number }): BarSeries {
  const market = new SyntheticMarket(options, [options.symbolIndex ?? 0]);
  const chunk = market.nextChunk(Math.max(1, options.bars));
  const symbol = market.symbols[0];
  return (
    chunk?.[0]?.series ?? BarSeries.empty(1, { symbol, timeframe: options.timeframe ?? { unit: 'minute', count: 1 } })
  );
}
