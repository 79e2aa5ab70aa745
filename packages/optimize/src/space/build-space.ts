import { AlphintraError } from '@alphintra/core';
import type { NumberParameter, ParameterSpecs, StrategyParameter } from '@alphintra/engine';
import { type Dimension, type ParameterSpace, type ParameterValue, tidy } from './dimension.js';

/** Largest number of values one dimension may list. */
export const MAX_DIMENSION_VALUES = 1_000_000;

const fail = (message: string): never => {
  throw new AlphintraError('INVALID_ARGUMENT', message);
};

function number(name: string, text: string, integer: boolean): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) fail(`expected a number in the range of ${name}, got "${text}"`);
  if (integer && !Number.isInteger(value)) fail(`expected an integer in the range of ${name}, got "${text}"`);
  return value;
}

function checkBounds(name: string, spec: NumberParameter, low: number, high: number): void {
  if (spec.min !== undefined && low < spec.min)
    fail(`expected the range of ${name} to start at or above its declared minimum ${spec.min}, got ${low}`);
  if (spec.max !== undefined && high > spec.max)
    fail(`expected the range of ${name} to end at or below its declared maximum ${spec.max}, got ${high}`);
}

function steppedValues(name: string, low: number, high: number, step: number, integer: boolean): number[] {
  if (!(step > 0)) fail(`expected a positive step in the range of ${name}, got ${step}`);
  const count = Math.floor((high - low) / step + 1e-9) + 1;
  if (count > MAX_DIMENSION_VALUES)
    fail(`the range of ${name} has ${count} values; the limit is ${MAX_DIMENSION_VALUES}`);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(integer ? low + i * step : tidy(low + i * step));
  return values;
}

function logValues(name: string, low: number, high: number, points: number, integer: boolean): number[] {
  if (!(Number.isInteger(points) && points >= 2 && points <= MAX_DIMENSION_VALUES))
    fail(`expected a point count of at least 2 after log in the range of ${name}, got ${points}`);
  const values: number[] = [];
  const ratio = Math.log(high / low);
  for (let i = 0; i < points; i++) {
    const raw = i === points - 1 ? high : low * Math.exp((ratio * i) / (points - 1));
    const v = integer ? Math.round(raw) : tidy(raw);
    if (values[values.length - 1] !== v) values.push(v);
  }
  return values;
}

function numericDimension(name: string, spec: NumberParameter, text: string): Dimension {
  const integer = spec.type === 'integer';
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 4)
    fail(`expected low:high, low:high:step, low:high:log or low:high:log:points for ${name}, got "${text}"`);
  const low = number(name, parts[0] as string, integer);
  const high = number(name, parts[1] as string, integer);
  if (!(low < high)) fail(`expected the low end of ${name}'s range below its high end, got ${low}:${high}`);
  checkBounds(name, spec, low, high);
  const third = parts[2];
  if (third === 'log') {
    if (!(low > 0)) fail(`expected a positive low end for the log range of ${name}, got ${low}`);
    const values = parts[3] === undefined ? null : logValues(name, low, high, Number(parts[3]), integer);
    return { kind: 'numeric', name, integer, low, high, log: true, values };
  }
  if (parts.length === 4) fail(`expected low:high:log:points for ${name}, got "${text}"`);
  if (third === undefined) {
    const values = integer ? steppedValues(name, low, high, 1, true) : null;
    return { kind: 'numeric', name, integer, low, high, log: false, values };
  }
  const step = number(name, third, integer);
  const values = steppedValues(name, low, high, step, integer);
  return { kind: 'numeric', name, integer, low, high: values[values.length - 1] as number, log: false, values };
}

function coerce(name: string, spec: StrategyParameter, text: string): ParameterValue {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const value = number(name, text, spec.type === 'integer');
      checkBounds(name, spec, value, value);
      return value;
    }
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return fail(`expected true or false for ${name}, got "${text}"`);
    case 'choice':
      if (!spec.choices.includes(text)) fail(`expected ${name} to be one of ${spec.choices.join(', ')}, got "${text}"`);
      return text;
  }
}

