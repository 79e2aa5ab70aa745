import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_LONG_LOOKBACK, HT_TREND } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `out[i]` with the instantaneous trendline: the mean price over the dominant cycle,
 * smoothed by a 4-bar weighted average. NaN for the first 63 bars.
 */
export function computeHtTrendline(real: Float64Array, out: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(HT_TREND);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    out[i] = i < HT_LONG_LOOKBACK ? Number.NaN : engine.trendline;
  }
}

/**
 * Hilbert transform instantaneous trendline, as TA-Lib's HT_TRENDLINE (an overlap study).
 *
 * @example
 * const trendline = HT_TRENDLINE(series.close);
 */
export function HT_TRENDLINE(real: Float64Array, params: Record<string, never> = {}): Float64Array {
  resolveParams(HT_TRENDLINE_DEFINITION, params);
  const out = nanArray(real.length);
  computeHtTrendline(real, out);
  return out;
}

/** Streaming HT_TRENDLINE: O(1) per bar (at most 50 terms), no allocation. */
export class HTTrendlineStream extends HilbertStream {
  constructor() {
    super(HT_TREND, 1);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.trendline;
  }
}

/** Registry entry for HT_TRENDLINE (TA-Lib files it with the overlap studies). */
export const HT_TRENDLINE_DEFINITION: IndicatorDefinition = {
  name: 'HT_TRENDLINE',
  group: 'overlap',
  description: 'Price averaged over the dominant cycle and lightly smoothed, a trendline without cycle lag.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The instantaneous trendline.' }],
  lookback: () => HT_LONG_LOOKBACK,
  compute: (inputs, _p, outputs) => computeHtTrendline(inputs[0] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new HTTrendlineStream(),
};
