import { describe, expect, it } from 'vitest';
import { SeededRng } from './rng.js';
import {
  exponentialFromDraw,
  exponentialZiggurat,
  normalFromDraw,
  normalZiggurat,
  sampleExponential,
  sampleNormal,
  type Uint32Source,
  ZIGGURAT_LAYERS,
  type Ziggurat,
} from './ziggurat.js';

// The exact standard normal upper tail Q(x) = 1 − Φ(x), by composite Simpson integration of
// the density (independent of the Mills-ratio continued fraction the tables are built with).
function upperTail(x: number): number {
  const steps = 4_000;
  const h = 12 / steps;
  const density = (t: number): number => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(x) + density(x + 12);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * density(x + k * h);
  return (sum * h) / 3;
}

function cdf(x: number): number {
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

function draw(n: number, sample: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample();
  return xs;
}

function moments(xs: Float64Array): { mean: number; variance: number; skewness: number; excessKurtosis: number } {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= xs.length;
  m3 /= xs.length;
  m4 /= xs.length;
  return { mean, variance: m2, skewness: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 };
}

function minimum(xs: Float64Array): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function fractionAbove(xs: Float64Array, threshold: number): number {
  let count = 0;
  for (const x of xs) if (x > threshold) count++;
  return count / xs.length;
}

// Five binomial standard errors: a fixed seed makes the test repeatable, the margin makes it fair.
function expectProportion(observed: number, expected: number, n: number): void {
  expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / n) + 1e-9);
}

function layerAreas(z: Ziggurat, f: (x: number) => number): number[] {
  const areas = [(z.edge[0] as number) * f(z.tail)];
  for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
    areas.push((z.edge[i] as number) * ((z.height[i + 1] as number) - (z.height[i] as number)));
  }
  return areas;
}

describe('ziggurat tables', () => {
  it('cut the normal and exponential densities into equal layers, the base one holding the tail', () => {
    for (const [z, f, tailArea] of [
      [normalZiggurat(), (x: number) => Math.exp((-x * x) / 2), (r: number) => Math.sqrt(2 * Math.PI) * upperTail(r)],
      [exponentialZiggurat(), (x: number) => Math.exp(-x), (r: number) => Math.exp(-r)],
    ] as const) {
      const areas = layerAreas(z, f);
      const first = areas[0] as number;
      for (const area of areas) expect(Math.abs(area / first - 1)).toBeLessThan(1e-9);
      // The base layer: the rectangle under the tail start plus the whole tail.
      expect(Math.abs(first / (z.tail * f(z.tail) + tailArea(z.tail)) - 1)).toBeLessThan(1e-9);
      for (let i = 1; i <= ZIGGURAT_LAYERS; i++) expect(z.edge[i]).toBeLessThan(z.edge[i - 1] as number);
      expect(z.edge[ZIGGURAT_LAYERS]).toBe(0);
      expect(z.height[ZIGGURAT_LAYERS]).toBe(1);
    }
    // Known tail starts of 256-layer ziggurats (Marsaglia and Tsang, 2000).
    expect(normalZiggurat().tail).toBeCloseTo(3.6541528853610088, 9);
    expect(exponentialZiggurat().tail).toBeCloseTo(7.69711747013105, 9);
  });
});

describe('sampleNormal', () => {
  const n = 1_000_000;
  const xs = draw(
    n,
    (
      (rng) => () =>
        sampleNormal(rng)
    )(new SeededRng(2024)),
  );

  it('has the moments of a standard normal', () => {
    const m = moments(xs);
    expect(Math.abs(m.mean)).toBeLessThan(0.005);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.007);
    expect(Math.abs(m.skewness)).toBeLessThan(0.015);
    expect(Math.abs(m.excessKurtosis)).toBeLessThan(0.03);
  });

  it('matches the exact normal CDF in the body and both tails', () => {
    for (const x of [-4, -3, -2, -1, -0.5, 0, 0.25, 1, 1.96, 3, 3.6541528853610088, 4]) {
      expectProportion(fractionAbove(xs, x), 1 - cdf(x), n);
    }
    // Chi-square over 34 bins: 33 degrees of freedom, so 80 is about six standard deviations out.
    const edges = [
      Number.NEGATIVE_INFINITY,
      ...Array.from({ length: 33 }, (_, k) => -4 + k / 4),
      Number.POSITIVE_INFINITY,
    ];
    const counts = new Array<number>(edges.length - 1).fill(0);
    for (const x of xs) {
      const bin = x < -4 ? 0 : x >= 4 ? edges.length - 2 : 1 + Math.floor((x + 4) * 4);
      counts[bin] = (counts[bin] as number) + 1;
    }
    let chiSquare = 0;
    for (let b = 0; b < counts.length; b++) {
      const low = edges[b] as number;
      const high = edges[b + 1] as number;
      const expected =
        n * ((high === Number.POSITIVE_INFINITY ? 1 : cdf(high)) - (low === Number.NEGATIVE_INFINITY ? 0 : cdf(low)));
      chiSquare += ((counts[b] as number) - expected) ** 2 / expected;
    }
    expect(chiSquare).toBeLessThan(80);
  });

  it('samples the tail beyond the base layer with the conditional normal tail', () => {
    const rng = new SeededRng(5);
    const r = normalZiggurat().tail;
    const m = 200_000;
    // Layer 0 (the low byte) with the largest positions: points beyond the tail start.
    const tail = draw(m, () => normalFromDraw(rng, 0x7fffff00));
    expect(minimum(tail)).toBeGreaterThanOrEqual(r);
    for (const d of [0.05, 0.2, 0.5, 1])
      expectProportion(fractionAbove(tail, r + d), upperTail(r + d) / upperTail(r), m);
    expect(normalFromDraw(rng, 0x80000000)).toBeLessThan(-r);
  });

  it('usually costs one 32-bit draw and repeats for the same seed', () => {
    const rng = new SeededRng(9);
    let draws = 0;
    const counting: Uint32Source = {
      nextUint32: () => {
        draws++;
        return rng.nextUint32();
      },
    };
    for (let i = 0; i < 100_000; i++) sampleNormal(counting);
    expect(draws / 100_000).toBeLessThan(1.05);
    const a = new SeededRng(77);
    const b = new SeededRng(77);
    expect(draw(1000, () => sampleNormal(a))).toEqual(draw(1000, () => sampleNormal(b)));
  });
});

describe('sampleExponential', () => {
  const n = 1_000_000;
  const xs = draw(
    n,
    (
      (rng) => () =>
        sampleExponential(rng)
    )(new SeededRng(99)),
  );

  it('has the mean, variance and survival function of a standard exponential', () => {
    const m = moments(xs);
    expect(Math.abs(m.mean - 1)).toBeLessThan(0.006);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.02);
    expect(minimum(xs)).toBeGreaterThan(0);
    for (const x of [0.01, 0.1, 0.5, 1, 2, 4, 7.69711747013105, 9])
      expectProportion(fractionAbove(xs, x), Math.exp(-x), n);
  });

  it('samples beyond the tail start as the tail start plus a fresh exponential', () => {
    const rng = new SeededRng(6);
    const r = exponentialZiggurat().tail;
    const m = 200_000;
    const tail = draw(m, () => exponentialFromDraw(rng, 0xffffff00));
    expect(minimum(tail)).toBeGreaterThanOrEqual(r);
    for (const d of [0.1, 1, 3]) expectProportion(fractionAbove(tail, r + d), Math.exp(-d), m);
  });
});
