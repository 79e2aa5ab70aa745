import { AlphintraError } from '@alphintra/core';
import { CYCLE_INDICATORS } from './cycle/index.js';
import { EXTRA_INDICATORS } from './extra/index.js';
import { MATH_INDICATORS } from './math/index.js';
import { MOMENTUM_INDICATORS } from './momentum/index.js';
import { OVERLAP_INDICATORS } from './overlap/index.js';
import { PATTERN_INDICATORS } from './pattern/index.js';
import { PATTERN_B_INDICATORS } from './pattern-b/index.js';
import { PRICE_INDICATORS } from './price/index.js';
import { SIGNAL_INDICATORS } from './signal/index.js';
import { STATISTIC_INDICATORS } from './statistic/index.js';
import { commonLength, nanArray } from './support/arrays.js';
import { resolveParams } from './support/params.js';
import type { IndicatorDefinition, IndicatorParams, InputName, StreamingIndicator } from './types.js';
import { VOLATILITY_INDICATORS } from './volatility/index.js';
import { VOLUME_INDICATORS } from './volume/index.js';

const ALL: readonly IndicatorDefinition[] = [
  ...OVERLAP_INDICATORS,
  ...MOMENTUM_INDICATORS,
  ...VOLUME_INDICATORS,
  ...VOLATILITY_INDICATORS,
  ...PRICE_INDICATORS,
  ...CYCLE_INDICATORS,
  ...STATISTIC_INDICATORS,
  ...MATH_INDICATORS,
  ...PATTERN_INDICATORS,
  ...PATTERN_B_INDICATORS,
  ...SIGNAL_INDICATORS,
  ...EXTRA_INDICATORS,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const BY_NAME = new Map(ALL.map((d) => [d.name, d]));

/** Returns every indicator definition, sorted by name. */
export function listIndicators(): readonly IndicatorDefinition[] {
  return ALL;
}

/** Returns the definition named `name` (case-insensitive), or throws with the closest names. */
export function getIndicator(name: string): IndicatorDefinition {
  const definition = BY_NAME.get(name.toUpperCase());
  if (definition !== undefined) return definition;
  const wanted = name.toUpperCase();
  const close = ALL.filter((d) => d.name.includes(wanted) || wanted.includes(d.name))
    .slice(0, 5)
    .map((d) => d.name);
  throw new AlphintraError(
    'INVALID_ARGUMENT',
    `unknown indicator "${name}"${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}`,
  );
}

/** Inputs for {@link computeIndicator} and {@link inputColumns}: named columns (`close`, `high` … or `real`). */
export type IndicatorInputs = Partial<Record<InputName, Float64Array>>;

/**
 * Returns the input columns of `definition`, in its order, picked by name from `inputs` (a
 * bar series' columns will do): the arrays `compute` takes and `pushAt`/`reviseAt` read.
 * `real` and `real0` fall back to `close` when not given. Throws when an input is missing.
 * Bind them once and pass the same array on every update.
 *
 * @example
 * const columns = inputColumns(getIndicator('STOCH'), series); // [high, low, close]
 * for (let i = 0; i < series.length; i++) stoch.pushAt(columns, i);
 */
export function inputColumns(definition: IndicatorDefinition, inputs: IndicatorInputs): Float64Array[] {
  return definition.inputs.map((input) => {
    const column = inputs[input] ?? (input === 'real' || input === 'real0' ? inputs.close : undefined);
    if (column === undefined) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name}: missing input "${input}" (needs ${definition.inputs.join(', ')})`,
      );
    }
    return column;
  });
}

/**
 * Runs an indicator by name over named input columns and returns its outputs by TA-Lib's
 * output names, each aligned with the input (NaN during the warm-up). `real` inputs fall
 * back to `close` when not given.
 *
 * @example
 * const { macd, macdsignal, macdhist } = computeIndicator('MACD', { close }, { fastperiod: 12 });
 */
export function computeIndicator(
  name: string,
  inputs: IndicatorInputs,
  params: Readonly<Record<string, number>> = {},
): Record<string, Float64Array> {
  const definition = getIndicator(name);
  const resolved = resolveParams(definition, params);
  const columns = inputColumns(definition, inputs);
  const n = commonLength(definition.name, columns);
  const outputs = definition.outputs.map(() => nanArray(n));
  definition.compute(columns, resolved, outputs);
  return Object.fromEntries(definition.outputs.map((o, i) => [o.name, outputs[i] as Float64Array]));
}

/** Creates the streaming face of an indicator by name, with checked parameters. */
export function createStream(name: string, params: Readonly<Record<string, number>> = {}): StreamingIndicator {
  const definition = getIndicator(name);
  return definition.createStream(resolveParams(definition, params));
}

/** Returns the lookback (warm-up length) of an indicator for the given parameters. */
export function lookbackOf(name: string, params: Readonly<Record<string, number>> = {}): number {
  const definition = getIndicator(name);
  return definition.lookback(resolveParams(definition, params) as IndicatorParams);
}
