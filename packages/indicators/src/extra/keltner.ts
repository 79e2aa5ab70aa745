import { computeEma, EMAStream } from '../overlap/ema.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, REAL_LIMIT, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ATRStream, computeAtr } from '../volatility/atr.js';

/** Returns the number of leading bars without a Keltner value. */
export function keltnerLookback(timeperiod: number, atrperiod: number): number {
  return Math.max(timeperiod - 1, atrperiod);
}

/**
 * Fills the three bands: `middle` with the EMA of the close over `timeperiod` bars and
 * `upper`/`lower` with it plus/minus `multiplier` times the ATR over `atrperiod` bars (all NaN
 * during the warm-up). `upper` holds the ATR while the bands are formed, so no scratch array
 * is needed.
 */
export function computeKeltner(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  atrperiod: number,
  multiplier: number,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
): void {
  const n = close.length;
  const first = keltnerLookback(timeperiod, atrperiod);
  computeEma(close, timeperiod, middle);
  computeAtr(high, low, close, atrperiod, upper);
  const stop = Math.min(n, first);
  upper.fill(Number.NaN, 0, stop);
  middle.fill(Number.NaN, 0, stop);
  lower.fill(Number.NaN, 0, stop);
  for (let i = first; i < n; i++) {
    const mid = middle[i] as number;
    const width = multiplier * (upper[i] as number);
    upper[i] = mid + width;
    lower[i] = mid - width;
  }
}

/**
 * Keltner channels: an EMA of the close with bands a multiple of the ATR away (not in TA-Lib).
 *
 * @example
 * const { upperband, middleband, lowerband } = KELTNER(series.high, series.low, series.close, { timeperiod: 20, atrperiod: 10, multiplier: 2 });
 */
export function KELTNER(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number; atrperiod?: number; multiplier?: number } = {},
): { upperband: Float64Array; middleband: Float64Array; lowerband: Float64Array } {
  const p = resolveParams(KELTNER_DEFINITION, params);
  const n = commonLength('KELTNER', [high, low, close]);
  const upperband = nanArray(n);
  const middleband = nanArray(n);
  const lowerband = nanArray(n);
  computeKeltner(
    high,
    low,
    close,
    p.timeperiod as number,
    p.atrperiod as number,
    p.multiplier as number,
    upperband,
    middleband,
    lowerband,
  );
  return { upperband, middleband, lowerband };
}

/** Streaming Keltner channels: `push(high, low, close)` (upper, middle, lower band); O(1), no allocation. */
export class KELTNERStream extends StreamBase {
  /** The close column alone, the EMA's input (set on each update; no copy of the data). */
  readonly #closes: Float64Array[];
  readonly #ema: EMAStream;
  readonly #atr: ATRStream;
  readonly #multiplier: number;
  readonly #lookback: number;
  #count = 0;

  constructor(params: IndicatorParams) {
    super(3, 3);
    this.#closes = [new Float64Array(0)];
    this.#ema = new EMAStream({ timeperiod: params.timeperiod as number });
    this.#atr = new ATRStream({ timeperiod: params.atrperiod as number });
    this.#multiplier = params.multiplier as number;
    this.#lookback = keltnerLookback(params.timeperiod as number, params.atrperiod as number);
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
    this.#atr.pushAt(columns, index);
    this.#bands();
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
    this.#atr.reviseAt(columns, index);
    this.#bands();
  }

  #bands(): void {
    const outputs = this.outputs;
    if (this.#count <= this.#lookback) {
      outputs.fill(Number.NaN);
    } else {
      const mid = this.#ema.outputs[0] as number;
      const width = this.#multiplier * (this.#atr.outputs[0] as number);
      outputs[0] = mid + width;
      outputs[1] = mid;
      outputs[2] = mid - width;
    }
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#ema.reset();
    this.#atr.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for KELTNER. */
export const KELTNER_DEFINITION: IndicatorDefinition = {
  name: 'KELTNER',
  group: 'extra',
  description:
    'Keltner channels: an exponential average of the close with bands a multiple of the average true range away.',
  formula:
    'middleband = EMA(close, timeperiod) (TA-Lib’s EMA, seeded with the mean of the first timeperiod closes); ' +
    'ATR = ATR(high, low, close, atrperiod) (TA-Lib’s ATR: Wilder smoothing of the true range, which starts at the second bar); ' +
    'upperband = middleband + multiplier·ATR; lowerband = middleband − multiplier·ATR. ' +
    'Warm-up max(timeperiod − 1, atrperiod) bars; all three bands start together.',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [
    period('timeperiod', 20, 2, 'Number of bars of the EMA that forms the middle band.'),
    period('atrperiod', 10, 1, 'Number of bars of the average true range that sets the width.'),
    real('multiplier', 2, 0, REAL_LIMIT, 'Number of average true ranges between the middle and each outer band.'),
  ],
  outputs: [
    { name: 'upperband', type: 'real', description: 'The middle band plus multiplier ATRs.' },
    { name: 'middleband', type: 'real', description: 'The EMA of the close.' },
    { name: 'lowerband', type: 'real', description: 'The middle band minus multiplier ATRs.' },
  ],
  lookback: (p) => keltnerLookback(p.timeperiod as number, p.atrperiod as number),
  compute: (inputs, p, outputs) =>
    computeKeltner(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      p.atrperiod as number,
      p.multiplier as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
    ),
  createStream: (p) => new KELTNERStream(p),
};
