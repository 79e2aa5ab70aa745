import { describe, expect, it } from 'vitest';
import { SeededRng } from '../rng.js';
import { decimalScale, expFast, expSmall, roundToInteger, roundToTick } from './fast-math.js';

// Relative error against Math.exp, which is itself within an ulp of e^x; 5e-16 is about two ulps.
function relativeError(approx: number, x: number): number {
  return Math.abs(approx / Math.exp(x) - 1);
}

describe('expFast', () => {
  it('agrees with Math.exp to within a few ulps over its table range and beyond', () => {
    const rng = new SeededRng(1);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = (rng.nextFloat() - 0.5) * 80;
      worst = Math.max(worst, relativeError(expFast(x), x));
    }
    for (let x = -39.5; x <= 39.5; x += 0.0078125) worst = Math.max(worst, relativeError(expFast(x), x));
    expect(worst).toBeLessThan(5e-16);
    expect(expFast(0)).toBe(1);
    expect(expFast(100)).toBe(Math.exp(100));
    expect(expFast(-800)).toBe(0);
    expect(expFast(Number.NaN)).toBeNaN();
  });
});

describe('expSmall', () => {
  it('agrees with Math.exp to within a few ulps for bar-sized and larger moves', () => {
    const rng = new SeededRng(2);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const small = (rng.nextFloat() - 0.5) * 0.06;
      const large = (rng.nextFloat() - 0.5) * 2;
      worst = Math.max(worst, relativeError(expSmall(small), small), relativeError(expSmall(large), large));
    }
    expect(worst).toBeLessThan(5e-16);
    expect(expSmall(0)).toBe(1);
  });

  it('never decreases across a grid of bar-sized moves, so rounded highs stay above closes', () => {
    let previous = 0;
    let decreases = 0;
    for (let x = -0.04; x <= 0.04; x += 1e-6) {
      const y = expSmall(x);
      if (y < previous) decreases++;
      previous = y;
    }
    expect(decreases).toBe(0);
  });
});

describe('roundToInteger', () => {
  it('rounds to the nearest integer like Math.round except that ties go to even', () => {
    const rng = new SeededRng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = (rng.nextFloat() - 0.5) * 2e6;
      if (Math.abs(x - Math.trunc(x)) !== 0.5) expect(roundToInteger(x)).toBe(Math.round(x));
    }
    expect([0.5, 1.5, 2.5, -0.5, -1.5].map((x) => roundToInteger(x) + 0)).toEqual([0, 2, 2, 0, -2]);
    expect(roundToInteger(0.49999999999999994)).toBe(0);
    expect(roundToInteger(2 ** 52 + 2)).toBe(2 ** 52 + 2);
    expect(roundToInteger(1e300)).toBe(1e300);
  });
});

describe('roundToTick', () => {
  it('rounds to the nearest tick, prints the decimal and never goes below one tick', () => {
    const at = (price: number, tick: number): number => {
      const scale = decimalScale(tick);
      return roundToTick(price, tick, 1 / tick, scale, Math.round(tick * scale));
    };
    expect(at(0.351, 0.01)).toBe(0.35);
    expect(at(123.456, 0.01)).toBe(123.46);
    expect(at(101.13, 0.25)).toBe(101.25);
    expect(at(0.0001, 0.01)).toBe(0.01);
    expect(at(7.4, 1)).toBe(7);
    expect(at(1.2345, 0)).toBe(1.2345);
    const rng = new SeededRng(4);
    for (let i = 0; i < 10_000; i++) {
      const cents = Math.floor(rng.nextFloat() * 1e7) + 1;
      expect(at(cents / 100 + (rng.nextFloat() - 0.5) * 0.0099, 0.01)).toBe(cents / 100);
    }
  });
});
