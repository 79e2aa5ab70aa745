import type { Rng } from '@alphintra/core';
import { type Constraint, satisfiesAll } from '../constraints/constraint.js';
import {
  type Dimension,
  type ParameterSet,
  type ParameterSpace,
  type ParameterValue,
  parameterKey,
} from '../space/dimension.js';

/** What a sampler knows of the search so far. */
export interface SearchHistory {
  /** Evaluated parameter sets, in trial order. */
  readonly evaluated: readonly ParameterSet[];
  /** Each evaluated trial's objective scores, oriented so that larger is better. */
  readonly scores: readonly (readonly number[])[];
  /** Keys (see `parameterKey`) of every set evaluated or already proposed. */
  readonly seen: ReadonlySet<string>;
}

/**
 * Proposes parameter sets. `propose` returns up to `count` new sets not yet seen, in a
 * deterministic order given the history; fewer (or none) when the space is exhausted.
 */
export interface Sampler {
  propose(count: number, history: SearchHistory): ParameterSet[];
}

/** Draws one value of a dimension uniformly (log-uniformly on log ranges). */
export function sampleDimension(dimension: Dimension, rng: Rng): ParameterValue {
  switch (dimension.kind) {
    case 'fixed':
      return dimension.value;
    case 'choice':
      return dimension.values[rng.nextInt(dimension.values.length)] as ParameterValue;
    case 'numeric': {
      if (dimension.values !== null) return dimension.values[rng.nextInt(dimension.values.length)] as number;
      const { low, high, log, integer } = dimension;
      // Integers draw from [low − ½, high + ½] before rounding, so the end values are as likely as the rest.
      const a = integer ? (log ? Math.max(low - 0.5, low / 2) : low - 0.5) : low;
      const b = integer ? high + 0.5 : high;
      const u = rng.nextFloat();
      const x = log ? Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a))) : a + u * (b - a);
      return integer ? Math.min(high, Math.max(low, Math.round(x))) : Math.min(high, Math.max(low, x));
    }
  }
}

/** Draws a parameter set with every dimension sampled independently. */
export function sampleUniform(space: ParameterSpace, rng: Rng): ParameterSet {
  const out: Record<string, ParameterValue> = {};
  for (const d of space.dimensions) out[d.name] = sampleDimension(d, rng);
  return out;
}

/** Attempts at a new, feasible point before a sampler calls the space exhausted. */
export const MAX_ATTEMPTS = 2000;

/**
 * Seeded random search: points drawn independently and uniformly (log-uniformly on log
 * ranges), rejected when they break a constraint or repeat an earlier point. The sequence
 * depends only on the seed, so a longer run extends a shorter one.
 *
 * @example
 * const sampler = new RandomSampler(space, constraints, new SeededRng(7));
 */
export class RandomSampler implements Sampler {
  readonly #space: ParameterSpace;
  readonly #constraints: readonly Constraint[];
  readonly #rng: Rng;

  constructor(space: ParameterSpace, constraints: readonly Constraint[], rng: Rng) {
    this.#space = space;
    this.#constraints = constraints;
    this.#rng = rng;
  }

  propose(count: number, history: SearchHistory): ParameterSet[] {
    const seen = new Set(history.seen);
    const out: ParameterSet[] = [];
    while (out.length < count) {
      const next = this.next(seen);
      if (next === undefined) break;
      seen.add(parameterKey(this.#space, next));
      out.push(next);
    }
    return out;
  }

  /** Returns one new feasible point not in `seen`, or undefined when none is found. */
  next(seen: ReadonlySet<string>): ParameterSet | undefined {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const point = sampleUniform(this.#space, this.#rng);
      if (!satisfiesAll(this.#constraints, point)) continue;
      if (seen.has(parameterKey(this.#space, point))) continue;
      return point;
    }
    return undefined;
  }
}
