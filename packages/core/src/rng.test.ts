import { describe, expect, it } from 'vitest';
import { SeededRng, xoshiroNext, xoshiroState } from './rng.js';

describe('SeededRng', () => {
  it('repeats its sequence for the same seed and differs across seeds', () => {
    const a = new SeededRng(42);
    const b = new SeededRng(42);
    const c = new SeededRng(43);
    const xs = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.nextUint32())).not.toEqual(xs);
    expect(new SeededRng(2 ** 32).nextUint32()).not.toBe(new SeededRng(0).nextUint32());
  });

  it('draws uniform floats in [0, 1) with the right mean and variance', () => {
    const rng = new SeededRng(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextFloat();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('draws standard normals', () => {
    const rng = new SeededRng(11);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextNormal();
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 1.959964) beyond++;
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sq / n).toBeCloseTo(1, 1);
    expect(beyond / n).toBeCloseTo(0.05, 2);
  });

  it('draws unbiased bounded integers', () => {
    const rng = new SeededRng(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => rng.nextInt(0)).toThrow('expected an integer bound');
  });

  it('steps the same xoshiro128** stream through xoshiroState and xoshiroNext', () => {
    for (const seed of [0, 42, -7, 2 ** 32, 2 ** 53 - 1]) {
      const rng = new SeededRng(seed);
      const state = xoshiroState(seed);
      const direct = Array.from({ length: 1000 }, () => xoshiroNext(state));
      expect(direct).toEqual(Array.from({ length: 1000 }, () => rng.nextUint32()));
      expect(direct.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    }
    expect(() => xoshiroState(0.5)).toThrow('expected an integer seed');
  });

  it('keeps its streams from one version to the next', () => {
    // Pinned: seeded data sets and tests elsewhere depend on these exact streams.
    const a = new SeededRng(42);
    expect(Array.from({ length: 4 }, () => a.nextUint32())).toEqual([2837322924, 544945897, 479756282, 3500138142]);
    const b = new SeededRng(2 ** 40 + 3);
    expect([b.nextUint32(), b.nextUint32()]).toEqual([2848918883, 213444617]);
  });
});
