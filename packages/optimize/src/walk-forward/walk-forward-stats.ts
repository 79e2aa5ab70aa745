import type { Objective } from '../objectives/objective.js';
import { type ParameterSet, type ParameterSpace, type ParameterValue, searchedDimensions } from '../space/dimension.js';

/** Walk-forward efficiency: how much of the in-sample performance survives out of sample. */
export interface Efficiency {
  /** Annualised out-of-sample return ÷ annualised in-sample return; null when the latter is not positive. */
  readonly return: number | null;
  /** Per objective: out-of-sample value ÷ in-sample value; null when the in-sample value is not positive. */
  readonly objectives: readonly (number | null)[];
}

/** How one parameter's chosen value moved across folds. */
export interface ParameterStability {
  readonly parameter: string;
  /** The value chosen in each fold. */
  readonly values: readonly ParameterValue[];
  /** Folds whose value differs from the previous fold's. */
  readonly changes: number;
  readonly distinct: number;
  /** Numbers: mean, population standard deviation, std ÷ |mean|, and std ÷ the searched range's width. */
  readonly mean: number | null;
  readonly std: number | null;
  readonly coefficientOfVariation: number | null;
  readonly rangeDispersion: number | null;
  /** Most frequent value and the share of folds that chose it. */
  readonly mode: ParameterValue | null;
  readonly modeShare: number | null;
}

/** Stability of the chosen parameters across folds. */
export interface StabilityReport {
  readonly parameters: readonly ParameterStability[];
  /** Folds whose whole chosen set differs from the previous fold's, and that over folds − 1. */
  readonly setChanges: number;
  readonly setChangeRate: number | null;
}

/** Returns a ratio of an out-of-sample to an in-sample figure, or null unless the latter is positive and both finite. */
export function efficiencyRatio(outOfSample: number | null, inSample: number | null): number | null {
  if (outOfSample === null || inSample === null || !Number.isFinite(outOfSample) || !(inSample > 0)) return null;
  const ratio = outOfSample / inSample;
  return Number.isFinite(ratio) ? ratio : null;
}

/** Returns the mean of the defined values, or null when none is. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Returns the efficiency of a whole walk-forward run: the annualised return of the stitched
 * out-of-sample curve over the mean annualised in-sample return of the chosen trials, and per
 * objective the mean out-of-sample value over the mean in-sample value. For a minimised
 * objective (drawdown) a ratio above 1 means it got worse out of sample.
 */
export function overallEfficiency(args: {
  readonly objectives: readonly Objective[];
  readonly stitchedReturn: number | null;
  readonly inSampleReturns: readonly (number | null)[];
  readonly inSampleValues: readonly (readonly (number | null)[])[];
  readonly outOfSampleValues: readonly (readonly (number | null)[])[];
}): Efficiency {
  return {
    return: efficiencyRatio(args.stitchedReturn, meanOf(args.inSampleReturns)),
    objectives: args.objectives.map((_, k) =>
      efficiencyRatio(
        meanOf(args.outOfSampleValues.map((v) => v[k] ?? null)),
        meanOf(args.inSampleValues.map((v) => v[k] ?? null)),
      ),
    ),
  };
}

/**
 * Returns how stable the chosen parameters are across folds: per parameter the values, how
 * often they change from one fold to the next, their dispersion (numbers) or the share of the
 * most frequent value, and how often the whole set changes.
 */
export function stabilityReport(space: ParameterSpace, chosen: readonly ParameterSet[]): StabilityReport {
  const dims = searchedDimensions(space);
  const parameters = dims.map((d): ParameterStability => {
    const values = chosen.map((set) => set[d.name] as ParameterValue);
    let changes = 0;
    for (let i = 1; i < values.length; i++) if (values[i] !== values[i - 1]) changes++;
    const counts = new Map<ParameterValue, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let mode: ParameterValue | null = null;
    let modeCount = 0;
    for (const [v, c] of counts)
      if (c > modeCount) {
        mode = v;
        modeCount = c;
      }
    let mean: number | null = null;
    let std: number | null = null;
    if (d.kind === 'numeric' && values.length > 0) {
      const xs = values as number[];
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      mean = m;
      std = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
    }
    const width = d.kind === 'numeric' ? d.high - d.low : 0;
    return {
      parameter: d.name,
      values,
      changes,
      distinct: counts.size,
      mean,
      std,
      coefficientOfVariation: mean !== null && std !== null && mean !== 0 ? std / Math.abs(mean) : null,
      rangeDispersion: std !== null && width > 0 ? std / width : null,
      mode,
      modeShare: values.length === 0 ? null : modeCount / values.length,
    };
  });
  let setChanges = 0;
  for (let i = 1; i < chosen.length; i++) {
    const a = chosen[i - 1] as ParameterSet;
    const b = chosen[i] as ParameterSet;
    if (dims.some((d) => a[d.name] !== b[d.name])) setChanges++;
  }
  return { parameters, setChanges, setChangeRate: chosen.length >= 2 ? setChanges / (chosen.length - 1) : null };
}
