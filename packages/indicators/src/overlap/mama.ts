import { nanArray } from '../support/arrays.js';
import { real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Bars before MAMA's first value: the price smoother and Hilbert transform warm up. */
export const MAMA_LOOKBACK = 32;

// Hilbert FIR coefficients of Ehlers' homodyne discriminator.
const A = 0.0962;
const B = 0.5769;
const RAD_TO_DEG = 180 / (4 * Math.atan(1));

// Layout of the state vector. Everything lives in one Float64Array so that a bar can be
// undone (for `revise`) by copying it, and batch and stream run the very same step.
const COUNT = 0;
const WMA_SUB = 1;
const WMA_SUM = 2;
const TRAILING = 3;
const LAG1 = 4;
const LAG2 = 5;
const LAG3 = 6;
const HILBERT_IDX = 7;
const PERIOD = 8;
const PREV_I2 = 9;
const PREV_Q2 = 10;
const RE = 11;
const IM = 12;
const MAMA_VALUE = 13;
const FAMA_VALUE = 14;
const I1_ODD_PREV3 = 15;
const I1_ODD_PREV2 = 16;
const I1_EVEN_PREV3 = 17;
const I1_EVEN_PREV2 = 18;
const PREV_PHASE = 19;
// Four Hilbert filters (detrender, Q1, jI, jQ), each with an odd-bar and an even-bar copy of
// five slots: a 3-slot history, the previous feedback term and the previous input.
const FILTERS = 20;
const DETRENDER = 0;
const Q1 = 10;
const JI = 20;
const JQ = 30;
const ODD = 0;
const EVEN = 5;
// Scratch slots through which the filters take their input and gain and give their output:
// only integers cross the call, since V8 boxes doubles passed to or returned from a call it
// does not inline.
const ADJUST = FILTERS + 40;
const FILTER_IO = ADJUST + 1;
const STATE_SIZE = FILTER_IO + 1;
// Layout of the limits vector.
const FAST = 0;
const SLOW = 1;

/**
 * Runs one step of a Hilbert filter whose five slots start at `base`, on the input in
 * `s[FILTER_IO]` with gain `s[ADJUST]`; leaves its output in `s[FILTER_IO]`.
 */
function hilbert(s: Float64Array, base: number): void {
  const input = s[FILTER_IO] as number;
  const slot = base + (s[HILBERT_IDX] as number);
  const scaled = A * input;
  let v = -(s[slot] as number);
  s[slot] = scaled;
  v += scaled;
  v -= s[base + 3] as number;
  s[base + 3] = B * (s[base + 4] as number);
  v += s[base + 3] as number;
  s[base + 4] = input;
  s[FILTER_IO] = v * (s[ADJUST] as number);
}

/**
 * Advances MAMA by bar `i` of `input` (read from the column, so that no double crosses the
 * call) with the limits `[fastlimit, slowlimit]`. Returns whether MAMA and
 * FAMA (in `s[MAMA_VALUE]`, `s[FAMA_VALUE]`) are ready. The smoother is a 4-bar WMA kept as
 * TA-Lib keeps it; the Hilbert filters alternate between odd and even bars (counted from the
 * first bar), as TA-Lib's do.
 */
function mamaStep(s: Float64Array, input: Float64Array, i: number, limits: Float64Array): boolean {
  const x = input[i] as number;
  const bar = s[COUNT] as number;
  s[COUNT] = bar + 1;
  if (bar < 3) {
    s[WMA_SUB] = (s[WMA_SUB] as number) + x;
    s[WMA_SUM] = (s[WMA_SUM] as number) + x * (bar + 1);
    s[LAG3] = s[LAG2] as number;
    s[LAG2] = s[LAG1] as number;
    s[LAG1] = x;
    return false;
  }
  const adjust = 0.075 * (s[PERIOD] as number) + 0.54;
  let sub = (s[WMA_SUB] as number) + x;
  sub -= s[TRAILING] as number;
  let sum = (s[WMA_SUM] as number) + x * 4;
  s[TRAILING] = s[LAG3] as number;
  const smoothed = sum * 0.1;
  sum -= sub;
  s[WMA_SUB] = sub;
  s[WMA_SUM] = sum;
  s[LAG3] = s[LAG2] as number;
  s[LAG2] = s[LAG1] as number;
  s[LAG1] = x;
  if (bar < 12) return false;

  const even = bar % 2 === 0;
  const parity = even ? EVEN : ODD;
  // The in-phase component is the detrender of three bars of the same parity ago.
  const i1 = (even ? s[I1_EVEN_PREV3] : s[I1_ODD_PREV3]) as number;
  s[ADJUST] = adjust;
  s[FILTER_IO] = smoothed;
  hilbert(s, FILTERS + DETRENDER + parity);
  const detrender = s[FILTER_IO] as number;
  // The detrender, still in the I/O slot, is the input of Q1.
  hilbert(s, FILTERS + Q1 + parity);
  const q1 = s[FILTER_IO] as number;
  s[FILTER_IO] = i1;
  hilbert(s, FILTERS + JI + parity);
  const jI = s[FILTER_IO] as number;
  s[FILTER_IO] = q1;
  hilbert(s, FILTERS + JQ + parity);
  const jQ = s[FILTER_IO] as number;
  const q2 = 0.2 * (q1 + jI) + 0.8 * (s[PREV_Q2] as number);
  const i2 = 0.2 * (i1 - jQ) + 0.8 * (s[PREV_I2] as number);
  if (even) {
    s[HILBERT_IDX] = (s[HILBERT_IDX] as number) === 2 ? 0 : (s[HILBERT_IDX] as number) + 1;
    s[I1_ODD_PREV3] = s[I1_ODD_PREV2] as number;
    s[I1_ODD_PREV2] = detrender;
  } else {
    s[I1_EVEN_PREV3] = s[I1_EVEN_PREV2] as number;
    s[I1_EVEN_PREV2] = detrender;
  }
  const phase = i1 !== 0 ? Math.atan(q1 / i1) * RAD_TO_DEG : 0;

  let delta = (s[PREV_PHASE] as number) - phase;
  s[PREV_PHASE] = phase;
  if (delta < 1) delta = 1;
  const fast = limits[FAST] as number;
  let alpha = fast;
  if (delta > 1) {
    alpha = fast / delta;
    const slow = limits[SLOW] as number;
    if (alpha < slow) alpha = slow;
  }
  const mama = alpha * x + (1 - alpha) * (s[MAMA_VALUE] as number);
  alpha *= 0.5;
  s[MAMA_VALUE] = mama;
  s[FAMA_VALUE] = alpha * mama + (1 - alpha) * (s[FAMA_VALUE] as number);

  const prevI2 = s[PREV_I2] as number;
  const prevQ2 = s[PREV_Q2] as number;
  s[RE] = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * (s[RE] as number);
  s[IM] = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * (s[IM] as number);
  s[PREV_Q2] = q2;
  s[PREV_I2] = i2;
  const re = s[RE] as number;
  const im = s[IM] as number;
  const previous = s[PERIOD] as number;
  let period = previous;
  if (im !== 0 && re !== 0) period = 360 / (Math.atan(im / re) * RAD_TO_DEG);
  if (period > 1.5 * previous) period = 1.5 * previous;
  if (period < 0.67 * previous) period = 0.67 * previous;
  if (period < 6) period = 6;
  else if (period > 50) period = 50;
  s[PERIOD] = 0.2 * period + 0.8 * previous;
  return bar >= MAMA_LOOKBACK;
}

/**
 * Fills `mama[i]` and `fama[i]` (when given) with Ehlers' MESA adaptive moving average and its
 * following average over `input[from..i]`, NaN before `from + 32`. The smoothing factor
 * moves between `slowlimit` and `fastlimit` with the rate of change of the cycle phase
 * measured by a Hilbert transform.
 */
export function computeMama(
  input: Float64Array,
  fastlimit: number,
  slowlimit: number,
  mama: Float64Array,
  fama?: Float64Array,
  from = 0,
): void {
  const n = input.length;
  const first = Math.min(n, from + MAMA_LOOKBACK);
  mama.fill(Number.NaN, 0, first);
  fama?.fill(Number.NaN, 0, first);
  const s = new Float64Array(STATE_SIZE);
  const limits = Float64Array.of(fastlimit, slowlimit);
  for (let i = from; i < n; i++) {
    if (mamaStep(s, input, i, limits)) {
      mama[i] = s[MAMA_VALUE] as number;
      if (fama !== undefined) fama[i] = s[FAMA_VALUE] as number;
    }
  }
}

/**
 * MESA adaptive moving average, as TA-Lib's MAMA: returns `{ mama, fama }`.
 *
 * @example
 * const { mama, fama } = MAMA(series.close, { fastlimit: 0.5, slowlimit: 0.05 });
 */
export function MAMA(
  real: Float64Array,
  params: { fastlimit?: number; slowlimit?: number } = {},
): { mama: Float64Array; fama: Float64Array } {
  const p = resolveParams(MAMA_DEFINITION, params);
  const mama = nanArray(real.length);
  const fama = nanArray(real.length);
  computeMama(real, p.fastlimit as number, p.slowlimit as number, mama, fama);
  return { mama, fama };
}

/**
 * Streaming MAMA: O(1) per bar, no allocation; output 0 is MAMA, output 1 FAMA. With
 * `outputCount` 1 only MAMA is kept, for MAMA used as a moving average of type 7.
 */
export class MAMAStream extends StreamBase {
  readonly #limits: Float64Array;
  readonly #withFama: boolean;
  readonly #state = new Float64Array(STATE_SIZE);
  readonly #saved = new Float64Array(STATE_SIZE);
  #ready = false;

  constructor(params: IndicatorParams, outputCount: 1 | 2 = 2) {
    super(outputCount, 1);
    this.#withFama = outputCount === 2;
    this.#limits = Float64Array.of(params.fastlimit as number, params.slowlimit as number);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#saved.set(this.#state);
    this.#step(columns, index);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#state[COUNT] === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#state.set(this.#saved);
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const s = this.#state;
    this.#ready = mamaStep(s, columns[0]!, index, this.#limits);
    const ready = this.#ready;
    this.outputs[0] = ready ? (s[MAMA_VALUE] as number) : Number.NaN;
    if (this.#withFama) this.outputs[1] = ready ? (s[FAMA_VALUE] as number) : Number.NaN;
  }

  get isReady(): boolean {
    return this.#ready;
  }

  reset(): void {
    this.#state.fill(0);
    this.#ready = false;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for MAMA. */
export const MAMA_DEFINITION: IndicatorDefinition = {
  name: 'MAMA',
  group: 'overlap',
  description: "Ehlers' MESA adaptive moving average, whose speed follows the phase change of the dominant cycle.",
  talib: true,
  inputs: ['real'],
  parameters: [
    real('fastlimit', 0.5, 0.01, 0.99, 'Largest smoothing factor, used when the phase changes slowly.'),
    real('slowlimit', 0.05, 0.01, 0.99, 'Smallest smoothing factor.'),
  ],
  outputs: [
    { name: 'mama', type: 'real', description: 'The MESA adaptive moving average.' },
    { name: 'fama', type: 'real', description: 'The following adaptive moving average, half as fast.' },
  ],
  lookback: () => MAMA_LOOKBACK,
  compute: (inputs, p, outputs) =>
    computeMama(
      inputs[0] as Float64Array,
      p.fastlimit as number,
      p.slowlimit as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new MAMAStream(p),
};
