import { AlphintraError } from '@alphintra/core';
import { StreamBase } from '../support/stream-base.js';
import { computeDema, DEMAStream } from './dema.js';
import { computeEma, EMAStream } from './ema.js';
import { computeKama, KAMAStream } from './kama.js';
import { computeMama, MAMAStream } from './mama.js';
import { computeSma, SMAStream } from './sma.js';
import { computeT3, T3Stream } from './t3.js';
import { computeTema, TEMAStream } from './tema.js';
import { computeTrima, TRIMAStream } from './trima.js';
import { computeWma, WMAStream } from './wma.js';

/** Moving-average types, numbered as TA-Lib numbers them (the `matype` parameter). */
export const MovingAverageType = {
  SMA: 0,
  EMA: 1,
  WMA: 2,
  DEMA: 3,
  TEMA: 4,
  TRIMA: 5,
  KAMA: 6,
  MAMA: 7,
  T3: 8,
} as const;

/** The fixed MAMA limits and T3 volume factor TA-Lib uses when an MA is chosen by type. */
const MAMA_FAST_LIMIT = 0.5;
const MAMA_SLOW_LIMIT = 0.05;
const T3_VFACTOR = 0.7;

function badType(matype: number): AlphintraError {
  return new AlphintraError('INVALID_ARGUMENT', `expected a moving-average type from 0 to 8, got ${matype}`);
}

/**
 * Returns the number of leading bars without a value of the moving average of type `matype`
 * (0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3) over `period` bars.
 * A period of 1 (or less) means the input itself, with no warm-up.
 */
export function movingAverageLookback(matype: number, period: number): number {
  if (period <= 1) return 0;
  switch (matype) {
    case 0:
    case 1:
    case 2:
    case 5:
      return period - 1;
    case 3:
      return 2 * (period - 1);
    case 4:
      return 3 * (period - 1);
    case 6:
      return period;
    case 7:
      return 32;
    case 8:
      return 6 * (period - 1);
    default:
      throw badType(matype);
  }
}

/**
 * Fills `out` with the moving average of type `matype` over `period` bars of
 * `input[from..]`, exactly as TA-Lib's MA computes it on that slice; `out[i]` is NaN for
 * `i < from + movingAverageLookback(matype, period)`. Indicators that smooth an
 * intermediate series whose own warm-up ends at `from` pass it here.
 *
 * @example
 * const out = new Float64Array(close.length);
 * computeMovingAverage(1, close, 20, out); // EMA(20)
 */
export function computeMovingAverage(
  matype: number,
  input: Float64Array,
  period: number,
  out: Float64Array,
  from = 0,
): void {
  if (period <= 1) {
    out.fill(Number.NaN, 0, Math.min(from, out.length));
    for (let i = from; i < input.length; i++) out[i] = input[i] as number;
    return;
  }
  switch (matype) {
    case 0:
      computeSma(input, period, out, from);
      return;
    case 1:
      computeEma(input, period, out, from);
      return;
    case 2:
      computeWma(input, period, out, from);
      return;
    case 3:
      computeDema(input, period, out, from);
      return;
    case 4:
      computeTema(input, period, out, from);
      return;
    case 5:
      computeTrima(input, period, out, from);
      return;
    case 6:
      computeKama(input, period, out, from);
      return;
    case 7:
      computeMama(input, MAMA_FAST_LIMIT, MAMA_SLOW_LIMIT, out, undefined, from);
      return;
    case 8:
      computeT3(input, period, T3_VFACTOR, out, from);
      return;
    default:
      throw badType(matype);
  }
}

/** Passes its input through: TA-Lib's moving average over a single bar. */
class IdentityStream extends StreamBase {
  #seen = false;

  constructor() {
    super(1, 1);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    this.outputs[0] = x;
    this.#seen = true;
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

/**
 * Creates the streaming moving average of type `matype` over `period` bars: `push(x)` writes
 * the average after `x` to `outputs[0]` (NaN during the warm-up), `revise(x)` revises the
 * last bar.
 *
 * @example
 * const ma = createMovingAverage(MovingAverageType.EMA, 20);
 * for (const x of closes) ma.push(x);
 * const latest = ma.outputs[0];
 */
export function createMovingAverage(matype: number, period: number): StreamBase {
  if (period <= 1) {
    if (matype < 0 || matype > 8 || !Number.isInteger(matype)) throw badType(matype);
    return new IdentityStream();
  }
  const params = { timeperiod: period };
  switch (matype) {
    case 0:
      return new SMAStream(params);
    case 1:
      return new EMAStream(params);
    case 2:
      return new WMAStream(params);
    case 3:
      return new DEMAStream(params);
    case 4:
      return new TEMAStream(params);
    case 5:
      return new TRIMAStream(params);
    case 6:
      return new KAMAStream(params);
    case 7:
      return new MAMAStream({ fastlimit: MAMA_FAST_LIMIT, slowlimit: MAMA_SLOW_LIMIT }, 1);
    case 8:
      return new T3Stream({ timeperiod: period, vfactor: T3_VFACTOR });
    default:
      throw badType(matype);
  }
}
