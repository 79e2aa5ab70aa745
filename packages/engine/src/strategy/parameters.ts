import { AlphintraError } from '@alphintra/core';

/** A numeric parameter: optimisers search `[min, max]` in steps of `step`. */
export interface NumberParameter {
  readonly type: 'integer' | 'number';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly description?: string;
}

/** An on/off parameter. */
export interface BooleanParameter {
  readonly type: 'boolean';
  readonly default: boolean;
  readonly description?: string;
}

/** One of a fixed set of strings. */
export interface ChoiceParameter {
  readonly type: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
  readonly description?: string;
}

/** A typed strategy parameter with its default and range. */
export type StrategyParameter = NumberParameter | BooleanParameter | ChoiceParameter;

/** Parameters of a strategy, by name. */
export type ParameterSpecs = Readonly<Record<string, StrategyParameter>>;

/** The values a strategy receives, typed from its specs. */
export type ParameterValues<P extends ParameterSpecs> = {
  readonly [K in keyof P]: P[K] extends BooleanParameter ? boolean : P[K] extends ChoiceParameter ? string : number;
};

/** A parameter value as given on a command line or in JSON. */
export type RawParameter = string | number | boolean;

function coerce(name: string, spec: StrategyParameter, raw: RawParameter): number | boolean | string {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const value =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(value))
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected a number for parameter ${name}, got ${JSON.stringify(raw)}`,
        );
      if (spec.type === 'integer' && !Number.isInteger(value)) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected an integer for parameter ${name}, got ${value}`);
      }
      if (spec.min !== undefined && value < spec.min)
        throw new AlphintraError('INVALID_ARGUMENT', `expected parameter ${name} ≥ ${spec.min}, got ${value}`);
      if (spec.max !== undefined && value > spec.max)
        throw new AlphintraError('INVALID_ARGUMENT', `expected parameter ${name} ≤ ${spec.max}, got ${value}`);
      return value;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected true or false for parameter ${name}, got ${JSON.stringify(raw)}`,
      );
    }
    case 'choice': {
      const value = String(raw);
      if (!spec.choices.includes(value)) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected parameter ${name} to be one of ${spec.choices.join(', ')}, got ${JSON.stringify(raw)}`,
        );
      }
      return value;
    }
  }
}

/**
 * Returns parameter values as `name=value` pairs separated by spaces, in their order (empty for
 * none): how run summaries, errors and reports name a parameter set.
 *
 * @example
 * formatParameters({ fast: 10, slow: 30 }); // 'fast=10 slow=30'
 */
export function formatParameters(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
}

/**
 * Returns the full parameter set: defaults overridden by `overrides`, each checked against
 * its type and range. Unknown names are an error, so a typo never runs silently with the default.
 *
 * @example
 * resolveParameters({ fast: { type: 'integer', default: 10, min: 2 } }, { fast: '20' }); // { fast: 20 }
 */
export function resolveParameters<P extends ParameterSpecs>(
  specs: P,
  overrides: Readonly<Record<string, RawParameter>> = {},
): ParameterValues<P> {
  const out: Record<string, number | boolean | string> = {};
  // for … in over own keys: no key lists are built (a sweep resolves thousands of sets).
  for (const name in overrides) {
    if (!Object.hasOwn(overrides, name)) continue;
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown parameter ${name}${known.length > 0 ? ` (parameters: ${known.join(', ')})` : ' (the strategy has no parameters)'}`,
      );
    }
  }
  for (const name in specs) {
    if (!Object.hasOwn(specs, name)) continue;
    const spec = specs[name] as StrategyParameter;
    const raw = overrides[name];
    out[name] = raw === undefined ? coerce(name, spec, spec.default) : coerce(name, spec, raw);
  }
  return out as ParameterValues<P>;
}
