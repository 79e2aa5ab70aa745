import { AlphintraError } from '@alphintra/core';
import type { IndicatorDefinition, IndicatorParams, ParameterSpec } from '../types.js';

/** Upper bound TA-Lib puts on periods. */
export const MAX_PERIOD = 100_000;
/** Bound TA-Lib puts on real parameters. */
export const REAL_LIMIT = 3e37;

/** A period parameter (integer) with TA-Lib's usual range. */
export function period(name: string, defaultValue: number, min: number, description: string): ParameterSpec {
  return { name, type: 'integer', default: defaultValue, min, max: MAX_PERIOD, description };
}

/** A real-valued parameter. */
export function real(name: string, defaultValue: number, min: number, max: number, description: string): ParameterSpec {
  return { name, type: 'real', default: defaultValue, min, max, description };
}

/** A moving-average type parameter (0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3). */
export function matype(name: string, description: string): ParameterSpec {
  return { name, type: 'matype', default: 0, min: 0, max: 8, description };
}

/**
 * Returns complete, checked parameters: defaults filled in, every value in range and
 * whole where it must be. Unknown names are refused so that typos never pass silently.
 */
export function resolveParams(
  definition: IndicatorDefinition,
  given: Readonly<Record<string, number>> = {},
): IndicatorParams {
  const resolved: Record<string, number> = {};
  for (const key of Object.keys(given)) {
    if (!definition.parameters.some((p) => p.name === key)) {
      const known = definition.parameters.map((p) => p.name).join(', ') || 'none';
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name}: unknown parameter "${key}" (parameters: ${known})`,
      );
    }
  }
  for (const spec of definition.parameters) {
    const value = given[spec.name] ?? spec.default;
    const whole = spec.type !== 'real';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (whole && !Number.isInteger(value)) ||
      value < spec.min ||
      value > spec.max
    ) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name}: expected ${spec.name} to be ${whole ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}, got ${value}`,
      );
    }
    resolved[spec.name] = value;
  }
  return resolved;
}
