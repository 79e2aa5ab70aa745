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
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spare = Number.NaN;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected an integer seed, got ${seed}`);
    }
    // Fold seeds beyond 32 bits in, so that 2^32 and 0 differ.
    const high = Math.floor(seed / 4294967296);
    const next = splitmix32((seed >>> 0) ^ Math.imul(high >>> 0, 0x27d4eb2d));
    this.#s0 = next();
    this.#s1 = next();
    this.#s2 = next();
    this.#s3 = next();
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
