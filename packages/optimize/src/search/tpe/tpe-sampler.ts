import type { Rng } from '@alphintra/core';
import { type Constraint, satisfiesAll } from '../../constraints/constraint.js';
import { rankOrder } from '../../objectives/pareto.js';
import {
  type ChoiceDimension,
  type NumericDimension,
  type ParameterSet,
  type ParameterSpace,
  type ParameterValue,
  parameterKey,
} from '../../space/dimension.js';
import { RandomSampler, type Sampler, type SearchHistory } from '../sampler.js';
import { ParzenEstimator } from './parzen-estimator.js';

/** Settings of the Tree-structured Parzen Estimator; every field has a default. */
export interface TpeOptions {
  /** Random trials before the model is used. Default 10. */
  readonly startupTrials?: number;
  /** Candidates drawn from the good density per proposal. Default 24. */
  readonly candidates?: number;
  /** Share of trials called good. Default 0.1. */
  readonly gamma?: number;
  /** Most trials called good, so the good density stays sharp in long runs. Default 25. */
  readonly maxGood?: number;
  /** Weight of each density's prior kernel (in observations). Default 1. */
  readonly priorWeight?: number;
}

/** The defaults of {@link TpeOptions}. */
export const TPE_DEFAULTS: Required<TpeOptions> = {
  startupTrials: 10,
  candidates: 24,
  gamma: 0.1,
  maxGood: 25,
  priorWeight: 1,
};

/** The pair of densities TPE keeps for one dimension: l (good trials) and g (the rest). */
interface DimensionModel {
  readonly sample: (rng: Rng) => ParameterValue;
  /** log l(x) − log g(x). */
  readonly ratio: (value: ParameterValue) => number;
}

function coordinate(d: NumericDimension, value: number): number {
  if (d.values !== null) {
    const i = d.values.indexOf(value);
    return i >= 0 ? i : nearestIndex(d.values, value);
  }
  return d.log ? Math.log(value) : value;
}

function nearestIndex(values: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if (Math.abs((values[i] as number) - x) < Math.abs((values[best] as number) - x)) best = i;
  return best;
}

function numericModel(d: NumericDimension, good: ParameterSet[], bad: ParameterSet[], prior: number): DimensionModel {
  const discrete = d.values !== null;
  // Integer ranges without a list reach half a unit past their ends, so rounding favours no value.
  const a = d.integer ? (d.log ? Math.max(d.low - 0.5, d.low / 2) : d.low - 0.5) : d.low;
  const b = d.integer ? d.high + 0.5 : d.high;
  const low = discrete ? 0 : d.log ? Math.log(a) : a;
  const high = discrete ? (d.values as readonly number[]).length - 1 : d.log ? Math.log(b) : b;
  const coords = (sets: ParameterSet[]): number[] => sets.map((s) => coordinate(d, s[d.name] as number));
  const l = new ParzenEstimator(coords(good), low, high, discrete, prior);
  const g = new ParzenEstimator(coords(bad), low, high, discrete, prior);
  const toValue = (u: number): number => {
    if (discrete) return (d.values as readonly number[])[u] as number;
    const x = d.log ? Math.exp(u) : u;
    return Math.min(d.high, Math.max(d.low, d.integer ? Math.round(x) : x));
  };
  return {
    sample: (rng) => toValue(l.sample(rng)),
    ratio: (value) => {
      const u = coordinate(d, value as number);
      return l.logDensity(u) - g.logDensity(u);
    },
  };
}

function choiceModel(d: ChoiceDimension, good: ParameterSet[], bad: ParameterSet[], prior: number): DimensionModel {
  const k = d.values.length;
  const weights = (sets: ParameterSet[]): Float64Array => {
    const w = new Float64Array(k).fill(prior / k);
    for (const s of sets) {
      const i = d.values.indexOf(s[d.name] as ParameterValue);
      if (i >= 0) w[i] = (w[i] as number) + 1;
    }
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  };
  const l = weights(good);
  const g = weights(bad);
  return {
    sample: (rng) => {
      let u = rng.nextFloat();
      for (let i = 0; i < k - 1; i++) {
        if (u < (l[i] as number)) return d.values[i] as ParameterValue;
        u -= l[i] as number;
      }
      return d.values[k - 1] as ParameterValue;
    },
    ratio: (value) => {
      const i = d.values.indexOf(value);
      return Math.log(l[i] as number) - Math.log(g[i] as number);
    },
  };
}

