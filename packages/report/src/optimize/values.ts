import type { Objective, ParameterSet, ParameterValue } from '@alphintra/optimize';
import { formatNumber } from '../html/format.js';

/**
 * Returns an objective or other figure of unknown scale with about three significant digits:
 * 1234.5 → "1,235", 12.34 → "12.3", 0.4923 → "0.492"; null or non-finite → "–".
 */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return formatNumber(x, digits);
}

/** Returns a parameter value as a label: numbers to 6 significant digits, others as written. */
export function parameterText(value: ParameterValue | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value);
}

/** Returns a parameter set as "fast=10 slow=50". */
export function parameterSetText(parameters: ParameterSet | null | undefined): string {
  if (parameters === null || parameters === undefined) return '–';
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${parameterText(value)}`)
    .join(' ');
}

/** Returns an objective as "sharpe (max)". */
export function objectiveText(objective: Objective): string {
  return `${objective.name} (${objective.direction === 'maximize' ? 'max' : 'min'})`;
}

/** Returns the names of the parameters a run searched (not fixed), in declaration order. */
export function searchedParameters(space: readonly Record<string, unknown>[]): string[] {
  return space.filter((d) => d.kind !== 'fixed').map((d) => String(d.name));
}
