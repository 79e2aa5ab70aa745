import type { ParameterSpecs } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { buildSpace, parseRange } from './build-space.js';
import { parameterKey, spaceSize } from './dimension.js';

const specs = {
  fast: { type: 'integer', default: 10, min: 2, max: 200 },
  slow: { type: 'integer', default: 30, min: 3, max: 400, step: 10 },
  x: { type: 'number', default: 0.2, min: 0, max: 1 },
  ma: { type: 'choice', default: 'sma', choices: ['sma', 'ema', 'wma'] },
  flag: { type: 'boolean', default: false },
  free: { type: 'number', default: 5 },
} as const satisfies ParameterSpecs;

describe('search spaces', () => {
  it('reads a stepped integer range', () => {
    expect(parseRange('fast', specs.fast, '5:50:5')).toEqual({
      kind: 'numeric',
      name: 'fast',
      integer: true,
      low: 5,
      high: 50,
      log: false,
      values: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50],
    });
    // A step that does not divide the range stops at the last value reached.
    expect(parseRange('fast', specs.fast, '5:52:5')).toMatchObject({ high: 50 });
  });

  it('reads a stepped real range with clean values', () => {
    const d = parseRange('x', specs.x, '0.1:0.5:0.05');
    expect(d).toMatchObject({ integer: false, values: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] });
  });

  it('reads continuous, log-uniform and log-spaced ranges', () => {
    expect(parseRange('x', specs.x, '0.1:0.5')).toMatchObject({ log: false, values: null });
    expect(parseRange('x', specs.x, '0.001:1:log')).toMatchObject({ log: true, values: null, low: 0.001, high: 1 });
    expect(parseRange('x', specs.x, '0.001:1:log:4')).toMatchObject({ log: true, values: [0.001, 0.01, 0.1, 1] });
    // Every integer of an integer range without a step.
    expect(parseRange('fast', specs.fast, '2:6')).toMatchObject({ values: [2, 3, 4, 5, 6] });
    // Rounded log-spaced integers drop repeats.
    expect(parseRange('fast', specs.fast, '2:4:log:5')).toMatchObject({ values: [2, 3, 4] });
  });

  it('reads lists, single values and the declared range', () => {
    expect(parseRange('ma', specs.ma, 'sma,ema')).toEqual({ kind: 'choice', name: 'ma', values: ['sma', 'ema'] });
    expect(parseRange('fast', specs.fast, '20,5,10')).toMatchObject({ kind: 'numeric', values: [5, 10, 20] });
    expect(parseRange('flag', specs.flag, 'true,false')).toEqual({
      kind: 'choice',
      name: 'flag',
      values: [true, false],
    });
    expect(parseRange('fast', specs.fast, '12')).toEqual({ kind: 'fixed', name: 'fast', value: 12 });
    const declared = parseRange('slow', specs.slow, '*');
    expect(declared).toMatchObject({ kind: 'numeric', low: 3, high: 393 });
    expect(declared.kind === 'numeric' && declared.values?.slice(0, 3)).toEqual([3, 13, 23]);
    expect(declared.kind === 'numeric' && declared.values?.length).toBe(40);
  });

  it('refuses ranges outside the declaration or badly written, saying why', () => {
    expect(() => parseRange('fast', specs.fast, '1:50:5')).toThrow(
      'expected the range of fast to start at or above its declared minimum 2, got 1',
    );
    expect(() => parseRange('fast', specs.fast, '5:500')).toThrow(/declared maximum 200/);
    expect(() => parseRange('fast', specs.fast, '5:50:2.5')).toThrow(/integer/);
    expect(() => parseRange('fast', specs.fast, '50:5')).toThrow(/low end of fast's range below its high end/);
    expect(() => parseRange('x', specs.x, '0:1:log')).toThrow(/positive low end/);
    expect(() => parseRange('x', specs.x, '0.1:0.5:0')).toThrow(/positive step/);
    expect(() => parseRange('ma', specs.ma, 'sma,hma')).toThrow('expected ma to be one of sma, ema, wma, got "hma"');
    expect(() => parseRange('ma', specs.ma, 'a:b')).toThrow(/list of values/);
    expect(() => parseRange('fast', specs.fast, '5,5')).toThrow(/repeat/);
    expect(() => parseRange('fast', specs.fast, '')).toThrow(/expected a range/);
  });

  it('searches the given parameters and holds the others at their defaults', () => {
    const space = buildSpace(specs, { fast: '5:50:5', ma: 'sma,ema' });
    expect(space.dimensions.map((d) => `${d.name}:${d.kind}`)).toEqual([
      'fast:numeric',
      'slow:fixed',
      'x:fixed',
      'ma:choice',
      'flag:fixed',
      'free:fixed',
    ]);
    expect(spaceSize(space)).toBe(20);
    expect(parameterKey(space, { ma: 'ema', fast: 5, slow: 30, x: 0.2, flag: false, free: 5 })).toBe(
      '[5,30,0.2,"ema",false,5]',
    );
  });

  it('searches every declared range when no range is given', () => {
    const space = buildSpace(specs);
    expect(space.dimensions.map((d) => d.kind)).toEqual(['numeric', 'numeric', 'numeric', 'choice', 'choice', 'fixed']);
    expect(space.dimensions[2]).toMatchObject({ values: null, low: 0, high: 1 });
    expect(spaceSize(space)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses unknown parameters and a space with nothing to search', () => {
    expect(() => buildSpace(specs, { fsat: '1:2' })).toThrow(/unknown parameter fsat \(parameters: fast, slow/);
    expect(() => buildSpace(specs, { fast: '10' })).toThrow(/at least one parameter to search/);
    expect(() => buildSpace({}, {})).toThrow(/at least one parameter/);
  });
});
