import type { IndicatorParams, StreamingIndicator } from '../types.js';
import { trueRange } from '../volatility/true-range.js';
import {
  type DirectionalKind,
  DX_KIND,
  diOf,
  directionalLookback,
  dxOf,
  MINUS_DI_KIND,
  MINUS_DM_KIND,
  minusMove,
  PLUS_DI_KIND,
  PLUS_DM_KIND,
  plusMove,
} from './directional.js';

/** Streaming member of the directional-movement family: `update(high, low, close)`, O(1), no allocation. */
export class DirectionalStream implements StreamingIndicator {
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
  #value = Number.NaN;
  readonly #saved = new Float64Array(10);

  constructor(kind: DirectionalKind, params: IndicatorParams) {
    this.#kind = kind;
    this.#period = params.timeperiod as number;
    this.#lookback = directionalLookback(kind, this.#period);
  }

  update(high: number, low = Number.NaN, close = Number.NaN): number {
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
    s[9] = this.#value;
    const t = this.#count;
    const p = this.#period;
    const kind = this.#kind;
    if (t > 0) {
      const up = high - this.#prevHigh;
      const down = this.#prevLow - low;
      const tr = trueRange(high, low, this.#prevClose);
      if (t < p) {
        this.#minusDm += minusMove(up, down);
        this.#plusDm += plusMove(up, down);
        this.#range += tr;
        if (t === p - 1 && kind <= MINUS_DM_KIND) this.#value = kind === PLUS_DM_KIND ? this.#plusDm : this.#minusDm;
      } else {
        this.#minusDm = this.#minusDm - this.#minusDm / p + minusMove(up, down);
        this.#plusDm = this.#plusDm - this.#plusDm / p + plusMove(up, down);
        this.#range = this.#range - this.#range / p + tr;
        this.#publish(t);
      }
    }
    this.#prevHigh = high;
    this.#prevLow = low;
    this.#prevClose = close;
    this.#count = t + 1;
    return this.#value;
  }

  // Reads the member's value from the state into #value. It takes no doubles and returns
  // none, so that V8 need not box numbers when it does not inline the call.
  #publish(t: number): void {
    const p = this.#period;
    switch (this.#kind) {
      case PLUS_DM_KIND:
        this.#value = this.#plusDm;
        return;
      case MINUS_DM_KIND:
        this.#value = this.#minusDm;
        return;
      case PLUS_DI_KIND:
        this.#value = diOf(this.#plusDm, this.#range, p);
        return;
      case MINUS_DI_KIND:
        this.#value = diOf(this.#minusDm, this.#range, p);
        return;
      case DX_KIND: {
        const next = dxOf(this.#plusDm, this.#minusDm, this.#range);
        if (!Number.isNaN(next)) this.#dx = next;
        this.#value = this.#dx;
        return;
      }
      default: {
        const next = dxOf(this.#plusDm, this.#minusDm, this.#range);
        const adxStart = 2 * p - 1;
        if (t <= adxStart) {
          if (!Number.isNaN(next)) this.#dx += next;
          if (t < adxStart) return;
          this.#adx = this.#dx / p;
        } else if (!Number.isNaN(next)) {
          this.#adx = (this.#adx * (p - 1) + next) / p;
        }
        this.#value = this.#adx;
      }
    }
  }

  replace(high: number, low = Number.NaN, close = Number.NaN): number {
    if (this.#count === 0) return this.update(high, low, close);
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
    this.#value = s[9];
    return this.update(high, low, close);
  }

  output(index: number): number {
    return index === 0 ? this.#value : Number.NaN;
  }

  get value(): number {
    return this.#value;
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
    this.#value = Number.NaN;
  }
}
