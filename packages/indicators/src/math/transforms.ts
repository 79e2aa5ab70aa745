import { nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

/** TA-Lib's element-wise math transforms. */
export type MathTransformName =
  | 'ACOS'
  | 'ASIN'
  | 'ATAN'
  | 'CEIL'
  | 'COS'
  | 'COSH'
  | 'EXP'
  | 'FLOOR'
  | 'LN'
  | 'LOG10'
  | 'SIN'
  | 'SINH'
  | 'SQRT'
  | 'TAN'
  | 'TANH';

const DESCRIPTIONS: Readonly<Record<MathTransformName, string>> = {
  ACOS: 'Arc cosine of each value, in radians.',
  ASIN: 'Arc sine of each value, in radians.',
  ATAN: 'Arc tangent of each value, in radians.',
  CEIL: 'Smallest whole number not below each value.',
  COS: 'Cosine of each value taken as radians.',
  COSH: 'Hyperbolic cosine of each value.',
  EXP: 'Euler’s number raised to each value.',
  FLOOR: 'Largest whole number not above each value.',
  LN: 'Natural logarithm of each value.',
  LOG10: 'Base-10 logarithm of each value.',
  SIN: 'Sine of each value taken as radians.',
  SINH: 'Hyperbolic sine of each value.',
  SQRT: 'Square root of each value.',
  TAN: 'Tangent of each value taken as radians.',
  TANH: 'Hyperbolic tangent of each value.',
};

/**
 * Fills `out[i]` with the transform of `input[i]`. Each case is its own loop over a direct
 * `Math` call, so the engine can inline it; domain errors give NaN, as in TA-Lib.
 */
export function computeMathTransform(name: MathTransformName, input: Float64Array, out: Float64Array): void {
  const n = input.length;
  switch (name) {
    case 'ACOS':
      for (let i = 0; i < n; i++) out[i] = Math.acos(input[i] as number);
      return;
    case 'ASIN':
      for (let i = 0; i < n; i++) out[i] = Math.asin(input[i] as number);
      return;
    case 'ATAN':
      for (let i = 0; i < n; i++) out[i] = Math.atan(input[i] as number);
      return;
    case 'CEIL':
      for (let i = 0; i < n; i++) out[i] = Math.ceil(input[i] as number);
      return;
    case 'COS':
      for (let i = 0; i < n; i++) out[i] = Math.cos(input[i] as number);
      return;
    case 'COSH':
      for (let i = 0; i < n; i++) out[i] = Math.cosh(input[i] as number);
      return;
    case 'EXP':
      for (let i = 0; i < n; i++) out[i] = Math.exp(input[i] as number);
      return;
    case 'FLOOR':
      for (let i = 0; i < n; i++) out[i] = Math.floor(input[i] as number);
      return;
    case 'LN':
      for (let i = 0; i < n; i++) out[i] = Math.log(input[i] as number);
      return;
    case 'LOG10':
      for (let i = 0; i < n; i++) out[i] = Math.log10(input[i] as number);
      return;
    case 'SIN':
      for (let i = 0; i < n; i++) out[i] = Math.sin(input[i] as number);
      return;
    case 'SINH':
      for (let i = 0; i < n; i++) out[i] = Math.sinh(input[i] as number);
      return;
    case 'SQRT':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(input[i] as number);
      return;
    case 'TAN':
      for (let i = 0; i < n; i++) out[i] = Math.tan(input[i] as number);
      return;
    case 'TANH':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(input[i] as number);
      return;
  }
}

/**
 * Returns the named transform applied to every value of `real` (no warm-up).
 *
 * @example
 * const logs = mathTransform('LN', series.close);
 */
export function mathTransform(name: MathTransformName, real: Float64Array): Float64Array {
  const out = nanArray(real.length);
  computeMathTransform(name, real, out);
  return out;
}

/**
 * Streaming math transform: applies the function to each new value. The function is picked
 * by a switch over direct `Math` calls, which the engine compiles to machine operations; an
 * indirect call through a stored function would return its result boxed on the heap.
 */
export class MathTransformStream extends StreamBase {
  readonly #name: MathTransformName;
  #seen = false;

  constructor(name: MathTransformName) {
    super(1, 1);
    this.#name = name;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    this.#seen = true;
    const out = this.outputs;
    switch (this.#name) {
      case 'ACOS':
        out[0] = Math.acos(x);
        return;
      case 'ASIN':
        out[0] = Math.asin(x);
        return;
      case 'ATAN':
        out[0] = Math.atan(x);
        return;
      case 'CEIL':
        out[0] = Math.ceil(x);
        return;
      case 'COS':
        out[0] = Math.cos(x);
        return;
      case 'COSH':
        out[0] = Math.cosh(x);
        return;
      case 'EXP':
        out[0] = Math.exp(x);
        return;
      case 'FLOOR':
        out[0] = Math.floor(x);
        return;
      case 'LN':
        out[0] = Math.log(x);
        return;
      case 'LOG10':
        out[0] = Math.log10(x);
        return;
      case 'SIN':
        out[0] = Math.sin(x);
        return;
      case 'SINH':
        out[0] = Math.sinh(x);
        return;
      case 'SQRT':
        out[0] = Math.sqrt(x);
        return;
      case 'TAN':
        out[0] = Math.tan(x);
        return;
      case 'TANH':
        out[0] = Math.tanh(x);
        return;
    }
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
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

/** Returns the registry entry of a math transform. */
export function mathTransformDefinition(name: MathTransformName): IndicatorDefinition {
  return {
    name,
    group: 'math-transform',
    description: DESCRIPTIONS[name],
    talib: true,
    inputs: ['real'],
    parameters: [],
    outputs: [{ name: 'real', type: 'real', description: 'The transformed value.' }],
    lookback: () => 0,
    compute: (inputs, _p, outputs) => computeMathTransform(name, inputs[0] as Float64Array, outputs[0] as Float64Array),
    createStream: () => new MathTransformStream(name),
  };
}

/** Arc cosine of each value, as TA-Lib's ACOS. @example const a = ACOS(x); */
export const ACOS = (real: Float64Array): Float64Array => mathTransform('ACOS', real);
/** Arc sine of each value, as TA-Lib's ASIN. @example const a = ASIN(x); */
export const ASIN = (real: Float64Array): Float64Array => mathTransform('ASIN', real);
/** Arc tangent of each value, as TA-Lib's ATAN. @example const a = ATAN(x); */
export const ATAN = (real: Float64Array): Float64Array => mathTransform('ATAN', real);
/** Ceiling of each value, as TA-Lib's CEIL. @example const c = CEIL(x); */
export const CEIL = (real: Float64Array): Float64Array => mathTransform('CEIL', real);
/** Cosine of each value, as TA-Lib's COS. @example const c = COS(x); */
export const COS = (real: Float64Array): Float64Array => mathTransform('COS', real);
/** Hyperbolic cosine of each value, as TA-Lib's COSH. @example const c = COSH(x); */
export const COSH = (real: Float64Array): Float64Array => mathTransform('COSH', real);
/** Exponential of each value, as TA-Lib's EXP. @example const e = EXP(x); */
export const EXP = (real: Float64Array): Float64Array => mathTransform('EXP', real);
/** Floor of each value, as TA-Lib's FLOOR. @example const f = FLOOR(x); */
export const FLOOR = (real: Float64Array): Float64Array => mathTransform('FLOOR', real);
/** Natural logarithm of each value, as TA-Lib's LN. @example const l = LN(series.close); */
export const LN = (real: Float64Array): Float64Array => mathTransform('LN', real);
/** Base-10 logarithm of each value, as TA-Lib's LOG10. @example const l = LOG10(x); */
export const LOG10 = (real: Float64Array): Float64Array => mathTransform('LOG10', real);
/** Sine of each value, as TA-Lib's SIN. @example const s = SIN(x); */
export const SIN = (real: Float64Array): Float64Array => mathTransform('SIN', real);
/** Hyperbolic sine of each value, as TA-Lib's SINH. @example const s = SINH(x); */
export const SINH = (real: Float64Array): Float64Array => mathTransform('SINH', real);
/** Square root of each value, as TA-Lib's SQRT. @example const s = SQRT(x); */
export const SQRT = (real: Float64Array): Float64Array => mathTransform('SQRT', real);
/** Tangent of each value, as TA-Lib's TAN. @example const t = TAN(x); */
export const TAN = (real: Float64Array): Float64Array => mathTransform('TAN', real);
/** Hyperbolic tangent of each value, as TA-Lib's TANH. @example const t = TANH(x); */
export const TANH = (real: Float64Array): Float64Array => mathTransform('TANH', real);

/** Registry entry for ACOS. */
export const ACOS_DEFINITION = mathTransformDefinition('ACOS');
/** Registry entry for ASIN. */
export const ASIN_DEFINITION = mathTransformDefinition('ASIN');
/** Registry entry for ATAN. */
export const ATAN_DEFINITION = mathTransformDefinition('ATAN');
/** Registry entry for CEIL. */
export const CEIL_DEFINITION = mathTransformDefinition('CEIL');
/** Registry entry for COS. */
export const COS_DEFINITION = mathTransformDefinition('COS');
/** Registry entry for COSH. */
export const COSH_DEFINITION = mathTransformDefinition('COSH');
/** Registry entry for EXP. */
export const EXP_DEFINITION = mathTransformDefinition('EXP');
/** Registry entry for FLOOR. */
export const FLOOR_DEFINITION = mathTransformDefinition('FLOOR');
/** Registry entry for LN. */
export const LN_DEFINITION = mathTransformDefinition('LN');
/** Registry entry for LOG10. */
export const LOG10_DEFINITION = mathTransformDefinition('LOG10');
/** Registry entry for SIN. */
export const SIN_DEFINITION = mathTransformDefinition('SIN');
/** Registry entry for SINH. */
export const SINH_DEFINITION = mathTransformDefinition('SINH');
/** Registry entry for SQRT. */
export const SQRT_DEFINITION = mathTransformDefinition('SQRT');
/** Registry entry for TAN. */
export const TAN_DEFINITION = mathTransformDefinition('TAN');
/** Registry entry for TANH. */
export const TANH_DEFINITION = mathTransformDefinition('TANH');
