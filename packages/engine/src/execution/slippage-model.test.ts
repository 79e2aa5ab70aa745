import { type Rng, SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { createSlippageModel, type SlippageInput } from './slippage-model.js';

const fixedRng = (value: number): Rng =>
  ({ nextFloat: () => value, nextUint32: () => 0, nextNormal: () => 0 }) as unknown as Rng;

const input = (over: Partial<SlippageInput> = {}): SlippageInput => ({
  side: 'buy',
  price: 100,
  quantity: 1_000,
  barVolume: 10_000,
  high: 102,
  low: 98,
  close: 100,
  rng: new SeededRng(1),
  ...over,
});

describe('createSlippageModel', () => {
  it('slips nothing without a configuration or with kind none', () => {
    expect(createSlippageModel(undefined)(input())).toBe(0);
    expect(createSlippageModel({ kind: 'none' })(input())).toBe(0);
  });

  it('slips a fixed number of basis points of price', () => {
    // 5 bp of 100 = 0.05; 5 bp of 250 = 0.125.
    const slip = createSlippageModel({ kind: 'fixed-bps', bps: 5 });
    expect(slip(input())).toBeCloseTo(0.05, 12);
    expect(slip(input({ price: 250, side: 'sell' }))).toBeCloseTo(0.125, 12);
  });

  it('pays half a spread given in basis points or in price units', () => {
    // 10 bp of 100 = 0.10 spread → 0.05.
    expect(createSlippageModel({ kind: 'spread', spreadBps: 10 })(input())).toBeCloseTo(0.05, 12);
    // A 0.02 spread → 0.01, whatever the price.
    expect(createSlippageModel({ kind: 'spread', spread: 0.02 })(input({ price: 7 }))).toBeCloseTo(0.01, 12);
  });

  it('draws a random spread uniformly in [0, half spread] from the run generator', () => {
    const slip = createSlippageModel({ kind: 'spread', spread: 0.2, random: true });
    // Half spread 0.1 × draw 0.25 = 0.025.
    expect(slip(input({ rng: fixedRng(0.25) }))).toBeCloseTo(0.025, 12);
    expect(slip(input({ rng: fixedRng(0) }))).toBe(0);
    // Same seed, same draws.
    const a = [1, 2, 3].map(() => slip(input({ rng: new SeededRng(9) })));
    const b = [1, 2, 3].map(() => slip(input({ rng: new SeededRng(9) })));
    expect(a).toEqual(b);
  });

  it('grows a volume-share impact with the square of the share of volume', () => {
    const slip = createSlippageModel({ kind: 'volume-share', impact: 0.1 });
    // share 1,000 / 10,000 = 0.1 → 100 × 0.1 × 0.01 = 0.1.
    expect(slip(input())).toBeCloseTo(0.1, 12);
    // share 0.2 → 100 × 0.1 × 0.04 = 0.4 (twice the size, four times the impact).
    expect(slip(input({ quantity: 2_000 }))).toBeCloseTo(0.4, 12);
    // Unknown volume: no impact.
    expect(slip(input({ barVolume: 0 }))).toBe(0);
    expect(slip(input({ barVolume: Number.NaN }))).toBe(0);
  });

  it('grows a square-root impact with the bar range and the square root of the share', () => {
    const slip = createSlippageModel({ kind: 'square-root', coefficient: 0.5 });
    // σ = (102 − 98) / 100 = 0.04; √(2,500 / 10,000) = 0.5 → 100 × 0.5 × 0.04 × 0.5 = 1.
    expect(slip(input({ quantity: 2_500 }))).toBeCloseTo(1, 12);
    expect(slip(input({ barVolume: 0 }))).toBe(0);
    expect(slip(input({ high: 100, low: 100 }))).toBe(0);
  });

  it('rejects bad configurations with a clear message', () => {
    expect(() => createSlippageModel({ kind: 'fixed-bps', bps: -1 })).toThrow('expected bps ≥ 0, got -1');
    expect(() => createSlippageModel({ kind: 'spread' })).toThrow('expected exactly one of spreadBps or spread');
    expect(() => createSlippageModel({ kind: 'spread', spread: 1, spreadBps: 1 })).toThrow('exactly one');
    expect(() => createSlippageModel({ kind: 'volume-share', impact: Number.NaN })).toThrow('impact');
    expect(() => createSlippageModel({ kind: 'magic' } as never)).toThrow('unknown slippage model magic');
  });
});
