import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_SHORT_LOOKBACK } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `out[i]` with the smoothed dominant-cycle period (in bars) measured by the Hilbert
 * transform's homodyne discriminator, NaN for the first 32 bars.
 */
export function computeHtDcPeriod(real: Float64Array, out: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(0);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    out[i] = i < HT_SHORT_LOOKBACK ? Number.NaN : engine.smoothPeriod;
  }
}

/**
 * Hilbert transform dominant-cycle period, as TA-Lib's HT_DCPERIOD.
 *
 * @example
 * const period = HT_DCPERIOD(series.close);
 */
export function HT_DCPERIOD(real: Float64Array, params: Record<string, never> = {}): Float64Array {
  resolveParams(HT_DCPERIOD_DEFINITION, params);
  const out = nanArray(real.length);
  computeHtDcPeriod(real, out);
  return out;
}

/** Streaming HT_DCPERIOD: O(1) per bar, no allocation. */
export class HTDCPeriodStream extends HilbertStream {
  constructor() {
    super(0, 1);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.smoothPeriod;
  }
}

/** Registry entry for HT_DCPERIOD. */
export const HT_DCPERIOD_DEFINITION: IndicatorDefinition = {
  name: 'HT_DCPERIOD',
  group: 'cycle',
  description: 'Length in bars of the dominant price cycle, found with the Hilbert transform.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The smoothed dominant-cycle period, in bars.' }],
  lookback: () => HT_SHORT_LOOKBACK,
  compute: (inputs, _p, outputs) => computeHtDcPeriod(inputs[0] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new HTDCPeriodStream(),
};
