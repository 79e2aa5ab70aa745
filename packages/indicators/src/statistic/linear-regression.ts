import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** The five TA-Lib functions built on a rolling least-squares line. */
export type LinearRegressionKind = 'LINEARREG' | 'LINEARREG_ANGLE' | 'LINEARREG_INTERCEPT' | 'LINEARREG_SLOPE' | 'TSF';

const DEGREES_PER_RADIAN = 180 / Math.PI;

/**
 * How a kind reads the fitted line: `weightB · intercept + weightM · slope`, or the slope's
 * angle. TA-Lib's own forms (b + m·(p − 1), b + m·p, b, m) are reproduced bit for bit, since
 * 1·b and 0·m are exact; one expression keeps the hot loop free of a switch.
 */
function weights(kind: LinearRegressionKind, p: number): { weightB: number; weightM: number; angle: boolean } {
  switch (kind) {
    case 'LINEARREG':
      return { weightB: 1, weightM: p - 1, angle: false };
    case 'TSF':
      return { weightB: 1, weightM: p, angle: false };
    case 'LINEARREG_INTERCEPT':
      return { weightB: 1, weightM: 0, angle: false };
    case 'LINEARREG_SLOPE':
      return { weightB: 0, weightM: 1, angle: false };
    case 'LINEARREG_ANGLE':
      return { weightB: 0, weightM: 0, angle: true };
  }
}

/**
 * Fills `out[i]` with the chosen feature of the least-squares line through the `timeperiod`
 * inputs ending at `i` (NaN before). The sums of y and of age·y slide in O(1) per bar and are
 * recomputed from scratch once every `timeperiod` bars, which bounds rounding drift while
 * keeping the cost amortised O(1); the streaming face performs the very same operations.
 */
export function computeLinearRegression(
  kind: LinearRegressionKind,
  input: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = input.length;
  const p = timeperiod;
  const first = p - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  // x is a value's age (0 for the newest), as in TA-Lib; its divisor is therefore negative.
  const sumX = p * (p - 1) * 0.5;
  const sumXSqr = (p * (p - 1) * (2 * p - 1)) / 6;
  const divisor = sumX * sumX - p * sumXSqr;
  const { weightB, weightM, angle } = weights(kind, p);
  let sumY = 0;
  let sumXY = 0;
  let untilRefresh = 0;
  for (let today = first; today < n; today++) {
    if (untilRefresh === 0) {
      sumY = 0;
      sumXY = 0;
      for (let age = p - 1; age >= 0; age--) {
        const v = input[today - age] as number;
        sumY += v;
        sumXY += age * v;
      }
      untilRefresh = p;
    } else {
      const old = input[today - p] as number;
      sumXY = sumXY + sumY - p * old;
      sumY = sumY - old + (input[today] as number);
    }
    untilRefresh--;
    const m = (p * sumXY - sumX * sumY) / divisor;
    out[today] = angle ? Math.atan(m) * DEGREES_PER_RADIAN : weightB * ((sumY - m * sumX) / p) + weightM * m;
  }
}

function batch(kind: LinearRegressionKind, definition: IndicatorDefinition) {
  return (real: Float64Array, params: { timeperiod?: number } = {}): Float64Array => {
    const p = resolveParams(definition, params);
    const out = nanArray(real.length);
    computeLinearRegression(kind, real, p.timeperiod as number, out);
    return out;
  };
}

