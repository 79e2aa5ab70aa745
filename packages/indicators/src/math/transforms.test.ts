import { describe, expect, it } from 'vitest';
import { ACOS, ADD, ASIN, DIV, LN, SUM } from './index.js';
import { MathTransformStream } from './transforms.js';

describe('the math transforms', () => {
  it('apply the function to every value, NaN outside its domain', () => {
    const x = Float64Array.from([-1, -0.5, 0, 0.5, 1, 2]);
    expect([...ACOS(x)]).toEqual([Math.PI, Math.acos(-0.5), Math.PI / 2, Math.acos(0.5), 0, NaN]);
    expect([...ASIN(x)].slice(2, 5)).toEqual([0, Math.asin(0.5), Math.PI / 2]);
    expect(LN(Float64Array.from([Math.E]))[0]).toBeCloseTo(1, 15);
  });

  it('stream the same values, ready from the first one', () => {
    const stream = new MathTransformStream('ASIN');
    expect(stream.isReady).toBe(false);
    expect(stream.update(0.5)).toBe(Math.asin(0.5));
    expect(stream.isReady).toBe(true);
    expect(stream.replace(1)).toBe(Math.PI / 2);
  });
});

describe('the math operators', () => {
  it('combine two series value by value, dividing by zero as IEEE does', () => {
    const a = Float64Array.from([1, 2, 3]);
    const b = Float64Array.from([4, 0, -3]);
    expect([...ADD(a, b)]).toEqual([5, 2, 0]);
    expect([...DIV(a, b)]).toEqual([0.25, Infinity, -1]);
  });

  it('refuse inputs of different lengths', () => {
    expect(() => ADD(new Float64Array(2), new Float64Array(3))).toThrow(/equal length/);
  });

  it('sum rolling windows', () => {
    expect([...SUM(Float64Array.from([1, 2, 3, 4]), { timeperiod: 3 })]).toEqual([NaN, NaN, 6, 9]);
  });
});
