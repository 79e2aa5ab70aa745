import { XoshiroStream, xoshiroState } from '../rng.js';
import {
  exponentialFromDraw,
  exponentialZiggurat,
  normalFromDraw,
  normalZiggurat,
  sampleNormal,
  ZIGGURAT_BITS,
  ZIGGURAT_MASK,
} from '../ziggurat.js';
import { decimalScale, expFast, expSmall, roundToInteger, roundToTick } from './fast-math.js';
import type { SyntheticPlan } from './synthetic-options.js';

/** 1 / E[1 + |Z|] for a standard normal Z: keeps the volume's mean near `volumeMean`. */
const INVERSE_MEAN_ACTIVITY = 1 / (1 + Math.sqrt(2 / Math.PI));
const TWO_TO_MINUS_32 = 2 ** -32;

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
 * Bars per call of the bar loop. A loop that the optimiser enters while it runs (on-stack
 * replacement) keeps its doubles boxed, one allocation each per bar; a loop that starts afresh
 * every few thousand bars soon runs as regular optimised code.
 */
const BLOCK_BARS = 4096;

/**
 * The random price path of one symbol: its own random stream plus the state (price level,
 * GARCH variance, last printed close) that carries from one chunk to the next.
 *
 * A bar that opens a session first draws the weekend gap's normal. Then each bar takes four
 * draws from the stream: the ziggurat draws of the shock's normal, the high's and the low's
 * exponentials and the volume's normal, plus the jump count's uniform with jumps. Then, in
 * this order and only when needed: the completion of any of the first four that missed its
 * layer's core, and the jump sizes. The stream is consumed bar after bar, so chunk boundaries
 * do not change it.
 */
export class SymbolPath {
  readonly #plan: SyntheticPlan;
  /** The symbol's stream: the bar loop steps its state inline and passes it on for rare draws. */
  readonly #stream: XoshiroStream;
  /** The bar's four or five draws. */
  readonly #draws = new Int32Array(5);
  /**
   * The completed draws computed by calls in the bar loop's rare branch: passing them through a
   * Float64Array keeps the loop's variables unboxed doubles.
   */
  readonly #scratch = new Float64Array(4);
  /**
   * The carried state: e^(log price) unrounded (compounding it saves an exponential per bar),
   * the GARCH variance and the last printed close. A Float64Array, not fields, for the same
   * reason as #scratch.
   */
  readonly #carry: Float64Array;
  readonly #loading: number;
  readonly #own: number;
  readonly #noJumpProbability: number;
  readonly #volumeShift: number;
  readonly #activityScale: number;
  readonly #inverseTick: number;
  readonly #scale: number;
  /** The tick in units of 1 / scale (an integer). */
  readonly #tickUnits: number;

