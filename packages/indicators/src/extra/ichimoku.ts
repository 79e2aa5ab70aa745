import { RollingExtreme } from '../math/rolling-extreme.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeWindowHighLow } from './window-high-low.js';

/** Returns the number of leading bars without Ichimoku values: the longest window less one. */
export function ichimokuLookback(tenkanperiod: number, kijunperiod: number, senkouperiod: number): number {
  return Math.max(tenkanperiod, kijunperiod, senkouperiod) - 1;
}

/** Writes into `out` the midpoint of the highest high and lowest low of `timeperiod` bars, using `scratch`. */
function midrange(high: Float64Array, low: Float64Array, timeperiod: number, out: Float64Array, scratch: Float64Array) {
  computeWindowHighLow(high, low, timeperiod, out, scratch);
  for (let i = timeperiod - 1; i < out.length; i++) out[i] = ((out[i] as number) + (scratch[i] as number)) / 2;
}

/**
 * Fills the five Ichimoku lines, each at the bar where it becomes known (no displacement, see
 * {@link ICHIMOKU_DEFINITION}); all are NaN for the first `ichimokuLookback(…)` bars.
 * Allocates one scratch array per call.
 */
export function computeIchimoku(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  tenkanperiod: number,
  kijunperiod: number,
  senkouperiod: number,
  tenkan: Float64Array,
  kijun: Float64Array,
  senkoua: Float64Array,
  senkoub: Float64Array,
  chikou: Float64Array,
): void {
  const n = high.length;
  const first = ichimokuLookback(tenkanperiod, kijunperiod, senkouperiod);
  if (first < n) {
    const scratch = new Float64Array(n);
    midrange(high, low, tenkanperiod, tenkan, scratch);
    midrange(high, low, kijunperiod, kijun, scratch);
    midrange(high, low, senkouperiod, senkoub, scratch);
    for (let i = first; i < n; i++) {
      senkoua[i] = ((tenkan[i] as number) + (kijun[i] as number)) / 2;
      chikou[i] = close[i] as number;
    }
  }
  const stop = Math.min(n, first);
  tenkan.fill(Number.NaN, 0, stop);
  kijun.fill(Number.NaN, 0, stop);
  senkoua.fill(Number.NaN, 0, stop);
  senkoub.fill(Number.NaN, 0, stop);
  chikou.fill(Number.NaN, 0, stop);
}

/**
 * Ichimoku kinko hyo lines, aligned with the bar where each becomes known (not in TA-Lib).
 * To draw the cloud as charts do, shift `senkoua` and `senkoub` forward and `chikou` back by
 * the displacement (conventionally 26 bars).
 *
 * @example
 * const { tenkan, kijun, senkoua, senkoub } = ICHIMOKU(series.high, series.low, series.close);
 * // The cloud under bar i (as charts draw it) is senkoua[i - 26] and senkoub[i - 26].
 */
export function ICHIMOKU(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { tenkanperiod?: number; kijunperiod?: number; senkouperiod?: number } = {},
): { tenkan: Float64Array; kijun: Float64Array; senkoua: Float64Array; senkoub: Float64Array; chikou: Float64Array } {
  const p = resolveParams(ICHIMOKU_DEFINITION, params);
  const n = commonLength('ICHIMOKU', [high, low, close]);
  const out = {
    tenkan: nanArray(n),
    kijun: nanArray(n),
    senkoua: nanArray(n),
    senkoub: nanArray(n),
    chikou: nanArray(n),
  };
  computeIchimoku(
    high,
    low,
    close,
    p.tenkanperiod as number,
    p.kijunperiod as number,
    p.senkouperiod as number,
    out.tenkan,
    out.kijun,
    out.senkoua,
    out.senkoub,
    out.chikou,
  );
  return out;
}

/** Streaming Ichimoku: `push(high, low, close)` (tenkan, kijun, senkou A, senkou B, chikou); amortised O(1), no allocation. */
export class ICHIMOKUStream extends StreamBase {
  readonly #windows: readonly RollingExtreme[];
  readonly #lookback: number;
  #count = 0;

