import { commonLength, nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

/** The four element-wise operators on two series. */
export type ArithmeticOperator = 'ADD' | 'SUB' | 'MULT' | 'DIV';

/**
 * Fills `out[i]` with `real0[i] op real1[i]`. Division follows IEEE rules (x / 0 is ±Infinity
 * or NaN), as TA-Lib's DIV does. One tight loop per operator, so the hot path has no call.
 */
export function computeArithmetic(
  operator: ArithmeticOperator,
  real0: Float64Array,
  real1: Float64Array,
  out: Float64Array,
): void {
  const n = real0.length;
  switch (operator) {
    case 'ADD':
      for (let i = 0; i < n; i++) out[i] = (real0[i] as number) + (real1[i] as number);
      return;
    case 'SUB':
      for (let i = 0; i < n; i++) out[i] = (real0[i] as number) - (real1[i] as number);
      return;
    case 'MULT':
      for (let i = 0; i < n; i++) out[i] = (real0[i] as number) * (real1[i] as number);
      return;
    case 'DIV':
      for (let i = 0; i < n; i++) out[i] = (real0[i] as number) / (real1[i] as number);
      return;
  }
}

function run(operator: ArithmeticOperator, real0: Float64Array, real1: Float64Array): Float64Array {
  const out = nanArray(commonLength(operator, [real0, real1]));
  computeArithmetic(operator, real0, real1, out);
  return out;
}

/**
 * Element-wise sum of two series, as TA-Lib's ADD.
 *
 * @example
 * const total = ADD(series.high, series.low);
 */
export function ADD(real0: Float64Array, real1: Float64Array): Float64Array {
  return run('ADD', real0, real1);
}

/**
 * Element-wise difference `real0 − real1`, as TA-Lib's SUB.
 *
 * @example
 * const range = SUB(series.high, series.low);
 */
export function SUB(real0: Float64Array, real1: Float64Array): Float64Array {
  return run('SUB', real0, real1);
}

/**
 * Element-wise product of two series, as TA-Lib's MULT.
 *
 * @example
 * const turnover = MULT(series.close, series.volume);
 */
export function MULT(real0: Float64Array, real1: Float64Array): Float64Array {
  return run('MULT', real0, real1);
}

/**
 * Element-wise quotient `real0 / real1`, as TA-Lib's DIV (no guard against zero).
 *
 * @example
 * const ratio = DIV(series.close, series.open);
 */
export function DIV(real0: Float64Array, real1: Float64Array): Float64Array {
  return run('DIV', real0, real1);
}

/** Streaming element-wise operator: stateless apart from the last result. */
export class ArithmeticStream extends StreamBase {
  readonly #operator: ArithmeticOperator;
  #seen = false;

  constructor(operator: ArithmeticOperator) {
    super(1, 2);
    this.#operator = operator;
  }

  push(real0: number, real1 = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = real0;
    bar[1]![0] = real1;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const real0 = columns[0]![index]!;
    const real1 = columns[1]![index]!;
    this.#seen = true;
    switch (this.#operator) {
      case 'ADD':
        this.outputs[0] = real0 + real1;
        break;
      case 'SUB':
        this.outputs[0] = real0 - real1;
        break;
      case 'MULT':
        this.outputs[0] = real0 * real1;
        break;
      case 'DIV':
        this.outputs[0] = real0 / real1;
        break;
    }
  }

  revise(real0: number, real1 = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = real0;
    bar[1]![0] = real1;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#seen;
  }

  reset(): void {
    this.outputs[0] = Number.NaN;
    this.#seen = false;
  }
}

function definition(operator: ArithmeticOperator, description: string): IndicatorDefinition {
  return {
    name: operator,
    group: 'math-operator',
    description,
    talib: true,
    inputs: ['real0', 'real1'],
    parameters: [],
    outputs: [{ name: 'real', type: 'real', description: 'The element-wise result.' }],
    lookback: () => 0,
    compute: (inputs, _p, outputs) =>
      computeArithmetic(operator, inputs[0] as Float64Array, inputs[1] as Float64Array, outputs[0] as Float64Array),
    createStream: () => new ArithmeticStream(operator),
  };
}

/** Registry entry for ADD. */
export const ADD_DEFINITION = definition('ADD', 'Adds two series value by value.');
/** Registry entry for SUB. */
export const SUB_DEFINITION = definition('SUB', 'Subtracts the second series from the first, value by value.');
/** Registry entry for MULT. */
export const MULT_DEFINITION = definition('MULT', 'Multiplies two series value by value.');
/** Registry entry for DIV. */
export const DIV_DEFINITION = definition('DIV', 'Divides the first series by the second, value by value.');
