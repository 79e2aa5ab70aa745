import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../risk/risk-adjusted.js';
import { quantileSorted } from '../support/moments.js';
import { seededReturns } from '../testing/seeded-series.js';
import { bootstrapSharpeInterval, defaultMeanBlockLength, stationaryResample } from './resampling.js';

/** AR(1) returns r_t = φ·r_{t−1} + e_t: serially correlated, which i.i.d. resampling ignores. */
function autocorrelated(n: number, phi: number, seed: number): Float64Array {
  const rng = new SeededRng(seed);
  const out = new Float64Array(n);
  let previous = 0;
  for (let t = 0; t < n; t++) {
    previous = phi * previous + 0.01 * rng.nextNormal();
    out[t] = 0.0004 + previous;
  }
  return out;
}

describe('the stationary bootstrap of the Sharpe ratio', () => {
  const r = seededReturns(21, 400, 0.0008);

  it('equals a second, plain implementation of Politis and Romano (1994) with the same generator', () => {
    const options = { samples: 300, seed: 5, confidence: 0.9, method: 'stationary', meanBlockLength: 7 } as const;
    const rng = new SeededRng(5);
    const sharpes: number[] = [];
    for (let s = 0; s < 300; s++) {
      const draw: number[] = [];
      let j = -1;
      for (let i = 0; i < r.length; i++) {
        if (i === 0 || rng.nextFloat() < 1 / 7) j = rng.nextInt(r.length);
        else j = (j + 1) % r.length;
        draw.push(r[j] as number);
      }
      sharpes.push(sharpeRatio(Float64Array.from(draw), 252));
    }
    const sorted = Float64Array.from(sharpes).sort();
    const interval = bootstrapSharpeInterval(r, 252, options);
    expect(interval).toEqual({
      confidence: 0.9,
      method: 'stationary',
      meanBlockLength: 7,
      lower: quantileSorted(sorted, 0.05),
      upper: quantileSorted(sorted, 0.95),
      samples: 300,
      seed: 5,
    });
  });

  it('collapses to the sample Sharpe when blocks never restart: every resample is a rotation', () => {
    const interval = bootstrapSharpeInterval(r, 252, {
      samples: 50,
      seed: 1,
      confidence: 0.95,
      method: 'stationary',
      meanBlockLength: 1e15,
    });
    const sr = sharpeRatio(r, 252);
    expect(interval.lower).toBeCloseTo(sr, 10);
    expect(interval.upper).toBeCloseTo(sr, 10);
  });

  it('draws blocks whose mean length is the one asked for', () => {
    const n = 200_000;
    const values = Float64Array.from({ length: n }, (_, i) => i);
    const out = new Float64Array(n);
    stationaryResample(values, 8, new SeededRng(3), out);
    let blocks = 1;
    for (let i = 1; i < n; i++) if (out[i] !== ((out[i - 1] as number) + 1) % n) blocks++;
    expect(n / blocks).toBeGreaterThan(7.8);
    expect(n / blocks).toBeLessThan(8.2);
  });

  it('gives a wider interval than i.i.d. resampling on positively autocorrelated returns', () => {
    const ar = autocorrelated(1000, 0.5, 9);
    const base = { samples: 1000, seed: 2, confidence: 0.95 };
    const iid = bootstrapSharpeInterval(ar, 252, base);
    const blocks = bootstrapSharpeInterval(ar, 252, { ...base, method: 'stationary', meanBlockLength: 20 });
    // With φ = 0.5 the long-run variance of the mean is (1 + φ)/(1 − φ) = 3 times the i.i.d. one:
    // the interval should be about √3 ≈ 1.7 times wider.
    const ratio = (blocks.upper - blocks.lower) / (iid.upper - iid.lower);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(2.2);
  });

  it('defaults the mean block length to ⌈n^(1/3)⌉ and rejects bad settings', () => {
    expect(defaultMeanBlockLength(1000)).toBe(10);
    expect(defaultMeanBlockLength(1001)).toBe(11);
    const interval = bootstrapSharpeInterval(r, 252, { samples: 10, seed: 0, confidence: 0.9, method: 'stationary' });
    expect(interval.meanBlockLength).toBe(8); // ⌈400^(1/3)⌉ = ⌈7.37⌉
    expect(bootstrapSharpeInterval(r, 252, { samples: 10, seed: 0, confidence: 0.9 }).meanBlockLength).toBeNaN();
    expect(() =>
      bootstrapSharpeInterval(r, 252, {
        samples: 10,
        seed: 0,
        confidence: 0.9,
        method: 'stationary',
        meanBlockLength: 0.5,
      }),
    ).toThrow('expected a mean block length of at least 1, got 0.5');
    expect(() =>
      bootstrapSharpeInterval(r, 252, { samples: 10, seed: 0, confidence: 0.9, method: 'blocks' as never }),
    ).toThrow('expected bootstrap method iid or stationary, got blocks');
  });
});