  constructor(params: IndicatorParams) {
    super(5, 3);
    const t = params.tenkanperiod as number;
    const k = params.kijunperiod as number;
    const s = params.senkouperiod as number;
    this.#windows = [
      new RollingExtreme(t, true),
      new RollingExtreme(t, false),
      new RollingExtreme(k, true),
      new RollingExtreme(k, false),
      new RollingExtreme(s, true),
      new RollingExtreme(s, false),
    ];
    this.#lookback = ichimokuLookback(t, k, s);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const highs = columns[0]!;
    const lows = columns[1]!;
    const close = columns[2]![index]!;
    const w = this.#windows;
    for (let j = 0; j < 6; j += 2) {
      (w[j] as RollingExtreme).push(highs, index);
      (w[j + 1] as RollingExtreme).push(lows, index);
    }
    this.#count++;
    const v = this.outputs;
    if (this.#count <= this.#lookback) {
      v.fill(Number.NaN);
    } else {
      v[0] = ((w[0] as RollingExtreme).extreme + (w[1] as RollingExtreme).extreme) / 2;
      v[1] = ((w[2] as RollingExtreme).extreme + (w[3] as RollingExtreme).extreme) / 2;
      v[2] = ((v[0] as number) + (v[1] as number)) / 2;
      v[3] = ((w[4] as RollingExtreme).extreme + (w[5] as RollingExtreme).extreme) / 2;
      v[4] = close;
    }
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
      const w = this.#windows;
      for (let j = 0; j < 6; j++) (w[j] as RollingExtreme).undo();
      this.#count--;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    for (const w of this.#windows) w.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for ICHIMOKU. */
export const ICHIMOKU_DEFINITION: IndicatorDefinition = {
  name: 'ICHIMOKU',
  group: 'extra',
  description:
    'Ichimoku kinko hyo: conversion, base and leading lines from window midranges, each given at the bar it becomes known.',
  formula:
    'mid(p)[i] = (max(high[i − p + 1 .. i]) + min(low[i − p + 1 .. i])) / 2; tenkan = mid(tenkanperiod); kijun = mid(kijunperiod); ' +
    'senkoua = (tenkan + kijun) / 2; senkoub = mid(senkouperiod); chikou = close. ' +
    'Displacement convention: every output is emitted at the bar whose data it uses and is never shifted, so no value uses a later bar. ' +
    'Charts draw senkoua and senkoub D bars ahead (D conventionally 26): the cloud under bar i is senkoua[i − D], senkoub[i − D]. ' +
    'Charts draw chikou D bars back: comparing the lagging line with the price it is drawn against is comparing close[i] with close[i − D] at bar i. ' +
    'Warm-up max(tenkanperiod, kijunperiod, senkouperiod) − 1 bars; all five outputs start together.',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [
    period('tenkanperiod', 9, 1, 'Number of bars of the conversion line (tenkan-sen).'),
    period('kijunperiod', 26, 1, 'Number of bars of the base line (kijun-sen).'),
    period('senkouperiod', 52, 1, 'Number of bars of the second leading span (senkou span B).'),
  ],
  outputs: [
    { name: 'tenkan', type: 'real', description: 'Conversion line: midrange of the last tenkanperiod bars.' },
    { name: 'kijun', type: 'real', description: 'Base line: midrange of the last kijunperiod bars.' },
    { name: 'senkoua', type: 'real', description: 'Leading span A, undisplaced: the mean of tenkan and kijun.' },
    {
      name: 'senkoub',
      type: 'real',
      description: 'Leading span B, undisplaced: midrange of the last senkouperiod bars.',
    },
    { name: 'chikou', type: 'real', description: 'Lagging line, undisplaced: the close.' },
  ],
  lookback: (p) => ichimokuLookback(p.tenkanperiod as number, p.kijunperiod as number, p.senkouperiod as number),
  compute: (inputs, p, outputs) =>
    computeIchimoku(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.tenkanperiod as number,
      p.kijunperiod as number,
      p.senkouperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
      outputs[3] as Float64Array,
      outputs[4] as Float64Array,
    ),
  createStream: (p) => new ICHIMOKUStream(p),
};
