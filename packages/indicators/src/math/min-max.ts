import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams, OutputSpec } from '../types.js';
import { computeRollingMax, computeRollingMin, RollingExtreme } from './rolling-extreme.js';

/** The six rolling highest/lowest functions of TA-Lib. */
export type MinMaxKind = 'MAX' | 'MIN' | 'MAXINDEX' | 'MININDEX' | 'MINMAX' | 'MINMAXINDEX';

/**
 * Rolling highest value over `timeperiod` values, as TA-Lib's MAX.
 *
 * @example
 * const high20 = MAX(series.high, { timeperiod: 20 });
 */
export function MAX(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MAX_DEFINITION, params);
  const out = nanArray(real.length);
  computeRollingMax(real, p.timeperiod as number, out, null);
  return out;
}

/**
 * Rolling lowest value over `timeperiod` values, as TA-Lib's MIN.
 *
 * @example
 * const low20 = MIN(series.low, { timeperiod: 20 });
 */
export function MIN(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MIN_DEFINITION, params);
  const out = nanArray(real.length);
  computeRollingMin(real, p.timeperiod as number, out, null);
  return out;
}

/**
 * Absolute index of the rolling highest value, as TA-Lib's MAXINDEX (NaN during warm-up).
 *
 * @example
 * const at = MAXINDEX(series.high, { timeperiod: 20 });
 */
export function MAXINDEX(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MAXINDEX_DEFINITION, params);
  const out = nanArray(real.length);
  computeRollingMax(real, p.timeperiod as number, null, out);
  return out;
}

/**
 * Absolute index of the rolling lowest value, as TA-Lib's MININDEX (NaN during warm-up).
 *
 * @example
 * const at = MININDEX(series.low, { timeperiod: 20 });
 */
export function MININDEX(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MININDEX_DEFINITION, params);
  const out = nanArray(real.length);
  computeRollingMin(real, p.timeperiod as number, null, out);
  return out;
}

/**
 * Rolling lowest and highest values together, as TA-Lib's MINMAX.
 *
 * @example
 * const { min, max } = MINMAX(series.close, { timeperiod: 20 });
 */
export function MINMAX(
  real: Float64Array,
  params: { timeperiod?: number } = {},
): { min: Float64Array; max: Float64Array } {
  const p = resolveParams(MINMAX_DEFINITION, params);
  const min = nanArray(real.length);
  const max = nanArray(real.length);
  computeRollingMin(real, p.timeperiod as number, min, null);
  computeRollingMax(real, p.timeperiod as number, max, null);
  return { min, max };
}

/**
 * Absolute indices of the rolling lowest and highest values, as TA-Lib's MINMAXINDEX.
 *
 * @example
 * const { minidx, maxidx } = MINMAXINDEX(series.close, { timeperiod: 20 });
 */
export function MINMAXINDEX(
  real: Float64Array,
  params: { timeperiod?: number } = {},
): { minidx: Float64Array; maxidx: Float64Array } {
  const p = resolveParams(MINMAXINDEX_DEFINITION, params);
  const minidx = nanArray(real.length);
  const maxidx = nanArray(real.length);
  computeRollingMin(real, p.timeperiod as number, null, minidx);
  computeRollingMax(real, p.timeperiod as number, null, maxidx);
  return { minidx, maxidx };
}

/**
 * Streaming face of the six rolling highest/lowest functions: one or two
 * {@link RollingExtreme} trackers, rescanning only when an extreme leaves the window.
 */
export class MinMaxStream extends StreamBase {
  readonly #high: RollingExtreme | null;
  readonly #low: RollingExtreme | null;
  /** Whether the outputs are indices rather than values. */
  readonly #indices: boolean;

  constructor(kind: MinMaxKind, params: IndicatorParams) {
    super(kind === 'MINMAX' || kind === 'MINMAXINDEX' ? 2 : 1, 1);
    const p = params.timeperiod as number;
    this.#high = kind === 'MIN' || kind === 'MININDEX' ? null : new RollingExtreme(p, true);
    this.#low = kind === 'MAX' || kind === 'MAXINDEX' ? null : new RollingExtreme(p, false);
    this.#indices = kind === 'MAXINDEX' || kind === 'MININDEX' || kind === 'MINMAXINDEX';
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#high?.push(columns[0]!, index);
    this.#low?.push(columns[0]!, index);
    this.#write();
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.#high?.undo();
    this.#low?.undo();
    this.pushAt(columns, index);
  }

