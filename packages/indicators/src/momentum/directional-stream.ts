import { StreamBase } from '../support/stream-base.js';
import type { IndicatorParams } from '../types.js';
import {
  type DirectionalKind,
  DX_KIND,
  directionalLookback,
  MINUS_DI_KIND,
  MINUS_DM_KIND,
  PLUS_DI_KIND,
  PLUS_DM_KIND,
} from './directional.js';
import { TALIB_EPSILON } from './near-zero.js';

/** Streaming member of the directional-movement family: `push(high, low, close)`, O(1), no allocation. */
export class DirectionalStream extends StreamBase {
  readonly #kind: DirectionalKind;
  readonly #period: number;
  readonly #lookback: number;
  #count = 0;
  #prevHigh = 0;
  #prevLow = 0;
  #prevClose = 0;
  #plusDm = 0;
  #minusDm = 0;
  #range = 0;
  // DX (last valid) for DX; the running DX sum, then the ADX, for ADX.
  #dx = 0;
  #adx = 0;
  readonly #saved = new Float64Array(10);

  constructor(kind: DirectionalKind, params: IndicatorParams) {
    super(1, 3);
    this.#kind = kind;
    this.#period = params.timeperiod as number;
    this.#lookback = directionalLookback(kind, this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    // DM reads no close (its definition has two inputs, high and low).
    const close = this.#kind <= MINUS_DM_KIND ? Number.NaN : columns[2]![index]!;
    const s = this.#saved;
    s[0] = this.#count;
    s[1] = this.#prevHigh;
    s[2] = this.#prevLow;
    s[3] = this.#prevClose;
    s[4] = this.#plusDm;
    s[5] = this.#minusDm;
    s[6] = this.#range;
    s[7] = this.#dx;
    s[8] = this.#adx;
    s[9] = this.outputs[0] as number;
    const t = this.#count;
    const p = this.#period;
    const kind = this.#kind;
    if (t > 0) {
      // The moves and the true range as plusMove, minusMove and trueRange compute them, written
      // out: this method is too large for V8 to inline every helper, and a helper left as a
      // call would box the double it returns.
      const up = high - this.#prevHigh;
      const down = this.#prevLow - low;
      const plus = up * (+(up > 0) & +(up > down));
      const minus = down * (+(down > 0) & +(up < down));
      const previousClose = this.#prevClose;
      let tr = high - low;
      const fromHigh = Math.abs(previousClose - high);
      if (fromHigh > tr) tr = fromHigh;
      const fromLow = Math.abs(previousClose - low);
      if (fromLow > tr) tr = fromLow;
      if (t < p) {
        this.#minusDm += minus;
        this.#plusDm += plus;
        this.#range += tr;
        if (t === p - 1 && kind <= MINUS_DM_KIND)
          this.outputs[0] = kind === PLUS_DM_KIND ? this.#plusDm : this.#minusDm;
      } else {
        this.#minusDm = this.#minusDm - this.#minusDm / p + minus;
        this.#plusDm = this.#plusDm - this.#plusDm / p + plus;
        this.#range = this.#range - this.#range / p + tr;
        this.#publish(t);
      }
    }
    this.#prevHigh = high;
    this.#prevLow = low;
    this.#prevClose = close;
    this.#count = t + 1;
  }

  // Reads the member's value from the state into the output, with the guards of diOf and dxOf
  // written out for the same reason. It takes no doubles and returns none, so that nothing is
  // boxed when V8 does not inline it.
  #publish(t: number): void {
    const p = this.#period;
    const kind = this.#kind;
    if (kind === PLUS_DM_KIND) {
      this.outputs[0] = this.#plusDm;
      return;
    }
    if (kind === MINUS_DM_KIND) {
      this.outputs[0] = this.#minusDm;
      return;
    }
    const range = this.#range;
    const flat = -TALIB_EPSILON < range && range < TALIB_EPSILON;
    if (kind === PLUS_DI_KIND || kind === MINUS_DI_KIND) {
      const dm = kind === PLUS_DI_KIND ? this.#plusDm : this.#minusDm;
      this.outputs[0] = flat ? 0 : p === 1 ? dm / range : 100 * (dm / range);
      return;
    }
    // The DX, or NaN where a division is guarded against (TA-Lib then keeps the previous value).
    let next = Number.NaN;
    if (!flat) {
      const minusDi = 100 * (this.#minusDm / range);
      const plusDi = 100 * (this.#plusDm / range);
      const sum = minusDi + plusDi;
      if (!(-TALIB_EPSILON < sum && sum < TALIB_EPSILON)) next = 100 * (Math.abs(minusDi - plusDi) / sum);
    }
    const valid = !Number.isNaN(next);
    if (kind === DX_KIND) {
      if (valid) this.#dx = next;
      this.outputs[0] = this.#dx;
      return;
    }
    const adxStart = 2 * p - 1;
    if (t <= adxStart) {
      if (valid) this.#dx += next;
      if (t < adxStart) return;
      this.#adx = this.#dx / p;
    } else if (valid) {
      this.#adx = (this.#adx * (p - 1) + next) / p;
    }
    this.outputs[0] = this.#adx;
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      const s = this.#saved;
      this.#count = s[0];
      this.#prevHigh = s[1];
      this.#prevLow = s[2];
      this.#prevClose = s[3];
      this.#plusDm = s[4];
      this.#minusDm = s[5];
      this.#range = s[6];
      this.#dx = s[7];
      this.#adx = s[8];
      this.outputs[0] = s[9] as number;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#count = 0;
    this.#plusDm = 0;
    this.#minusDm = 0;
    this.#range = 0;
    this.#dx = 0;
    this.#adx = 0;
    this.outputs[0] = Number.NaN;
  }
}
