import { computeEma, EMAStream } from '../overlap/ema.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `bull[i]` with high − EMA(close) and `bear[i]` with low − EMA(close) (NaN for the
 * first `timeperiod − 1` bars). `bear` holds the EMA while the powers are formed.
 */
export function computeElderRay(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  bull: Float64Array,
  bear: Float64Array,
): void {
  const n = close.length;
  computeEma(close, timeperiod, bear);
  bull.fill(Number.NaN, 0, Math.min(n, timeperiod - 1));
  for (let i = timeperiod - 1; i < n; i++) {
    const ema = bear[i] as number;
    bull[i] = (high[i] as number) - ema;
    bear[i] = (low[i] as number) - ema;
  }
}

/**
 * Elder ray (bull and bear power) (not in TA-Lib).
 *
 * @example
 * const { bullpower, bearpower } = ELDERRAY(series.high, series.low, series.close, { timeperiod: 13 });
 */
export function ELDERRAY(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): { bullpower: Float64Array; bearpower: Float64Array } {
  const p = resolveParams(ELDERRAY_DEFINITION, params);
  const n = commonLength('ELDERRAY', [high, low, close]);
  const bullpower = nanArray(n);
  const bearpower = nanArray(n);
  computeElderRay(high, low, close, p.timeperiod as number, bullpower, bearpower);
  return { bullpower, bearpower };
}

/** Streaming Elder ray: `push(high, low, close)` (bull power, bear power); O(1), no allocation. */
export class ELDERRAYStream extends StreamBase {
  readonly #ema: EMAStream;
  /** The close column alone, the EMA's input (set on each update; no copy of the data). */
  readonly #closes: Float64Array[] = [new Float64Array(0)];
  #count = 0;

  constructor(params: IndicatorParams) {
    super(2, 3);
    this.#ema = new EMAStream({ timeperiod: params.timeperiod as number });
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#count++;
    this.#closes[0] = columns[2]!;
    this.#ema.pushAt(this.#closes, index);
    this.#powers(columns, index);
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#closes[0] = columns[2]!;
    this.#ema.reviseAt(this.#closes, index);
    this.#powers(columns, index);
  }

  #powers(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    // NaN during the warm-up propagates from the EMA.
    const ema = this.#ema.outputs[0] as number;
    this.outputs[0] = high - ema;
    this.outputs[1] = low - ema;
  }

  get isReady(): boolean {
    return this.#ema.isReady;
  }

  reset(): void {
    this.#ema.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for ELDERRAY. */
export const ELDERRAY_DEFINITION: IndicatorDefinition = {
  name: 'ELDERRAY',
  group: 'extra',
  description: 'Elder ray: how far the high (bull power) and the low (bear power) reach beyond an EMA of the close.',
  formula:
    'ema = EMA(close, timeperiod) (TA-Lib’s EMA, seeded with the mean of the first timeperiod closes); ' +
    'bullpower = high − ema; bearpower = low − ema. Warm-up timeperiod − 1 bars.',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 13, 2, 'Number of bars of the EMA.')],
  outputs: [
    { name: 'bullpower', type: 'real', description: 'High minus the EMA.' },
    { name: 'bearpower', type: 'real', description: 'Low minus the EMA.' },
  ],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeElderRay(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new ELDERRAYStream(p),
};
