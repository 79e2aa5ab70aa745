import { normalCdf, normalQuantile } from '@alphintra/analytics';
import type { Rng } from '@alphintra/core';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * A one-dimensional Parzen (kernel) density on [low, high]: a mixture of normal kernels
 * truncated to the range, one centred on each observation plus a broad prior kernel at the
 * middle of the range (σ = the range) that keeps every region reachable.
 *
 * Bandwidths follow the adaptive rule of Bergstra et al. (2011): each observation's σ is the
 * larger of the distances to its neighbours among the sorted centres (the prior's centre is
 * one of them; the first and last centres have one neighbour), clipped to
 * [range / min(100, n + 2), range], so kernels are narrow where observations are dense and
 * broad while there are few.
 *
 * With `discrete`, the coordinate is an index of a value list: the domain is widened by half
 * a step on each side, samples are rounded, and densities are the kernel mass over
 * [i − ½, i + ½] rather than a point density.
 */
export class ParzenEstimator {
  readonly low: number;
  readonly high: number;
  readonly discrete: boolean;
  readonly #mu: Float64Array;
  readonly #sigma: Float64Array;
  readonly #weight: Float64Array;
  /** Mass of each kernel inside [low, high], for truncation. */
  readonly #mass: Float64Array;

  constructor(observations: readonly number[], low: number, high: number, discrete: boolean, priorWeight = 1) {
    this.discrete = discrete;
    this.low = discrete ? low - 0.5 : low;
    this.high = discrete ? high + 0.5 : high;
    const range = Math.max(this.high - this.low, 1e-12);
    const n = observations.length;
    const prior = (this.low + this.high) / 2;
    // Centres in ascending order, the prior's among them (it is a neighbour like any other).
    const centres = [...observations.map((x, i) => ({ x, i })), { x: prior, i: n }].sort(
      (a, b) => a.x - b.x || a.i - b.i,
    );
    const mu = new Float64Array(n + 1);
    const sigma = new Float64Array(n + 1);
    const weight = new Float64Array(n + 1);
    const minSigma = range / Math.min(100, n + 2);
    centres.forEach((c, rank) => {
      const left = rank > 0 ? c.x - (centres[rank - 1] as { x: number }).x : Number.NEGATIVE_INFINITY;
      const right = rank < n ? (centres[rank + 1] as { x: number }).x - c.x : Number.NEGATIVE_INFINITY;
      mu[rank] = c.x;
      if (c.i === n) {
        sigma[rank] = range;
        weight[rank] = priorWeight;
      } else {
        sigma[rank] = Math.min(range, Math.max(minSigma, left, right));
        weight[rank] = 1;
      }
    });
    const total = n + priorWeight;
    const mass = new Float64Array(n + 1);
    this.#mu = mu;
    this.#sigma = sigma;
    this.#weight = weight;
    this.#mass = mass;
    for (let k = 0; k <= n; k++) {
      weight[k] = (weight[k] as number) / total;
      mass[k] = this.#cdf(k, this.high) - this.#cdf(k, this.low);
    }
  }

  #cdf(k: number, x: number): number {
    return normalCdf((x - (this.#mu[k] as number)) / (this.#sigma[k] as number));
  }

  /** Returns the log density at `x` (log mass of [x − ½, x + ½] when discrete). */
  logDensity(x: number): number {
    let total = 0;
    for (let k = 0; k < this.#mu.length; k++) {
      const mass = this.#mass[k] as number;
      if (!(mass > 0)) continue;
      const w = this.#weight[k] as number;
      if (this.discrete) {
        const lo = Math.max(this.low, x - 0.5);
        const hi = Math.min(this.high, x + 0.5);
        total += (w * (this.#cdf(k, hi) - this.#cdf(k, lo))) / mass;
      } else {
        const s = this.#sigma[k] as number;
        const z = (x - (this.#mu[k] as number)) / s;
        total += (w * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / (s * mass);
      }
    }
    return total > 0 ? Math.log(total) : Number.NEGATIVE_INFINITY;
  }

  /** Draws a value: picks a kernel by weight, then samples it truncated to the range (rounded when discrete). */
  sample(rng: Rng): number {
    let u = rng.nextFloat();
    let k = 0;
    while (k < this.#weight.length - 1 && u >= (this.#weight[k] as number)) {
      u -= this.#weight[k] as number;
      k++;
    }
    const x = truncatedNormal(this.#mu[k] as number, this.#sigma[k] as number, this.low, this.high, rng.nextFloat());
    if (!this.discrete) return x;
    return Math.min(this.high - 0.5, Math.max(this.low + 0.5, Math.round(x)));
  }
}

/**
 * Returns the `u`-quantile (u in [0, 1)) of a normal(μ, σ) truncated to [low, high], by the
 * inverse CDF. Ranges above the mean are mirrored below it, so both tail probabilities stay
 * small numbers that doubles hold exactly.
 */
export function truncatedNormal(mu: number, sigma: number, low: number, high: number, u: number): number {
  if (low - mu > 0) return -truncatedNormal(-mu, sigma, -high, -low, 1 - u);
  const a = normalCdf((low - mu) / sigma);
  const b = normalCdf((high - mu) / sigma);
  if (!(b > a)) return Math.min(high, Math.max(low, mu));
  const x = mu + sigma * normalQuantile(a + u * (b - a));
  return Math.min(high, Math.max(low, x));
}
