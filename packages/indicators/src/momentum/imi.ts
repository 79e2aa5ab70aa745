import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out` with the intraday momentum index over `timeperiod` bars: 100 × the sum of
 * up-bar bodies over the sum of all bodies (NaN for a window of bars without bodies, as in
 * TA-Lib). TA-Lib re-adds the window every bar; running sums are used here instead, reset to
 * exactly zero whenever their side of the window empties, so that no rounding residue lingers.
 */
export function computeImi(open: Float64Array, close: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = open.length;
  const lookback = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  let up = 0;
  let down = 0;
  let ups = 0;
  let downs = 0;
  for (let i = 0; i < n; i++) {
    if (i >= timeperiod) {
      const old = close[i - timeperiod] - open[i - timeperiod];
      if (old > 0) {
        up = --ups === 0 ? 0 : up - old;
      } else if (old < 0) {
        down = --downs === 0 ? 0 : down + old;
      }
    }
    const body = close[i] - open[i];
    if (body > 0) {
      up += body;
      ups++;
    } else if (body < 0) {
      down -= body;
      downs++;
    }
    if (i >= lookback) out[i] = 100 * (up / (up + down));
  }
}

/**
 * Intraday momentum index, as TA-Lib's IMI.
 *
 * @example
 * const imi = IMI(series.open, series.close, { timeperiod: 14 });
 */
export function IMI(open: Float64Array, close: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(IMI_DEFINITION, params);
  const out = nanArray(commonLength('IMI', [open, close]));
  computeImi(open, close, p.timeperiod as number, out);
  return out;
}

/** Streaming intraday momentum index: `push(open, close)`, O(1) over a ring of bodies. */
export class IMIStream extends StreamBase {
  readonly #period: number;
  readonly #bodies: Float64Array;
  // count, up, down, ups, downs, value, overwritten body.
  readonly #saved = new Float64Array(7);
  #count = 0;
  #up = 0;
  #down = 0;
  #ups = 0;
  #downs = 0;

  constructor(params: IndicatorParams) {
    super(1, 2);
    this.#period = params.timeperiod as number;
    this.#bodies = new Float64Array(this.#period);
  }

  push(open: number, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = open;
    bar[1]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const open = columns[0]![index]!;
    const close = columns[1]![index]!;
    const t = this.#count;
    const p = this.#period;
    const slot = t % p;
    const s = this.#saved;
    s[0] = t;
    s[1] = this.#up;
    s[2] = this.#down;
    s[3] = this.#ups;
    s[4] = this.#downs;
    s[5] = this.outputs[0];
    s[6] = this.#bodies[slot];
    if (t >= p) {
      const old = this.#bodies[slot];
      if (old > 0) {
        this.#up = --this.#ups === 0 ? 0 : this.#up - old;
      } else if (old < 0) {
        this.#down = --this.#downs === 0 ? 0 : this.#down + old;
      }
    }
    const body = close - open;
    this.#bodies[slot] = body;
    if (body > 0) {
      this.#up += body;
      this.#ups++;
    } else if (body < 0) {
      this.#down -= body;
      this.#downs++;
    }
    if (t >= p - 1) this.outputs[0] = 100 * (this.#up / (this.#up + this.#down));
    this.#count = t + 1;
  }

  revise(open: number, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = open;
    bar[1]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      const s = this.#saved;
      this.#count = s[0];
      this.#up = s[1];
      this.#down = s[2];
      this.#ups = s[3];
      this.#downs = s[4];
      this.outputs[0] = s[5];
      this.#bodies[this.#count % this.#period] = s[6];
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#bodies.fill(0);
    this.#count = 0;
    this.#up = 0;
    this.#down = 0;
    this.#ups = 0;
    this.#downs = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for IMI. */
export const IMI_DEFINITION: IndicatorDefinition = {
  name: 'IMI',
  group: 'momentum',
  description:
    'Intraday momentum index: the share of up-bar bodies in all bar bodies over the window, like an RSI of open-to-close moves.',
  talib: true,
  inputs: ['open', 'close'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars summed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The index, from 0 to 100.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeImi(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new IMIStream(p),
};