/** Returns the dimension a strategy parameter's own declaration implies (see {@link buildSpace}). */
export function declaredDimension(name: string, spec: StrategyParameter): Dimension {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      if (spec.min === undefined || spec.max === undefined || !(spec.min < spec.max))
        return { kind: 'fixed', name, value: spec.default };
      const integer = spec.type === 'integer';
      const step = spec.step ?? (integer ? 1 : undefined);
      const values = step === undefined ? null : steppedValues(name, spec.min, spec.max, step, integer);
      const high = values === null ? spec.max : (values[values.length - 1] as number);
      return { kind: 'numeric', name, integer, low: spec.min, high, log: false, values };
    }
    case 'boolean':
      return { kind: 'choice', name, values: [false, true] };
    case 'choice':
      return { kind: 'choice', name, values: [...spec.choices] };
  }
}

/**
 * Parses one user range for a declared parameter:
 * - `5:50:5` a stepped range; `5:50` every integer (integers) or the continuous range (reals);
 * - `0.001:1:log` log-uniform over the range; `0.001:1:log:10` ten log-spaced points;
 * - `sma,ema` or `5,10,20` a list of values; `10` one fixed value; `*` the declared range.
 *
 * @example
 * parseRange('fast', { type: 'integer', default: 10, min: 2, max: 200 }, '5:50:5'); // values 5, 10 … 50
 */
export function parseRange(name: string, spec: StrategyParameter, text: string): Dimension {
  const body = text.trim();
  if (body === '') fail(`expected a range or value for ${name}, got nothing`);
  if (body === '*') return declaredDimension(name, spec);
  const numeric = spec.type === 'integer' || spec.type === 'number';
  if (numeric && body.includes(':')) return numericDimension(name, spec, body);
  if (body.includes(':')) fail(`expected a list of values for ${spec.type} parameter ${name}, got "${body}"`);
  const items = body.split(',').map((s) => s.trim());
  const values = items.map((item) => coerce(name, spec, item));
  const unique = [...new Set(values)];
  if (unique.length !== values.length) fail(`the values of ${name} repeat: "${body}"`);
  if (unique.length === 1) return { kind: 'fixed', name, value: unique[0] as ParameterValue };
  if (numeric) {
    const sorted = (unique as number[]).sort((a, b) => a - b);
    const integer = spec.type === 'integer';
    return {
      kind: 'numeric',
      name,
      integer,
      low: sorted[0] as number,
      high: sorted[sorted.length - 1] as number,
      log: false,
      values: sorted,
    };
  }
  return { kind: 'choice', name, values: unique };
}

/**
 * Returns the search space of a strategy: parameters given a range are searched over it, the
 * others are held at their defaults. Without any range, every parameter with a declared
 * [min, max] (in its declared step, every integer, or continuously for reals), every choice and
 * every boolean is searched, the rest held at their defaults. Unknown names are an error.
 *
 * @example
 * buildSpace(strategy.parameters, { fast: '5:50:5', slow: '20:200:10' });
 */
export function buildSpace(specs: ParameterSpecs, ranges: Readonly<Record<string, string>> = {}): ParameterSpace {
  const known = Object.keys(specs);
  for (const name of Object.keys(ranges)) {
    if (!Object.hasOwn(specs, name))
      fail(
        `unknown parameter ${name}${known.length > 0 ? ` (parameters: ${known.join(', ')})` : ' (the strategy has no parameters)'}`,
      );
  }
  const none = Object.keys(ranges).length === 0;
  const dimensions = known.map((name): Dimension => {
    const spec = specs[name] as StrategyParameter;
    const range = ranges[name];
    if (range !== undefined) return parseRange(name, spec, range);
    return none ? declaredDimension(name, spec) : { kind: 'fixed', name, value: spec.default };
  });
  if (!dimensions.some((d) => d.kind !== 'fixed'))
    fail('expected at least one parameter to search: give a range such as --param fast=5:50:5');
  return { dimensions };
}