  constructor(plan: SyntheticPlan, name: string, initialPrice: number) {
    this.#plan = plan;
    this.#stream = new XoshiroStream(xoshiroState(streamSeed(plan.seed, name)));
    this.#loading = Math.sqrt(plan.correlation);
    this.#own = Math.sqrt(1 - plan.correlation);
    this.#noJumpProbability = Math.exp(-plan.jumpRate);
    this.#volumeShift = (plan.volumeDispersion * plan.volumeDispersion) / 2;
    // Tiny volatilities would make the activity term overflow; volume then ignores the move.
    this.#activityScale = plan.sigma > 1e-12 ? 1 / plan.sigma : 0;
    this.#inverseTick = 1 / plan.tickSize;
    this.#scale = decimalScale(plan.tickSize);
    this.#tickUnits = Math.round(plan.tickSize * this.#scale);
    const variance =
      plan.garch === undefined ? plan.sigma * plan.sigma : plan.garch.omega / (1 - plan.garch.alpha - plan.garch.beta);
    const close = roundToTick(initialPrice, plan.tickSize, this.#inverseTick, this.#scale, this.#tickUnits);
    this.#carry = Float64Array.of(initialPrice, variance, close);
  }

  /**
   * Fills `count` bars. `market` holds the common factor's shocks for these bars (undefined
   * when the correlation is 0) and `gapBefore[j]` is 1 where bar j opens a new session after a
   * weekend (undefined with continuous sessions).
   */
  fill(count: number, market: Float64Array | undefined, gapBefore: Uint8Array | undefined, out: ChunkColumns): void {
    let start = 0;
    while (start < count) {
      let end = Math.min(count, start + BLOCK_BARS);
      if (gapBefore !== undefined) {
        // Blocks stop before a session opens, so the bar loop never sees a weekend gap.
        if (gapBefore[start] === 1) this.#openSession();
        for (let j = start + 1; j < end; j++) {
          if (gapBefore[j] === 1) {
            end = j;
            break;
          }
        }
      }
      this.#fillBlock(start, end, market, out);
      start = end;
    }
  }

  /** Moves the price by the weekend gap (one normal draw) and opens the next bar there. */
  #openSession(): void {
    const plan = this.#plan;
    const carry = this.#carry;
    const level = (carry[0] as number) * Math.exp(plan.gapSigma * sampleNormal(this.#stream));
    carry[0] = level;
    carry[2] = roundToTick(level, plan.tickSize, this.#inverseTick, this.#scale, this.#tickUnits);
  }

  #fillBlock(start: number, end: number, market: Float64Array | undefined, out: ChunkColumns): void {
    const { mu, sigma, garch, jumpRate, jumpMean, jumpStd, volumeMean, volumeDispersion } = this.#plan;
    const omega = garch?.omega ?? 0;
    const alpha = garch?.alpha ?? 0;
    const beta = garch?.beta ?? 0;
    const loading = this.#loading;
    const own = this.#own;
    const noJumpProbability = this.#noJumpProbability;
    const volumeShift = this.#volumeShift;
    const activityScale = this.#activityScale;
    const tick = this.#plan.tickSize;
    const inverseTick = this.#inverseTick;
    const scale = this.#scale;
    const units = this.#tickUnits;
    const { open, high, low, close, volume } = out;
    const source = this.#stream;
    const state = source.state;
    const draws = this.#draws;
    const scratch = this.#scratch;
    const carry = this.#carry;
    const { scale: normalScale, edge: normalEdge } = normalZiggurat();
    const { scale: exponentialScale, edge: exponentialEdge } = exponentialZiggurat();
    let level = carry[0] as number;
    let variance = carry[1] as number;
    let lastClose = carry[2] as number;
    // The stream's state lives in locals here. It and the carried values are stored every bar
    // rather than once after the loop: code the optimiser entered mid-loop has no feedback for
    // stores after the loop and would fall back to the interpreter there on every call.
    let s0 = state[0] as number;
    let s1 = state[1] as number;
    let s2 = state[2] as number;
    let s3 = state[3] as number;
    // With jumps, a fifth draw per bar is the jump count's uniform.
    const drawCount = jumpRate > 0 ? 5 : 4;
    const jumpThreshold = noJumpProbability * 4294967296;
    for (let j = start; j < end; j++) {
      for (let k = 0; k < drawCount; k++) {
        // xoshiro128**, as xoshiroNext.
        const m = Math.imul(s1, 5);
        draws[k] = Math.imul((m << 7) | (m >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
      state[0] = s0;
      state[1] = s1;
      state[2] = s2;
      state[3] = s3;
      // The ziggurats' fast paths (normalFromDraw, exponentialFromDraw), inlined.
      const d0 = draws[0] as number;
      const d1 = draws[1] as number;
      const d2 = draws[2] as number;
      const d3 = draws[3] as number;
      const shockLayer = d0 & ZIGGURAT_MASK;
      const riseLayer = d1 & ZIGGURAT_MASK;
      const fallLayer = d2 & ZIGGURAT_MASK;
      const noiseLayer = d3 & ZIGGURAT_MASK;
      let z = ((d0 >> ZIGGURAT_BITS) + 0.5) * (normalScale[shockLayer] as number);
      let rise = ((d1 >>> ZIGGURAT_BITS) + 0.5) * (exponentialScale[riseLayer] as number);
      let fall = ((d2 >>> ZIGGURAT_BITS) + 0.5) * (exponentialScale[fallLayer] as number);
      let noise = ((d3 >> ZIGGURAT_BITS) + 0.5) * (normalScale[noiseLayer] as number);
      const drawsDone =
        Math.abs(z) < (normalEdge[shockLayer + 1] as number) &&
        rise < (exponentialEdge[riseLayer + 1] as number) &&
        fall < (exponentialEdge[fallLayer + 1] as number) &&
        Math.abs(noise) < (normalEdge[noiseLayer + 1] as number);
      // Jumps happen when the uniform (u + 0.5) / 2^32 passes the probability of none.
      const jumps = drawCount === 5 && ((draws[4] as number) >>> 0) + 0.5 >= jumpThreshold;
      const o = lastClose;
      let jump = 0;
      if (!drawsDone || jumps) {
        if (!drawsDone) {
          for (let k = 0; k < 4; k++) {
            const u = draws[k] as number;
            scratch[k] = k === 0 || k === 3 ? normalFromDraw(source, u) : exponentialFromDraw(source, u);
          }
          z = scratch[0] as number;
          rise = scratch[1] as number;
          fall = scratch[2] as number;
          noise = scratch[3] as number;
        }
        if (jumps) {
          // Poisson count by inversion.
          let p = (((draws[4] as number) >>> 0) + 0.5) * TWO_TO_MINUS_32;
          let probability = noJumpProbability;
          for (let k = 1; p >= probability && k < 50; k++) {
            p -= probability;
            probability *= jumpRate / k;
            jump += jumpMean + jumpStd * sampleNormal(source);
          }
        }
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
      const barSigma = garch === undefined ? sigma : Math.sqrt(variance);
      // The standardised diffusive shock; GARCH's α ε² is α σ² e², which keeps the square
      // root off the variance's bar-to-bar dependency chain.
      const e = market === undefined ? z : loading * (market[j] as number) + own * z;
      if (garch !== undefined) variance = omega + variance * (alpha * e * e + beta);
      const move = mu + barSigma * e + jump;
      // Extremes of a Brownian bridge from 0 to `move` with the bar's variance:
      // (x ± √(x² + 2σ²E)) / 2 with E exponential (−ln U).
      const spread = 2 * barSigma * barSigma;
      const moveSquared = move * move;
      const up = (move + Math.sqrt(moveSquared + spread * rise)) * 0.5;
      const down = (move - Math.sqrt(moveSquared + spread * fall)) * 0.5;
      const next = level * expSmall(move);
      const c = roundToTick(next, tick, inverseTick, scale, units);
      let h = roundToTick(level * expSmall(up), tick, inverseTick, scale, units);
      let l = roundToTick(level * expSmall(down), tick, inverseTick, scale, units);
      // Rounding is monotone, so these rarely fire: branches that are almost never taken
      // cost nothing, unlike a max() of often-equal prices.
      if (h < c) h = c;
      if (h < o) h = o;
      if (l > c) l = c;
      if (l > o) l = o;
      open[j] = o;
      high[j] = h;
      low[j] = l;
      close[j] = c;
      const activity = (1 + Math.abs(move - mu) * activityScale) * INVERSE_MEAN_ACTIVITY;
      volume[j] = roundToInteger(volumeMean * expFast(volumeDispersion * noise - volumeShift) * activity);
      level = next;
      lastClose = c;
      carry[0] = level;
      carry[1] = variance;
      carry[2] = lastClose;
    }
  }
}
