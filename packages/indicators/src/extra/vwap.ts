import { MICROS_PER_DAY, MICROS_PER_MINUTE } from '@alphintra/core';
import { commonLength, nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Returns the session number of a bar opening at `time` µs UTC: the day number of its date on
 * a clock `offsetMicros` ahead of UTC (behind when negative), so that with −5 h the sessions
 * turn at 05:00 UTC, New York's midnight in winter. The correction steps guard against the
 * division rounding a time just before the boundary up into the next day.
 */
export function sessionOf(time: number, offsetMicros: number): number {
  const shifted = time + offsetMicros;
  let day = Math.floor(shifted / MICROS_PER_DAY);
  if (day * MICROS_PER_DAY > shifted) day--;
  else if ((day + 1) * MICROS_PER_DAY <= shifted) day++;
  return day;
}

/**
 * Fills `out[i]` with the volume-weighted average of the typical price (high + low + close) / 3
 * over the bars of bar `i`'s session up to and including bar `i`. A session is a calendar day
 * on a clock `offset` minutes ahead of UTC (see {@link sessionOf}). While the session has traded no volume, the
 * value is the bar's own typical price.
 */
export function computeVwap(
  time: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  offset: number,
  out: Float64Array,
): void {
  const n = time.length;
  const offsetMicros = offset * MICROS_PER_MINUTE;
  let session = Number.NaN;
  let sumPv = 0;
  let sumV = 0;
  for (let i = 0; i < n; i++) {
    const s = sessionOf(time[i] as number, offsetMicros);
    if (s !== session) {
      session = s;
      sumPv = 0;
      sumV = 0;
    }
    const tp = ((high[i] as number) + (low[i] as number) + (close[i] as number)) / 3;
    const v = volume[i] as number;
    sumPv += tp * v;
    sumV += v;
    out[i] = sumV === 0 ? tp : sumPv / sumV;
  }
}

/**
 * Session-anchored volume-weighted average price (not in TA-Lib).
 *
 * @example
 * // New York session days (UTC−5): sessions turn at 05:00 UTC.
 * const vwap = VWAP(series.time, series.high, series.low, series.close, series.volume, { offset: -300 });
 */
export function VWAP(
  time: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  params: { offset?: number } = {},
): Float64Array {
  const p = resolveParams(VWAP_DEFINITION, params);
  const out = nanArray(commonLength('VWAP', [time, high, low, close, volume]));
  computeVwap(time, high, low, close, volume, p.offset as number, out);
  return out;
}

/** Streaming VWAP: `push(time, high, low, close, volume)`, O(1), no allocation. */
export class VWAPStream extends StreamBase {
  readonly #offsetMicros: number;
  #count = 0;
  #session = Number.NaN;
  #sumPv = 0;
  #sumV = 0;
  #value = Number.NaN;
  #savedCount = 0;
  #savedSession = Number.NaN;
  #savedSumPv = 0;
  #savedSumV = 0;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 5);
    this.#offsetMicros = (params.offset as number) * MICROS_PER_MINUTE;
  }

  push(time: number, high = Number.NaN, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = time;
    bar[1]![0] = high;
    bar[2]![0] = low;
    bar[3]![0] = close;
    bar[4]![0] = volume;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedCount = this.#count;
    this.#savedSession = this.#session;
    this.#savedSumPv = this.#sumPv;
    this.#savedSumV = this.#sumV;
    this.#savedValue = this.#value;
    this.#step(columns, index);
  }

  revise(time: number, high = Number.NaN, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = time;
    bar[1]![0] = high;
    bar[2]![0] = low;
    bar[3]![0] = close;
    bar[4]![0] = volume;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#count = this.#savedCount;
    this.#session = this.#savedSession;
    this.#sumPv = this.#savedSumPv;
    this.#sumV = this.#savedSumV;
    this.#value = this.#savedValue;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const time = columns[0]![index]!;
    const high = columns[1]![index]!;
    const low = columns[2]![index]!;
    const close = columns[3]![index]!;
    const volume = columns[4]![index]!;
    const s = sessionOf(time, this.#offsetMicros);
    if (s !== this.#session) {
      this.#session = s;
      this.#sumPv = 0;
      this.#sumV = 0;
    }
    const tp = (high + low + close) / 3;
    this.#sumPv += tp * volume;
    this.#sumV += volume;
    this.#value = this.#sumV === 0 ? tp : this.#sumPv / this.#sumV;
    this.#count++;
    this.outputs[0] = this.#value;
  }

  get isReady(): boolean {
    return this.#count > 0;
  }

  reset(): void {
    this.#count = 0;
    this.#session = Number.NaN;
    this.#sumPv = 0;
    this.#sumV = 0;
    this.#value = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for VWAP. */
export const VWAP_DEFINITION: IndicatorDefinition = {
  name: 'VWAP',
  group: 'extra',
  description: 'Volume-weighted average of the typical price since the start of the current session day.',
  formula:
    'tp[i] = (high[i] + low[i] + close[i]) / 3; bar i belongs to session floor((time[i] + offset·60·10⁶) / (86 400·10⁶)), ' +
    'the calendar date of its open time on a clock offset minutes ahead of UTC (offset −300: sessions turn at 05:00 UTC, New York midnight in winter; a fixed offset ignores daylight saving). ' +
    'VWAP[i] = Σ tp[j]·volume[j] / Σ volume[j] over the bars j ≤ i of bar i’s session (the sums restart at the first bar of each new session). ' +
    'While the session’s cumulative volume is exactly 0, VWAP[i] = tp[i]. No warm-up: a value from the first bar.',
  talib: false,
  inputs: ['time', 'high', 'low', 'close', 'volume'],
  parameters: [
    {
      name: 'offset',
      type: 'integer',
      default: 0,
      min: -1440,
      max: 1440,
      description:
        'UTC offset in minutes of the clock whose midnight starts a session (−300: 05:00 UTC, New York in winter).',
    },
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The session VWAP.' }],
  lookback: () => 0,
  compute: (inputs, p, outputs) =>
    computeVwap(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      inputs[4] as Float64Array,
      p.offset as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new VWAPStream(p),
};
