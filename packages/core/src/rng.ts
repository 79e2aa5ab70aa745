import { AlphintraError } from './errors.js';

/**
 * A source of randomness. Pure code takes an `Rng` instead of calling `Math.random()`, so
 * every run can be repeated exactly from its seed.
 */
export interface Rng {
  /** Returns a uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** Returns a uniformly distributed double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Returns a standard normal variate (mean 0, variance 1). */
  nextNormal(): number;
  /** Returns a uniformly distributed integer in [0, bound). */
  nextInt(bound: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded xoshiro128** generator: fast, 2^128 − 1 period, and identical on every platform.
 * The seed is expanded with splitmix32 so that nearby seeds give unrelated streams.
 *
 * @example
 * const rng = new SeededRng(42);
 * rng.nextFloat(); // the same value on every run
 */
export class SeededRng implements Rng {
  readonly #state: Int32Array;
  #spare = Number.NaN;

  constructor(seed: number) {
    this.#state = xoshiroState(seed);
  }

  nextUint32(): number {
    return xoshiroNext(this.#state);
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  nextNormal(): number {
    // Marsaglia's polar method; the second variate is kept for the next call.
    if (!Number.isNaN(this.#spare)) {
      const value = this.#spare;
      this.#spare = Number.NaN;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * factor;
    return u * factor;
  }

  nextInt(bound: number): number {
    if (!(Number.isInteger(bound) && bound > 0 && bound <= 4294967296)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected an integer bound in [1, 2^32], got ${bound}`);
    }
    // Rejection sampling removes modulo bias.
    const limit = 4294967296 - (4294967296 % bound);
    let x: number;
    do {
      x = this.nextUint32();
    } while (x >= limit);
    return x % bound;
  }
}

/**
 * Returns the xoshiro128** state (four 32-bit words) that `new SeededRng(seed)` starts from.
 * Hot loops keep such a state and step it with {@link xoshiroNext}, which the optimiser
 * inlines, instead of calling a method per draw.
 */
export function xoshiroState(seed: number): Int32Array {
  if (!Number.isInteger(seed)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected an integer seed, got ${seed}`);
  }
  // Fold seeds beyond 32 bits in, so that 2^32 and 0 differ.
  const high = Math.floor(seed / 4294967296);
  const next = splitmix32((seed >>> 0) ^ Math.imul(high >>> 0, 0x27d4eb2d));
  const state = Int32Array.of(next(), next(), next(), next());
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/**
 * Advances a xoshiro128** `state` (from {@link xoshiroState}) and returns its next output, an
 * unsigned 32-bit integer: the draw behind every {@link SeededRng} method.
 */
export function xoshiroNext(state: Int32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  state[0] = s0 ^ s3;
  state[1] = s1 ^ s2;
  state[2] = s2 ^ (s1 << 9);
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/**
 * A xoshiro128** stream over a state array (from {@link xoshiroState}): the same draws as
 * {@link SeededRng.nextUint32}, for hot loops that step `state` inline with
 * {@link xoshiroNext} and hand the stream to helpers for the occasional extra draw.
 */
export class XoshiroStream {
  /** The stream's four 32-bit words, shared with whoever steps them inline. */
  readonly state: Int32Array;

  constructor(state: Int32Array) {
    this.state = state;
  }

  /** Returns the next unsigned 32-bit draw. */
  nextUint32(): number {
    return xoshiroNext(this.state);
  }
}
