import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_LONG_LOOKBACK, HT_MODE } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `out[i]` with 1 when the market trends and 0 when it cycles, judged from the sine
 * wave crossings, the phase advance and the price's distance from the trendline. NaN for
 * the first 63 bars.
 */
export function computeHtTrendMode(real: Float64Array, out: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(HT_MODE);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    out[i] = i < HT_LONG_LOOKBACK ? Number.NaN : engine.trend;
  }
}

/**
 * Hilbert transform trend versus cycle mode, as TA-Lib's HT_TRENDMODE.
 *
 * @example
 * const trending = HT_TRENDMODE(series.close); // 1 trend, 0 cycle
 */
export function HT_TRENDMODE(real: Float64Array, params: Record<string, never> = {}): Float64Array {
  resolveParams(HT_TRENDMODE_DEFINITION, params);
  const out = nanArray(real.length);
  computeHtTrendMode(real, out);
  return out;
}

/** Streaming HT_TRENDMODE: O(1) per bar, no allocation. */
export class HTTrendModeStream extends HilbertStream {
  constructor() {
    super(HT_MODE, 1);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.trend;
  }
}

/** Registry entry for HT_TRENDMODE. */
export const HT_TRENDMODE_DEFINITION: IndicatorDefinition = {
  name: 'HT_TRENDMODE',
  group: 'cycle',
  description: 'Whether prices trend (1) or move in a cycle (0), judged with the Hilbert transform.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [{ name: 'integer', type: 'integer', description: '1 in a trend, 0 in a cycle.' }],
  lookback: () => HT_LONG_LOOKBACK,
  compute: (inputs, _p, outputs) => computeHtTrendMode(inputs[0] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new HTTrendModeStream(),
};
