import type { Rng } from './rng.js';

/**
 * Ziggurat samplers for the standard normal and the standard exponential distributions
 * (Marsaglia and Tsang's method): the area under the density is cut into equal-area horizontal
 * layers, and a point drawn uniformly in a layer's rectangle is almost always under the curve.
 * So about 98 % of variates cost one 32-bit draw, a table look-up and a multiplication, with no
 * logarithm, square root or rejection loop. The low 8 bits of the draw pick one of 256 layers
 * and the remaining 24 bits the position in it (sign and 23 bits for the normal), so the fast
 * path uses each bit once.
 *
 * The tables are built on first use, from the densities alone (no stored constants).
 */

/** Bits of a draw that pick the layer (the low ones); the others give the position in it. */
export const ZIGGURAT_BITS = 8;
/** Layers per ziggurat. */
export const ZIGGURAT_LAYERS = 2 ** ZIGGURAT_BITS;
/** Mask of the low bits of a draw that pick the layer. */
export const ZIGGURAT_MASK = ZIGGURAT_LAYERS - 1;

/** The tables of one ziggurat. */
export interface Ziggurat {
  /**
   * Right edge of each layer's rectangle, widest first: `edge[0]` is the base layer's virtual
   * width (its rectangle's area equals the tail's), `edge[1]` is where the tail starts and
   * `edge[ZIGGURAT_LAYERS]` is 0. A point of layer i left of `edge[i + 1]` is under the curve.
   */
  readonly edge: Float64Array;
  /** The (unnormalised) density at each edge: 1 at `edge[ZIGGURAT_LAYERS]` = 0. */
  readonly height: Float64Array;
  /** `edge[i]` divided by the range of the position bits: turns them into a point of layer i. */
  readonly scale: Float64Array;
  /** Where the tail starts (`edge[1]`). */
  readonly tail: number;
}

type Density = (x: number) => number;

/**
 * Builds the layers of a decreasing density `f` on [0, ∞) with f(0) = 1, given its inverse and
 * its tail area. The tail start r is found by bisection so that the layers, each of area
 * r f(r) + tail(r), stack up to exactly f = 1.
 */
function buildZiggurat(f: Density, inverse: Density, tailArea: Density, positions: number): Ziggurat {
  // Height reached by the top layer for tail start r: above 1 means r is too small.
  const overshoot = (r: number): number => {
    const area = r * f(r) + tailArea(r);
    let x = r;
    for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
      const y = f(x) + area / x;
      if (y >= 1) return 1;
      x = inverse(y);
    }
    return f(x) + area / x - 1;
  };
  let low = 0.5;
  let high = 50;
  for (let k = 0; k < 200 && high - low > 1e-15 * high; k++) {
    const middle = (low + high) / 2;
    if (overshoot(middle) > 0) low = middle;
    else high = middle;
  }
  const r = high;
  const area = r * f(r) + tailArea(r);
  const edge = new Float64Array(ZIGGURAT_LAYERS + 1);
  edge[0] = area / f(r);
  edge[1] = r;
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
    const xi = edge[i] as number;
    edge[i + 1] = inverse(Math.min(1, f(xi) + area / xi));
  }
  edge[ZIGGURAT_LAYERS] = 0;
  const height = new Float64Array(ZIGGURAT_LAYERS + 1);
  const scale = new Float64Array(ZIGGURAT_LAYERS + 1);
  for (let i = 0; i <= ZIGGURAT_LAYERS; i++) {
    height[i] = i === ZIGGURAT_LAYERS ? 1 : f(edge[i] as number);
    scale[i] = (edge[i] as number) / positions;
  }
  return { edge, height, scale, tail: r };
}

// Mills ratio (1 − Φ(x)) / φ(x) by its continued fraction 1 / (x + 1 / (x + 2 / (x + 3 / …))),
// accurate to rounding for x ≥ 2 with this depth, which covers the tail start (≈ 3.65).
function millsRatio(x: number): number {
  let fraction = x;
  for (let k = 400; k >= 1; k--) fraction = x + k / fraction;
  return 1 / fraction;
}

const halfGaussian: Density = (x) => Math.exp((-x * x) / 2);

let normalTables: Ziggurat | undefined;
let exponentialTables: Ziggurat | undefined;

