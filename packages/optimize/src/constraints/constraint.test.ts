import { describe, expect, it } from 'vitest';
import type { ParameterSpace } from '../space/dimension.js';
import { compileConstraint, satisfiesAll } from './constraint.js';
import { parseExpression } from './expression-parser.js';

const space: ParameterSpace = {
  dimensions: [
    { kind: 'numeric', name: 'fast', integer: true, low: 2, high: 50, log: false, values: [2, 5, 10, 50] },
    { kind: 'numeric', name: 'slow', integer: true, low: 10, high: 200, log: false, values: [10, 20, 200] },
    { kind: 'choice', name: 'ma', values: ['sma', 'ema'] },
    { kind: 'choice', name: 'flag', values: [false, true] },
    { kind: 'numeric', name: 'x', integer: false, low: 0, high: 1, log: false, values: null },
  ],
};

const holds = (source: string, p: Record<string, number | string | boolean>): boolean =>
  compileConstraint(source, space).holds({ fast: 5, slow: 20, ma: 'sma', flag: false, x: 0.5, ...p });

describe('constraints between parameters', () => {
  it('compares parameters', () => {
    expect(holds('fast < slow', { fast: 5, slow: 20 })).toBe(true);
    expect(holds('fast < slow', { fast: 20, slow: 20 })).toBe(false);
    expect(holds('fast <= slow', { fast: 20, slow: 20 })).toBe(true);
    expect(holds('slow - fast >= 10', { fast: 10, slow: 20 })).toBe(true);
    expect(holds('slow - fast >= 10', { fast: 11, slow: 20 })).toBe(false);
  });

  it('follows arithmetic precedence and associativity', () => {
    // 2 + 3 * 4 = 14, (2 + 3) * 4 = 20, 2 ^ 3 ^ 2 = 2 ^ 9 = 512, -2 ^ 2 = -(2 ^ 2) = -4.
    expect(holds('2 + 3 * 4 == 14', {})).toBe(true);
    expect(holds('(2 + 3) * 4 == 20', {})).toBe(true);
    expect(holds('2 ^ 3 ^ 2 == 512', {})).toBe(true);
    expect(holds('2 ** 3 == 8', {})).toBe(true);
    expect(holds('-2 ^ 2 == -4', {})).toBe(true);
    expect(holds('10 - 4 - 3 == 3', {})).toBe(true);
    expect(holds('20 / 5 / 2 == 2', {})).toBe(true);
    expect(holds('slow % fast == 0', { fast: 5, slow: 20 })).toBe(true);
  });

  it('chains comparisons and combines them with and, or and not', () => {
    expect(holds('2 <= fast < slow <= 200', { fast: 5, slow: 20 })).toBe(true);
    expect(holds('2 <= fast < slow <= 200', { fast: 30, slow: 20 })).toBe(false);
    expect(holds("ma == 'ema' or fast > 3", { ma: 'sma', fast: 2 })).toBe(false);
    expect(holds("ma == 'ema' || fast > 3", { ma: 'ema', fast: 2 })).toBe(true);
    expect(holds('not flag and x < 0.75', { flag: false, x: 0.5 })).toBe(true);
    expect(holds('!flag && x < 0.75', { flag: true, x: 0.5 })).toBe(false);
    expect(holds('flag == true || ma != "sma"', { flag: false, ma: 'sma' })).toBe(false);
    // and binds tighter than or.
    expect(holds('true or false and false', {})).toBe(true);
  });

  it('knows a few functions', () => {
    expect(holds('abs(fast - slow) >= 15', { fast: 5, slow: 20 })).toBe(true);
    expect(holds('max(fast, slow, 100) == 100', {})).toBe(true);
    expect(holds('min(fast, slow) == fast', { fast: 5, slow: 20 })).toBe(true);
    expect(holds('floor(x * 10) == 5 && ceil(x) == 1 && round(x + 0.1) == 1', { x: 0.55 })).toBe(true);
    expect(holds('sqrt(16) == 4 && log(1) == 0', {})).toBe(true);
  });

  it('checks names, types and syntax before any run, pointing at the column', () => {
    const error = (source: string): string => {
      try {
        compileConstraint(source, space);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('fast < slwo')).toBe(
      'in constraint "fast < slwo" at column 8: unknown parameter slwo (parameters: fast, slow, ma, flag, x)',
    );
    expect(error('fast < ')).toBe('in constraint "fast < " at column 8: expected a value, got the end');
    expect(error('fast + slow')).toMatch(/expected a boolean as the result/);
    expect(error("ma < 'ema'")).toMatch(/expected numbers on both sides of </);
    expect(error('ma == 3')).toMatch(/cannot compare a string with a number/);
    expect(error('flag + 1 > 0')).toMatch(/expected a number before \+, got a boolean/);
    expect(error('fast < slow and 3')).toMatch(/expected a boolean after &&/);
    expect(error('fast < slow)')).toMatch(/column 12: unexpected "\)"/);
    expect(error('(fast < slow')).toMatch(/expected "\)", got the end/);
    expect(error('fast # slow')).toMatch(/column 6: unexpected character "#"/);
    expect(error("ma == 'ema")).toMatch(/expected a closing '/);
    expect(error('pow(fast, 2) > 3')).toMatch(/unknown function pow/);
    expect(error('abs(fast, slow) > 3')).toMatch(/expected 1 arguments for abs, got 2/);
  });

  it('never evaluates the text as JavaScript', () => {
    expect(() => compileConstraint('constructor.constructor("return 1")() == 1', space)).toThrow(
      /unexpected "\."|unexpected character/,
    );
    expect(() => compileConstraint('process.exit(1)', space)).toThrow();
    expect(() => compileConstraint('fast < slow; while(true){}', space)).toThrow(/unexpected character ";"/);
  });

  it('parses into a tree', () => {
    expect(parseExpression('fast < slow')).toEqual({
      kind: 'compare',
      operators: ['<'],
      operands: [
        { kind: 'name', name: 'fast', column: 1 },
        { kind: 'name', name: 'slow', column: 8 },
      ],
      column: 1,
    });
  });

  it('checks every constraint of a list', () => {
    const all = [compileConstraint('fast < slow', space), compileConstraint('slow - fast >= 10', space)];
    expect(satisfiesAll(all, { fast: 5, slow: 20 })).toBe(true);
    expect(satisfiesAll(all, { fast: 15, slow: 20 })).toBe(false);
    expect(satisfiesAll([], { fast: 15, slow: 20 })).toBe(true);
  });
});
