import { describe, expect, it } from 'vitest';
import { roundedCos, roundedSin } from './rounded-trig.js';

const TWO_PI = Math.atan(1) * 8;

describe('roundedSin and roundedCos', () => {
  // Reference values rounded from a 300-bit evaluation (mpmath); Math.sin/Math.cos in V8
  // miss each of these by one ulp.
  it.each([
    [3, 2, 'sin', -0.8660254037844384],
    [19, 7, 'sin', 0.7357239106731318],
    [5, 3, 'cos', -0.8090169943749476],
    [21, 1, 'cos', 0.9555728057861407],
    [40, 33, 'sin', -0.8910065241883679],
  ] as const)('return the nearest double at 2π·%i/%i… (%s)', (n, i, fn, expected) => {
    const angle = ((i as number) * TWO_PI) / (n as number);
    expect(fn === 'sin' ? roundedSin(angle) : roundedCos(angle)).toBe(expected);
  });

  it('stay within one ulp of Math.sin and Math.cos over every DFT angle', () => {
    for (let n = 1; n <= 50; n++) {
      for (let i = 0; i < n; i++) {
        const angle = (i * TWO_PI) / n;
        expect(Math.abs(roundedSin(angle) - Math.sin(angle))).toBeLessThanOrEqual(2.3e-16);
        expect(Math.abs(roundedCos(angle) - Math.cos(angle))).toBeLessThanOrEqual(2.3e-16);
      }
    }
  });

  it('are exact at zero and odd around it', () => {
    expect(roundedSin(0)).toBe(0);
    expect(roundedCos(0)).toBe(1);
    expect(roundedSin(-0.5)).toBe(-roundedSin(0.5));
    expect(roundedCos(-0.5)).toBe(roundedCos(0.5));
  });
});