/**
 * Returns the ziggurat of the standard normal (positions are 24-bit signed: sign and 23 bits),
 * built on first use (a few milliseconds) rather than whenever the package loads.
 */
export function normalZiggurat(): Ziggurat {
  normalTables ??= buildZiggurat(
    halfGaussian,
    (y) => Math.sqrt(-2 * Math.log(y)),
    (x) => halfGaussian(x) * millsRatio(x),
    2 ** (31 - ZIGGURAT_BITS),
  );
  return normalTables;
}

/** Returns the ziggurat of the standard exponential (positions are 24-bit unsigned), built on first use. */
export function exponentialZiggurat(): Ziggurat {
  exponentialTables ??= buildZiggurat(
    (x) => Math.exp(-x),
    (y) => -Math.log(y),
    (x) => Math.exp(-x),
    2 ** (32 - ZIGGURAT_BITS),
  );
  return exponentialTables;
}

/** A source of 32-bit draws; any {@link Rng} is one. */
export type Uint32Source = Pick<Rng, 'nextUint32'>;

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * Returns a standard normal variate (mean 0, variance 1) by the ziggurat method: usually one
 * 32-bit draw. Faster than {@link Rng.nextNormal} (polar method), but with 23-bit resolution
 * inside each layer instead of 53 bits.
 *
 * @example
 * const rng = new SeededRng(1);
 * const z = sampleNormal(rng);
 */
export function sampleNormal(rng: Uint32Source): number {
  return normalFromDraw(rng, rng.nextUint32());
}

/**
 * Returns the standard normal variate that the 32-bit draw `u` selects, taking more draws
 * from `rng` only when `u` falls outside its layer's core (about 1.5 % of draws). Hot loops
 * inline the core test and call this for the rest.
 */
export function normalFromDraw(rng: Uint32Source, u: number): number {
  const { edge, height, scale, tail } = normalTables ?? normalZiggurat();
  const layer = u & ZIGGURAT_MASK;
  const x = (((u | 0) >> ZIGGURAT_BITS) + 0.5) * (scale[layer] as number);
  if (Math.abs(x) < (edge[layer + 1] as number)) return x;
  if (layer === 0) {
    // Marsaglia's tail method: r + a with a exponential, thinned to the Gaussian tail.
    let a: number;
    let b: number;
    do {
      a = -Math.log((rng.nextUint32() + 0.5) * TWO_TO_MINUS_32) / tail;
      b = -Math.log((rng.nextUint32() + 0.5) * TWO_TO_MINUS_32);
    } while (2 * b <= a * a);
    return x < 0 ? -(tail + a) : tail + a;
  }
  // A wedge between the layer's core and the curve: keep x if a uniform height lies under it.
  const low = height[layer] as number;
  const y = low + (rng.nextUint32() + 0.5) * TWO_TO_MINUS_32 * ((height[layer + 1] as number) - low);
  return y < Math.exp((-x * x) / 2) ? x : sampleNormal(rng);
}

/**
 * Returns a standard exponential variate (mean 1), the same as `−ln U`, by the ziggurat
 * method: usually one 32-bit draw and no logarithm.
 *
 * @example
 * const rng = new SeededRng(1);
 * const e = sampleExponential(rng);
 */
export function sampleExponential(rng: Uint32Source): number {
  return exponentialFromDraw(rng, rng.nextUint32());
}

/**
 * Returns the standard exponential variate that the 32-bit draw `u` selects, taking more
 * draws from `rng` only when `u` falls outside its layer's core (about 2 % of draws).
 */
export function exponentialFromDraw(rng: Uint32Source, u: number): number {
  const { edge, height, scale, tail } = exponentialTables ?? exponentialZiggurat();
  const layer = u & ZIGGURAT_MASK;
  const x = ((u >>> ZIGGURAT_BITS) + 0.5) * (scale[layer] as number);
  if (x < (edge[layer + 1] as number)) return x;
  // The exponential forgets: beyond the tail start it is the tail start plus a fresh variate.
  if (layer === 0) return tail + sampleExponential(rng);
  const low = height[layer] as number;
  const y = low + (rng.nextUint32() + 0.5) * TWO_TO_MINUS_32 * ((height[layer + 1] as number) - low);
  return y < Math.exp(-x) ? x : sampleExponential(rng);
}