/**
 * Bayesian search by a Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and
 * Kégl, 2011). After `startupTrials` random trials, each proposal:
 *
 * 1. ranks the trials best first (by score; with several objectives by Pareto front, then
 *    crowding distance) and calls the top ⌈γ·n⌉ (at most `maxGood`) good, the rest bad;
 *    points proposed in the same batch but not yet evaluated count as bad ("constant liar"),
 *    which spreads a batch out;
 * 2. fits per dimension a Parzen density l to the good values and g to the bad ones
 *    (truncated normal kernels for numbers, in log space for log ranges and in index space for
 *    value lists; smoothed frequencies for choices);
 * 3. draws `candidates` points from l and returns the one with the largest
 *    Σ log l(x) − log g(x), which maximises the expected improvement under the TPE model,
 *    skipping points that break a constraint or were seen before.
 *
 * Deterministic for a given seed and history.
 *
 * @example
 * const tpe = new TpeSampler(space, constraints, new SeededRng(1));
 * tpe.propose(8, history);
 */
export class TpeSampler implements Sampler {
  readonly #space: ParameterSpace;
  readonly #constraints: readonly Constraint[];
  readonly #rng: Rng;
  readonly #random: RandomSampler;
  readonly #options: Required<TpeOptions>;

  constructor(space: ParameterSpace, constraints: readonly Constraint[], rng: Rng, options: TpeOptions = {}) {
    this.#space = space;
    this.#constraints = constraints;
    this.#rng = rng;
    this.#random = new RandomSampler(space, constraints, rng);
    this.#options = { ...TPE_DEFAULTS, ...options };
  }

  propose(count: number, history: SearchHistory): ParameterSet[] {
    const seen = new Set(history.seen);
    const pending: ParameterSet[] = [];
    for (let i = 0; i < count; i++) {
      const next =
        history.evaluated.length + pending.length < this.#options.startupTrials || history.evaluated.length === 0
          ? this.#random.next(seen)
          : this.#modelled(history, pending, seen);
      if (next === undefined) break;
      seen.add(parameterKey(this.#space, next));
      pending.push(next);
    }
    return pending;
  }

  #modelled(history: SearchHistory, pending: ParameterSet[], seen: ReadonlySet<string>): ParameterSet | undefined {
    const { gamma, maxGood, candidates, priorWeight } = this.#options;
    const order = rankOrder(history.scores);
    const n = order.length;
    const goodCount = Math.max(1, Math.min(maxGood, Math.ceil(gamma * n)));
    const good = order.slice(0, goodCount).map((i) => history.evaluated[i] as ParameterSet);
    const bad = [...order.slice(goodCount).map((i) => history.evaluated[i] as ParameterSet), ...pending];
    const models = new Map<string, DimensionModel>();
    for (const d of this.#space.dimensions) {
      if (d.kind === 'numeric') models.set(d.name, numericModel(d, good, bad, priorWeight));
      else if (d.kind === 'choice') models.set(d.name, choiceModel(d, good, bad, priorWeight));
    }
    for (let round = 0; round < 8; round++) {
      let best: ParameterSet | undefined;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < candidates; c++) {
        const point: Record<string, ParameterValue> = {};
        let score = 0;
        for (const d of this.#space.dimensions) {
          if (d.kind === 'fixed') {
            point[d.name] = d.value;
            continue;
          }
          const model = models.get(d.name) as DimensionModel;
          const value = model.sample(this.#rng);
          point[d.name] = value;
          score += model.ratio(value);
        }
        if (!satisfiesAll(this.#constraints, point) || seen.has(parameterKey(this.#space, point))) continue;
        if (best === undefined || score > bestScore) {
          best = point;
          bestScore = score;
        }
      }
      if (best !== undefined) return best;
    }
    return this.#random.next(seen);
  }
}