/** Streaming rolling regression: O(1) amortised per bar, the batch kernel's operations. */
export class LinearRegressionStream extends StreamBase {
  readonly #weightB: number;
  readonly #weightM: number;
  readonly #angle: boolean;
  readonly #period: number;
  readonly #sumX: number;
  readonly #divisor: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sumY = 0;
  #sumXY = 0;
  #untilRefresh = 0;
  #prevCount = 0;
  #prevSumY = 0;
  #prevSumXY = 0;
  #prevUntilRefresh = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(kind: LinearRegressionKind, params: IndicatorParams) {
    super(1, 1);
    const p = params.timeperiod as number;
    const w = weights(kind, p);
    this.#weightB = w.weightB;
    this.#weightM = w.weightM;
    this.#angle = w.angle;
    this.#period = p;
    this.#sumX = p * (p - 1) * 0.5;
    this.#divisor = this.#sumX * this.#sumX - p * ((p * (p - 1) * (2 * p - 1)) / 6);
    this.#ring = new Float64Array(p);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const ring = this.#ring;
    this.#prevCount = this.#count;
    this.#prevSumY = this.#sumY;
    this.#prevSumXY = this.#sumXY;
    this.#prevUntilRefresh = this.#untilRefresh;
    this.#prevValue = this.outputs[0] as number;
    const slot = this.#head;
    const old = ring[slot] as number;
    this.#prevSlot = old;
    ring[slot] = x;
    this.#head = slot + 1 === p ? 0 : slot + 1;
    this.#count++;
    if (this.#count < p) return;
    if (this.#untilRefresh === 0) {
      let sumY = 0;
      let sumXY = 0;
      for (let age = p - 1, s = this.#head; age >= 0; age--, s = s + 1 === p ? 0 : s + 1) {
        const v = ring[s] as number;
        sumY += v;
        sumXY += age * v;
      }
      this.#sumY = sumY;
      this.#sumXY = sumXY;
      this.#untilRefresh = p;
    } else {
      this.#sumXY = this.#sumXY + this.#sumY - p * old;
      this.#sumY = this.#sumY - old + x;
    }
    this.#untilRefresh--;
    const sumY = this.#sumY;
    const m = (p * this.#sumXY - this.#sumX * sumY) / this.#divisor;
    this.outputs[0] = this.#angle
      ? Math.atan(m) * DEGREES_PER_RADIAN
      : this.#weightB * ((sumY - m * this.#sumX) / p) + this.#weightM * m;
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#head = this.#head === 0 ? this.#period - 1 : this.#head - 1;
    this.#ring[this.#head] = this.#prevSlot;
    this.#count = this.#prevCount;
    this.#sumY = this.#prevSumY;
    this.#sumXY = this.#prevSumXY;
    this.#untilRefresh = this.#prevUntilRefresh;
    this.outputs[0] = this.#prevValue;
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sumY = 0;
    this.#sumXY = 0;
    this.#untilRefresh = 0;
    this.outputs[0] = Number.NaN;
  }
}

function definition(kind: LinearRegressionKind, description: string, output: string): IndicatorDefinition {
  return {
    name: kind,
    group: 'statistic',
    description,
    talib: true,
    inputs: ['real'],
    parameters: [period('timeperiod', 14, 2, 'Number of values the line is fitted to.')],
    outputs: [{ name: 'real', type: 'real', description: output }],
    lookback: (p) => (p.timeperiod as number) - 1,
    compute: (inputs, p, outputs) =>
      computeLinearRegression(kind, inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
    createStream: (p) => new LinearRegressionStream(kind, p),
  };
}

/** Registry entry for LINEARREG. */
export const LINEARREG_DEFINITION = definition(
  'LINEARREG',
  'End point of the least-squares line fitted to the last timeperiod values.',
  'The fitted value at the newest bar.',
);
/** Registry entry for LINEARREG_ANGLE. */
export const LINEARREG_ANGLE_DEFINITION = definition(
  'LINEARREG_ANGLE',
  'Angle in degrees of the least-squares line fitted to the last timeperiod values.',
  'The slope expressed as an angle in degrees.',
);
/** Registry entry for LINEARREG_INTERCEPT. */
export const LINEARREG_INTERCEPT_DEFINITION = definition(
  'LINEARREG_INTERCEPT',
  'Starting value of the least-squares line fitted to the last timeperiod values.',
  'The fitted value at the oldest bar of the window.',
);
/** Registry entry for LINEARREG_SLOPE. */
export const LINEARREG_SLOPE_DEFINITION = definition(
  'LINEARREG_SLOPE',
  'Slope per bar of the least-squares line fitted to the last timeperiod values.',
  'The change of the fitted line per bar.',
);
/** Registry entry for TSF. */
export const TSF_DEFINITION = definition(
  'TSF',
  'Time series forecast: the least-squares line over the last timeperiod values extended one bar ahead.',
  'The forecast for the next bar.',
);

/**
 * Rolling linear regression end point, as TA-Lib's LINEARREG.
 *
 * @example
 * const fitted = LINEARREG(series.close, { timeperiod: 14 });
 */
export const LINEARREG = batch('LINEARREG', LINEARREG_DEFINITION);
/**
 * Rolling linear regression angle in degrees, as TA-Lib's LINEARREG_ANGLE.
 *
 * @example
 * const angle = LINEARREG_ANGLE(series.close, { timeperiod: 14 });
 */
export const LINEARREG_ANGLE = batch('LINEARREG_ANGLE', LINEARREG_ANGLE_DEFINITION);
/**
 * Rolling linear regression intercept, as TA-Lib's LINEARREG_INTERCEPT.
 *
 * @example
 * const intercept = LINEARREG_INTERCEPT(series.close, { timeperiod: 14 });
 */
export const LINEARREG_INTERCEPT = batch('LINEARREG_INTERCEPT', LINEARREG_INTERCEPT_DEFINITION);
/**
 * Rolling linear regression slope, as TA-Lib's LINEARREG_SLOPE.
 *
 * @example
 * const slope = LINEARREG_SLOPE(series.close, { timeperiod: 14 });
 */
export const LINEARREG_SLOPE = batch('LINEARREG_SLOPE', LINEARREG_SLOPE_DEFINITION);
/**
 * Time series forecast, as TA-Lib's TSF.
 *
 * @example
 * const forecast = TSF(series.close, { timeperiod: 14 });
 */
export const TSF = batch('TSF', TSF_DEFINITION);
