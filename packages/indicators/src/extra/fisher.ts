import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeWindowHighLow } from './window-high-low.js';

/**
 * Returns the next smoothed position from the previous one and where the median price sits
 * in its window (0 at the low, 1 at the high), clamped to ±0.999 beyond ±0.99 so that the
 * logarithm stays finite.
 */
function smoothPosition(position: number, previous: number): number {
  const v = 0.66 * (position - 0.5) + 0.67 * previous;
  return v > 0.99 ? 0.999 : v < -0.99 ? -0.999 : v;
}

/**
 * Fills `fisher` and `trigger` (the previous bar's fisher) for the median price over
 * `timeperiod` bars; NaN for the first `timeperiod` bars. Allocates one scratch array per call.
 */
export function computeFisher(
  high: Float64Array,
  low: Float64Array,
  timeperiod: number,
  fisher: Float64Array,
  trigger: Float64Array,
): void {
  const n = high.length;
  if (timeperiod >= n) {
    fisher.fill(Number.NaN);
    trigger.fill(Number.NaN);
    return;
  }
  const median = new Float64Array(n);
  for (let i = 0; i < n; i++) median[i] = ((high[i] as number) + (low[i] as number)) / 2;
  computeWindowHighLow(median, median, timeperiod, fisher, trigger);
  let v = 0;
  let f = 0;
  for (let i = timeperiod - 1; i < n; i++) {
    const lowest = trigger[i] as number;
    const range = (fisher[i] as number) - lowest;
    v = smoothPosition(range > 0 ? ((median[i] as number) - lowest) / range : 0.5, v);
    trigger[i] = f;
    f = 0.5 * Math.log((1 + v) / (1 - v)) + 0.5 * f;
    fisher[i] = f;
  }
  fisher.fill(Number.NaN, 0, timeperiod);
  trigger.fill(Number.NaN, 0, timeperiod);
}

/**
 * Ehlers' Fisher transform of the normalised median price (not in TA-Lib).
 *
 * @example
 * const { fisher, trigger } = FISHER(series.high, series.low, { timeperiod: 9 });
 */
export function FISHER(
  high: Float64Array,
  low: Float64Array,
  params: { timeperiod?: number } = {},
): { fisher: Float64Array; trigger: Float64Array } {
  const p = resolveParams(FISHER_DEFINITION, params);
  const n = commonLength('FISHER', [high, low]);
  const fisher = nanArray(n);
  const trigger = nanArray(n);
  computeFisher(high, low, p.timeperiod as number, fisher, trigger);
  return { fisher, trigger };
}

/**
 * Streaming Fisher transform: `push(high, low)` (fisher, its previous value); amortised O(1),
 * no allocation. The window's extremes are tracked here with the batch kernel's scan (carried
 * from bar to bar, rescanned only when one leaves the window) rather than by two window
 * sub-streams: those do not both fit V8's inlining budget, and the one left out of line would
 * box the median passed to it on every bar.
 */
export class FISHERStream extends StreamBase {
  readonly #period: number;
  /** Medians at `absolute index % period`. */
  readonly #medians: Float64Array;
  #count = 0;
  #highest = 0;
  #highAt = -1;
  #lowest = 0;
  #lowAt = -1;
  #position = 0;
  #fisher = 0;
  #previousFisher = 0;
  // State before the last push, so that `revise` can undo it.
  #savedHighest = 0;
  #savedHighAt = -1;
  #savedLowest = 0;
  #savedLowAt = -1;
  #savedPosition = 0;
  #savedFisher = 0;
  #savedPreviousFisher = 0;
  #savedSlot = 0;

