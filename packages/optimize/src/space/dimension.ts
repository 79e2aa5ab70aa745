import { assertNever } from '@alphintra/core';

/** A parameter value as strategies receive it. */
export type ParameterValue = number | string | boolean;

/** One point of a search space: a value for every parameter, by name. */
export type ParameterSet = Readonly<Record<string, ParameterValue>>;

/**
 * A numeric parameter searched over a range: either a finite ascending list of `values`
 * (a stepped range, log-spaced points or an explicit list) or, when `values` is null, the
 * continuous range [low, high] (uniform, or log-uniform with `log`; integers are rounded).
 */
export interface NumericDimension {
  readonly kind: 'numeric';
  readonly name: string;
  readonly integer: boolean;
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly values: readonly number[] | null;
}

/** A parameter searched over an unordered set of values (strategy choices, booleans). */
export interface ChoiceDimension {
  readonly kind: 'choice';
  readonly name: string;
  readonly values: readonly ParameterValue[];
}

/** A parameter held at one value during the search. */
export interface FixedDimension {
  readonly kind: 'fixed';
  readonly name: string;
  readonly value: ParameterValue;
}

/** One parameter of a search space. */
export type Dimension = NumericDimension | ChoiceDimension | FixedDimension;

/** The parameters an optimisation searches, in the strategy's declaration order. */
export interface ParameterSpace {
  readonly dimensions: readonly Dimension[];
}

/** Returns the dimensions that vary (not fixed). */
export function searchedDimensions(space: ParameterSpace): (NumericDimension | ChoiceDimension)[] {
  return space.dimensions.filter((d): d is NumericDimension | ChoiceDimension => d.kind !== 'fixed');
}

/** Returns how many values a dimension takes: Infinity for a continuous range. */
export function dimensionSize(dimension: Dimension): number {
  switch (dimension.kind) {
    case 'numeric':
      return dimension.values === null ? Number.POSITIVE_INFINITY : dimension.values.length;
    case 'choice':
      return dimension.values.length;
    case 'fixed':
      return 1;
    default:
      return assertNever(dimension);
  }
}

/** Returns the number of points of the space before constraints (Infinity when a range is continuous). */
export function spaceSize(space: ParameterSpace): number {
  return space.dimensions.reduce((n, d) => n * dimensionSize(d), 1);
}

/**
 * Returns a canonical text key of a parameter set: its values in the space's dimension order.
 * Equal sets give equal keys, whatever the order of their properties.
 *
 * @example
 * parameterKey(space, { slow: 50, fast: 10 }); // '[10,50]'
 */
export function parameterKey(space: ParameterSpace, parameters: ParameterSet): string {
  return JSON.stringify(space.dimensions.map((d) => parameters[d.name] ?? null));
}

/** Returns the set with its properties in the space's dimension order (for stable JSON). */
export function orderedParameters(space: ParameterSpace, parameters: ParameterSet): ParameterSet {
  const out: Record<string, ParameterValue> = {};
  for (const d of space.dimensions) {
    const value = parameters[d.name];
    if (value !== undefined) out[d.name] = value;
  }
  return out;
}

/** Rounds a computed grid value to 12 significant digits, so 0.1 + 3 × 0.05 reads 0.25. */
export function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

/** Returns a dimension as plain JSON for results (continuous ranges without a value list). */
export function describeDimension(dimension: Dimension): Record<string, unknown> {
  switch (dimension.kind) {
    case 'numeric':
      return {
        name: dimension.name,
        kind: 'numeric',
        type: dimension.integer ? 'integer' : 'real',
        low: dimension.low,
        high: dimension.high,
        scale: dimension.log ? 'log' : 'linear',
        values: dimension.values,
      };
    case 'choice':
      return { name: dimension.name, kind: 'choice', values: dimension.values };
    case 'fixed':
      return { name: dimension.name, kind: 'fixed', value: dimension.value };
    default:
      return assertNever(dimension);
  }
}
