import type { Objective } from '../objectives/objective.js';
import {
  type ChoiceDimension,
  type NumericDimension,
  type ParameterSet,
  type ParameterSpace,
  type ParameterValue,
  searchedDimensions,
  tidy,
} from '../space/dimension.js';

/** The cells along one parameter of a sensitivity map: its values, or bins of a wide or continuous range. */
export interface SensitivityAxis {
  readonly parameter: string;
  /** One label per cell: the value, or the middle of the bin. */
  readonly labels: readonly ParameterValue[];
  /** Bin edges (one more than labels) when the axis is binned, else null. */
  readonly edges: readonly number[] | null;
}

/** Objective statistics per cell; `[y][x]` for maps, `[x]` for profiles. null where no trial fell. */
export interface SensitivityCells<T> {
  /** Mean objective of the trials in the cell (marginalised over every other parameter). */
  readonly mean: T;
  /** Best objective in the cell (the profile: other parameters at their best for that cell). */
  readonly best: T;
  /** Objective of the trial whose other parameters equal the best trial's, when it was evaluated. */
  readonly atBest: T;
  readonly count: T;
}

/** The objective over one parameter. */
export interface SensitivityProfile {
  readonly x: SensitivityAxis;
  readonly cells: SensitivityCells<(number | null)[]>;
}

/** The objective over a pair of parameters: a heat map. */
export interface SensitivityMap {
  readonly x: SensitivityAxis;
  readonly y: SensitivityAxis;
  readonly cells: SensitivityCells<(number | null)[][]>;
}

/** Sensitivity of the primary objective to every parameter and every pair of parameters. */
export interface SensitivityReport {
  readonly objective: string;
  readonly profiles: readonly SensitivityProfile[];
  readonly maps: readonly SensitivityMap[];
}

/** Most distinct values an axis shows one by one before it is binned. */
export const MAX_AXIS_VALUES = 20;
/** Bins of a binned axis. */
export const AXIS_BINS = 10;

interface Axis extends SensitivityAxis {
  readonly cellOf: (value: ParameterValue) => number;
}

function axisOf(d: NumericDimension | ChoiceDimension): Axis {
  if (d.kind === 'choice' || (d.values !== null && d.values.length <= MAX_AXIS_VALUES)) {
    const values = d.values as readonly ParameterValue[];
    return { parameter: d.name, labels: [...values], edges: null, cellOf: (v) => values.indexOf(v) };
  }
  const { low, high, log } = d;
  const to = (x: number): number => (log ? Math.log(x) : x);
  const from = (u: number): number => (log ? Math.exp(u) : u);
  const width = (to(high) - to(low)) / AXIS_BINS;
  const edges = Array.from({ length: AXIS_BINS + 1 }, (_, i) => tidy(from(to(low) + i * width)));
  const labels = Array.from({ length: AXIS_BINS }, (_, i) => tidy(from(to(low) + (i + 0.5) * width)));
  return {
    parameter: d.name,
    labels,
    edges,
    cellOf: (v) => Math.min(AXIS_BINS - 1, Math.max(0, Math.floor((to(v as number) - to(low)) / width))),
  };
}

function publicAxis(axis: Axis): SensitivityAxis {
  return { parameter: axis.parameter, labels: axis.labels, edges: axis.edges };
}

/** One evaluated trial as the sensitivity map reads it. */
export interface SensitivityTrial {
  readonly parameters: ParameterSet;
  /** The primary objective's value (null where undefined). */
  readonly value: number | null;
}

/**
 * Returns how the primary objective varies with each parameter (profiles) and each pair
 * (heat maps), from the trials already evaluated — no extra runs. Per cell: the mean over the
 * trials that fell in it (marginalised over the other parameters), the best of them, and —
 * where evaluated — the value with every other parameter at the best trial's value (a grid
 * search fills this completely; a continuous range rarely repeats a value, so it stays mostly
 * null there). Axes list each value of a dimension with at most 20 values; wider or continuous
 * ranges are cut into 10 equal bins (in log space for log ranges).
 */
export function sensitivityReport(
  space: ParameterSpace,
  objective: Objective,
  trials: readonly SensitivityTrial[],
  best: ParameterSet | undefined,
): SensitivityReport {
  const dims = searchedDimensions(space);
  const axes = dims.map(axisOf);
  const better = (a: number, b: number): boolean => (objective.direction === 'maximize' ? a > b : a < b);
  const usable = trials.filter((t) => t.value !== null && Number.isFinite(t.value));
  const othersAtBest = (t: SensitivityTrial, free: readonly string[]): boolean =>
    best !== undefined && dims.every((d) => free.includes(d.name) || t.parameters[d.name] === best[d.name]);

  const collect = (free: readonly Axis[]): { index: number; trial: SensitivityTrial }[] =>
    usable.map((trial) => {
      let index = 0;
      for (const axis of free)
        index = index * axis.labels.length + axis.cellOf(trial.parameters[axis.parameter] as ParameterValue);
      return { index, trial };
    });

  const fill = (free: readonly Axis[], size: number) => {
    const sum = new Float64Array(size);
    const count = new Float64Array(size);
    const top: (number | null)[] = new Array(size).fill(null);
    const atBest: (number | null)[] = new Array(size).fill(null);
    const names = free.map((a) => a.parameter);
    for (const { index, trial } of collect(free)) {
      const v = trial.value as number;
      sum[index] = (sum[index] as number) + v;
      count[index] = (count[index] as number) + 1;
      const current = top[index];
      if (current === null || current === undefined || better(v, current)) top[index] = v;
      if (othersAtBest(trial, names)) atBest[index] = v;
    }
    const mean = Array.from(sum, (s, i) => ((count[i] as number) > 0 ? s / (count[i] as number) : null));
    return { mean, best: top, atBest, count: Array.from(count) };
  };

  const profiles = axes.map((x): SensitivityProfile => ({ x: publicAxis(x), cells: fill([x], x.labels.length) }));
  const maps: SensitivityMap[] = [];
  for (let i = 0; i < axes.length; i++) {
    for (let j = i + 1; j < axes.length; j++) {
      const x = axes[i] as Axis;
      const y = axes[j] as Axis;
      const flat = fill([y, x], x.labels.length * y.labels.length);
      const rows = <T>(cells: T[]): T[][] =>
        Array.from({ length: y.labels.length }, (_, r) => cells.slice(r * x.labels.length, (r + 1) * x.labels.length));
      maps.push({
        x: publicAxis(x),
        y: publicAxis(y),
        cells: { mean: rows(flat.mean), best: rows(flat.best), atBest: rows(flat.atBest), count: rows(flat.count) },
      });
    }
  }
  return { objective: objective.name, profiles, maps };
}
