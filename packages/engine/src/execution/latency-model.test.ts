import { type Rng, SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { createLatencyModel } from './latency-model.js';

const fixedRng = (value: number): Rng =>
  ({ nextFloat: () => value, nextUint32: () => 0, nextNormal: () => 0 }) as unknown as Rng;

describe('createLatencyModel', () => {
  it('has no delay without a configuration', () => {
    expect(createLatencyModel(undefined)(new SeededRng(1))).toBe(0);
  });

  it('returns the fixed delay when there is no jitter, without drawing', () => {
    const rng = { nextFloat: () => Number.NaN } as unknown as Rng;
    expect(createLatencyModel({ fixed: 50_000 })(rng)).toBe(50_000);
    expect(createLatencyModel({ fixed: 50_000, jitter: 0 })(rng)).toBe(50_000);
  });

  it('adds a whole number of µs of jitter in [fixed, fixed + jitter)', () => {
    const model = createLatencyModel({ fixed: 1_000, jitter: 500 });
    // ⌊0.5 × 500⌋ = 250; ⌊0.999 × 500⌋ = 499; ⌊0 × 500⌋ = 0.
    expect(model(fixedRng(0.5))).toBe(1_250);
    expect(model(fixedRng(0.999))).toBe(1_499);
    expect(model(fixedRng(0))).toBe(1_000);
    const rng = new SeededRng(4);
    for (let i = 0; i < 200; i++) {
      const d = model(rng);
      expect(Number.isInteger(d) && d >= 1_000 && d < 1_500).toBe(true);
    }
  });

  it('passes a custom function through', () => {
    const custom = (): number => 7;
    expect(createLatencyModel(custom)).toBe(custom);
  });

  it('rejects negative or non-finite delays', () => {
    expect(() => createLatencyModel({ fixed: -1 })).toThrow('expected latency ≥ 0 µs, got -1');
    expect(() => createLatencyModel({ fixed: 0, jitter: Number.POSITIVE_INFINITY })).toThrow(
      'expected jitter ≥ 0 µs, got Infinity',
    );
  });
});