  // Outputs in definition order: the low before the high when both are tracked (MINMAX*).
  #write(): void {
    if (!this.isReady) return;
    const out = this.outputs;
    const low = this.#low;
    const high = this.#high;
    let k = 0;
    if (low !== null) out[k++] = this.#indices ? low.index : low.extreme;
    if (high !== null) out[k] = this.#indices ? high.index : high.extreme;
  }

  get isReady(): boolean {
    return ((this.#high ?? this.#low) as RollingExtreme).isReady;
  }

  reset(): void {
    this.#high?.reset();
    this.#low?.reset();
    this.outputs.fill(Number.NaN);
  }
}

function definition(
  kind: MinMaxKind,
  description: string,
  outputs: readonly OutputSpec[],
  compute: (input: Float64Array, timeperiod: number, outputs: Float64Array[]) => void,
): IndicatorDefinition {
  return {
    name: kind,
    group: 'math-operator',
    description,
    talib: true,
    inputs: ['real'],
    parameters: [period('timeperiod', 30, 2, 'Number of values in the window.')],
    outputs,
    lookback: (p) => (p.timeperiod as number) - 1,
    compute: (inputs, p, out) => compute(inputs[0] as Float64Array, p.timeperiod as number, out),
    createStream: (p) => new MinMaxStream(kind, p),
  };
}

const HIGHEST: OutputSpec = { name: 'real', type: 'real', description: 'The highest value in the window.' };
const LOWEST: OutputSpec = { name: 'real', type: 'real', description: 'The lowest value in the window.' };
const INDEX = (what: string): OutputSpec => ({
  name: 'integer',
  type: 'integer',
  description: `Absolute index of the ${what} value in the window.`,
});

/** Registry entry for MAX. */
export const MAX_DEFINITION = definition(
  'MAX',
  'Highest value over the last timeperiod values.',
  [HIGHEST],
  (x, p, o) => computeRollingMax(x, p, o[0] as Float64Array, null),
);
/** Registry entry for MIN. */
export const MIN_DEFINITION = definition('MIN', 'Lowest value over the last timeperiod values.', [LOWEST], (x, p, o) =>
  computeRollingMin(x, p, o[0] as Float64Array, null),
);
/** Registry entry for MAXINDEX. */
export const MAXINDEX_DEFINITION = definition(
  'MAXINDEX',
  'Position in the series of the highest of the last timeperiod values.',
  [INDEX('highest')],
  (x, p, o) => computeRollingMax(x, p, null, o[0] as Float64Array),
);
/** Registry entry for MININDEX. */
export const MININDEX_DEFINITION = definition(
  'MININDEX',
  'Position in the series of the lowest of the last timeperiod values.',
  [INDEX('lowest')],
  (x, p, o) => computeRollingMin(x, p, null, o[0] as Float64Array),
);
/** Registry entry for MINMAX. */
export const MINMAX_DEFINITION = definition(
  'MINMAX',
  'Lowest and highest values over the last timeperiod values.',
  [
    { name: 'min', type: 'real', description: 'The lowest value in the window.' },
    { name: 'max', type: 'real', description: 'The highest value in the window.' },
  ],
  (x, p, o) => {
    computeRollingMin(x, p, o[0] as Float64Array, null);
    computeRollingMax(x, p, o[1] as Float64Array, null);
  },
);
/** Registry entry for MINMAXINDEX. */
export const MINMAXINDEX_DEFINITION = definition(
  'MINMAXINDEX',
  'Positions in the series of the lowest and highest of the last timeperiod values.',
  [
    { name: 'minidx', type: 'integer', description: 'Absolute index of the lowest value in the window.' },
    { name: 'maxidx', type: 'integer', description: 'Absolute index of the highest value in the window.' },
  ],
  (x, p, o) => {
    computeRollingMin(x, p, null, o[0] as Float64Array);
    computeRollingMax(x, p, null, o[1] as Float64Array);
  },
);
