import { SeededRng } from '../rng.js';
import type { SyntheticPlan } from './synthetic-options.js';

/** 1 / E[1 + |Z|] for a standard normal Z: keeps the volume's mean near `volumeMean`. */
const INVERSE_MEAN_ACTIVITY = 1 / (1 + Math.sqrt(2 / Math.PI));
const TWO_TO_MINUS_31 = 2 ** -31;
const TWO_TO_MINUS_32 = 2 ** -32;

/** Returns e^x, by a short series when |x| is small (bar-sized moves) since Math.exp is slow. */
function expSmall(x: number): number {
  if (x > 0.03 || x < -0.03) return Math.exp(x);
  return 1 + x * (1 + (x / 2) * (1 + (x / 3) * (1 + (x / 4) * (1 + (x / 5) * (1 + x / 6)))));
}

/** Returns a standard normal variate from 32-bit uniforms (polar method, spare discarded). */
export function normal(rng: SeededRng): number {
  let a: number;
  let s: number;
  do {
    a = (rng.nextUint32() + 0.5) * TWO_TO_MINUS_31 - 1;
    const b = (rng.nextUint32() + 0.5) * TWO_TO_MINUS_31 - 1;
    s = a * a + b * b;
  } while (s >= 1);
  return a * Math.sqrt((-2 * Math.log(s)) / s);
}

/** Returns a 32-bit FNV-1a hash of `text`. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Returns a seed for the stream called `name`, derived from the market seed. */
export function streamSeed(seed: number, name: string): number {
  // Two independent 32-bit hashes make a 53-bit seed, so streams almost never collide.
  const high = hashText(`${seed}\u0000${name}`) >>> 11;
  const low = hashText(`${name}\u0000${seed}`);
  return high * 4294967296 + low;
}

/** Destination columns for one chunk of one symbol. */
export interface ChunkColumns {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/**
 * The random price path of one symbol: its own random stream plus the state (log price,
 * GARCH variance, last printed close) that carries from one chunk to the next.
 */
export class SymbolPath {
  readonly #plan: SyntheticPlan;
  readonly #rng: SeededRng;
  #logPrice: number;
  #variance: number;
  #lastClose: number;
  readonly #scale: number;
  /** The tick in units of 1 / scale (an integer). */
  readonly #tickUnits: number;

  constructor(plan: SyntheticPlan, name: string, initialPrice: number) {
    this.#plan = plan;
    this.#rng = new SeededRng(streamSeed(plan.seed, name));
    this.#logPrice = Math.log(initialPrice);
    this.#variance =
      plan.garch === undefined ? plan.sigma * plan.sigma : plan.garch.omega / (1 - plan.garch.alpha - plan.garch.beta);
    this.#scale = decimalScale(plan.tickSize);
    this.#tickUnits = Math.round(plan.tickSize * this.#scale);
    this.#lastClose = roundToTick(initialPrice, plan.tickSize, this.#scale, this.#tickUnits);
  }

  /**
   * Fills `count` bars. `market` holds the common factor's shocks for these bars and
   * `gapBefore[j]` is 1 where bar j opens a new session (after a weekend).
   */
  fill(count: number, market: Float64Array, gapBefore: Uint8Array, out: ChunkColumns): void {
    const plan = this.#plan;
    const rng = this.#rng;
    const { mu, sigma, jumpRate, jumpMean, jumpStd, gapSigma, volumeMean, volumeDispersion } = plan;
    const loading = Math.sqrt(plan.correlation);
    const own = Math.sqrt(1 - plan.correlation);
    const garch = plan.garch;
    const omega = garch?.omega ?? 0;
    const alpha = garch?.alpha ?? 0;
    const beta = garch?.beta ?? 0;
    const noJumpProbability = Math.exp(-jumpRate);
    const volumeShift = (volumeDispersion * volumeDispersion) / 2;
    // Tiny volatilities would make the activity term overflow; volume then ignores the move.
    const activityScale = sigma > 1e-12 ? 1 / sigma : 0;
    const { open, high, low, close, volume } = out;
    const tick = plan.tickSize;
    const scale = this.#scale;
    const units = this.#tickUnits;
    let logPrice = this.#logPrice;
    let variance = this.#variance;
    let lastClose = this.#lastClose;
    for (let j = 0; j < count; j++) {
      // One polar-method pair gives the bar's own shock and its volume noise.
      let a: number;
      let b: number;
      let s: number;
      do {
        a = (rng.nextUint32() + 0.5) * TWO_TO_MINUS_31 - 1;
        b = (rng.nextUint32() + 0.5) * TWO_TO_MINUS_31 - 1;
        s = a * a + b * b;
      } while (s >= 1);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      let o = lastClose;
      if (gapBefore[j] === 1) {
        logPrice += gapSigma * normal(rng);
        o = roundToTick(Math.exp(logPrice), tick, scale, units);
      }
      const barSigma = garch === undefined ? sigma : Math.sqrt(variance);
      const shock = barSigma * (loading * (market[j] as number) + own * a * factor);
      let jump = 0;
      if (jumpRate > 0) {
        // Poisson count by inversion; almost always zero.
        let u = (rng.nextUint32() + 0.5) * TWO_TO_MINUS_32;
        let probability = noJumpProbability;
        for (let k = 1; u >= probability && k < 50; k++) {
          u -= probability;
          probability *= jumpRate / k;
          jump += jumpMean + jumpStd * normal(rng);
        }
      }
      if (garch !== undefined) variance = omega + alpha * shock * shock + beta * variance;
      const move = mu + shock + jump;
      // Extremes of a Brownian bridge from 0 to `move` with the bar's variance.
      const spread = -2 * barSigma * barSigma;
      const up = (move + Math.sqrt(move * move + spread * Math.log((rng.nextUint32() + 0.5) * TWO_TO_MINUS_32))) / 2;
      const down = (move - Math.sqrt(move * move + spread * Math.log((rng.nextUint32() + 0.5) * TWO_TO_MINUS_32))) / 2;
      const c = roundToTick(Math.exp(logPrice + move), tick, scale, units);
      const level = Math.exp(logPrice);
      const h = roundToTick(level * expSmall(up), tick, scale, units);
      const l = roundToTick(level * expSmall(down), tick, scale, units);
      open[j] = o;
      close[j] = c;
      high[j] = Math.max(h, o, c);
      low[j] = Math.min(l, o, c);
      const activity = (1 + Math.abs(move - mu) * activityScale) * INVERSE_MEAN_ACTIVITY;
      volume[j] = Math.round(volumeMean * Math.exp(volumeDispersion * b * factor - volumeShift) * activity);
      logPrice += move;
      lastClose = c;
    }
    this.#logPrice = logPrice;
    this.#variance = variance;
    this.#lastClose = lastClose;
  }
}

// Rounds to the tick grid, never below one tick, printing tick multiples as their decimals
// (`scale` is 10^decimals of the tick and `units` the tick in 1/scale, or scale is 0).
function roundToTick(price: number, tick: number, scale: number, units: number): number {
  if (tick === 0) return price;
  const ticks = Math.max(1, Math.round(price / tick));
  return scale === 0 ? ticks * tick : (ticks * units) / scale;
}

// 10^decimals when the tick has a short decimal form (0.01 → 100, 0.25 → 100), else 0.
function decimalScale(tick: number): number {
  for (let decimals = 0, scale = 1; decimals <= 10; decimals++, scale *= 10) {
    if (Math.abs(Math.round(tick * scale) - tick * scale) < 1e-9 * scale) return scale;
  }
  return 0;
}