  constructor(params: IndicatorParams) {
    super(2, 2);
    this.#period = params.timeperiod as number;
    this.#medians = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const p = this.#period;
    const medians = this.#medians;
    const today = this.#count;
    this.#savedHighest = this.#highest;
    this.#savedHighAt = this.#highAt;
    this.#savedLowest = this.#lowest;
    this.#savedLowAt = this.#lowAt;
    this.#savedPosition = this.#position;
    this.#savedFisher = this.#fisher;
    this.#savedPreviousFisher = this.#previousFisher;
    this.#savedSlot = medians[today % p] as number;
    const m = (high + low) / 2;
    medians[today % p] = m;
    this.#count = today + 1;
    const trailing = today - p + 1;
    if (trailing >= 0) {
      if (this.#highAt < trailing) {
        let best = medians[trailing % p] as number;
        let at = trailing;
        for (let j = trailing + 1; j <= today; j++) {
          const v = medians[j % p] as number;
          if (v >= best) {
            best = v;
            at = j;
          }
        }
        this.#highest = best;
        this.#highAt = at;
      } else if (m >= this.#highest) {
        this.#highest = m;
        this.#highAt = today;
      }
      if (this.#lowAt < trailing) {
        let best = medians[trailing % p] as number;
        let at = trailing;
        for (let j = trailing + 1; j <= today; j++) {
          const v = medians[j % p] as number;
          if (v <= best) {
            best = v;
            at = j;
          }
        }
        this.#lowest = best;
        this.#lowAt = at;
      } else if (m <= this.#lowest) {
        this.#lowest = m;
        this.#lowAt = today;
      }
      const lowest = this.#lowest;
      const range = this.#highest - lowest;
      const v = smoothPosition(range > 0 ? (m - lowest) / range : 0.5, this.#position);
      this.#position = v;
      this.#previousFisher = this.#fisher;
      this.#fisher = 0.5 * Math.log((1 + v) / (1 - v)) + 0.5 * this.#fisher;
    }
    // Separate stores rather than conditional expressions, which can leave V8 boxing the value.
    if (this.#count > p) {
      this.outputs[0] = this.#fisher;
      this.outputs[1] = this.#previousFisher;
    } else {
      this.outputs.fill(Number.NaN);
    }
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count--;
      this.#medians[this.#count % this.#period] = this.#savedSlot;
      this.#highest = this.#savedHighest;
      this.#highAt = this.#savedHighAt;
      this.#lowest = this.#savedLowest;
      this.#lowAt = this.#savedLowAt;
      this.#position = this.#savedPosition;
      this.#fisher = this.#savedFisher;
      this.#previousFisher = this.#savedPreviousFisher;
    }
    // Pushing again saves the state just restored, which is the same.
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#medians.fill(0);
    this.#count = 0;
    this.#highest = 0;
    this.#highAt = -1;
    this.#lowest = 0;
    this.#lowAt = -1;
    this.#position = 0;
    this.#fisher = 0;
    this.#previousFisher = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for FISHER. */
export const FISHER_DEFINITION: IndicatorDefinition = {
  name: 'FISHER',
  group: 'extra',
  description:
    'Fisher transform: the median price’s place in its recent range, smoothed and mapped to a near-Gaussian scale.',
  formula:
    'm = (high + low) / 2; x = (m − min(m over timeperiod bars)) / (max − min), and x = 0.5 when the window has no range; ' +
    'v = 0.66·(x − 0.5) + 0.67·v[−1], set to 0.999 when above 0.99 and −0.999 when below −0.99; ' +
    'fisher = 0.5·ln((1 + v) / (1 − v)) + 0.5·fisher[−1]; trigger = fisher[−1]. Both recursions start from 0 at bar timeperiod − 1, ' +
    'the first bar with a full window; outputs start one bar later (warm-up timeperiod bars) so that trigger is a computed value. ' +
    'Unlike charting scripts that floor the range at 0.001 (a price-scale-dependent constant), only a zero range is special-cased.',
  talib: false,
  inputs: ['high', 'low'],
  parameters: [period('timeperiod', 9, 2, 'Number of bars of the window that normalises the median price.')],
  outputs: [
    { name: 'fisher', type: 'real', description: 'The Fisher transform.' },
    { name: 'trigger', type: 'real', description: 'The Fisher transform one bar earlier.' },
  ],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeFisher(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new FISHERStream(p),
};
