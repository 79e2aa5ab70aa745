import { AlphintraError, assertNever } from '@alphintra/core';
import { type Constraint, satisfiesAll } from '../constraints/constraint.js';
import {
  dimensionSize,
  type ParameterSet,
  type ParameterSpace,
  type ParameterValue,
  parameterKey,
} from '../space/dimension.js';
import type { Sampler, SearchHistory } from './sampler.js';

/** Largest grid (before constraints) a grid search walks. */
export const MAX_GRID_POINTS = 5_000_000;

function valuesOf(space: ParameterSpace): ParameterValue[][] {
  return space.dimensions.map((d) => {
    switch (d.kind) {
      case 'fixed':
        return [d.value];
      case 'choice':
        return [...d.values];
      case 'numeric':
        if (d.values === null) {
          throw new AlphintraError(
            'INVALID_ARGUMENT',
            `grid search needs a step for ${d.name}: give low:high:step (e.g. ${d.low}:${d.high}:${(d.high - d.low) / 10}) or low:high:log:points`,
          );
        }
        return [...d.values];
      default:
        return assertNever(d);
    }
  });
}

/**
 * Grid search: every combination of the dimensions' values that satisfies the constraints, in
 * nested-loop order (the first parameter varies slowest). `size` is the number of feasible
 * points, counted up front so progress has a total.
 *
 * @example
 * const grid = new GridSampler(space, [compileConstraint('fast < slow', space)]);
 * grid.size; // e.g. 171
 */
export class GridSampler implements Sampler {
  /** Number of feasible grid points. */
  readonly size: number;
  readonly #space: ParameterSpace;
  readonly #constraints: readonly Constraint[];
  readonly #values: ParameterValue[][];
  readonly #cursor: Int32Array;
  #done = false;

  constructor(space: ParameterSpace, constraints: readonly Constraint[]) {
    this.#space = space;
    this.#constraints = constraints;
    this.#values = valuesOf(space);
    const total = space.dimensions.reduce((n, d) => n * dimensionSize(d), 1);
    if (total > MAX_GRID_POINTS) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `the grid has ${total.toLocaleString('en-US')} points; the limit is ${MAX_GRID_POINTS.toLocaleString('en-US')} (use --method random or bayes, or coarser steps)`,
      );
    }
    this.#cursor = new Int32Array(space.dimensions.length);
    let size = 0;
    this.#walk(() => {
      size++;
    });
    this.size = size;
    this.#cursor.fill(0);
  }

  propose(count: number, history: SearchHistory): ParameterSet[] {
    const out: ParameterSet[] = [];
    while (out.length < count && !this.#done) {
      const point = this.#current();
      this.#advance();
      if (!satisfiesAll(this.#constraints, point)) continue;
      if (history.seen.has(parameterKey(this.#space, point))) continue;
      out.push(point);
    }
    return out;
  }

  #walk(visit: (point: ParameterSet) => void): void {
    while (!this.#done) {
      const point = this.#current();
      if (satisfiesAll(this.#constraints, point)) visit(point);
      this.#advance();
    }
    this.#done = false;
  }

  #current(): ParameterSet {
    const out: Record<string, ParameterValue> = {};
    this.#space.dimensions.forEach((d, k) => {
      out[d.name] = (this.#values[k] as ParameterValue[])[this.#cursor[k] as number] as ParameterValue;
    });
    return out;
  }

  #advance(): void {
    for (let k = this.#cursor.length - 1; k >= 0; k--) {
      const next = (this.#cursor[k] as number) + 1;
      if (next < (this.#values[k] as ParameterValue[]).length) {
        this.#cursor[k] = next;
        return;
      }
      this.#cursor[k] = 0;
    }
    this.#done = true;
  }
}
