import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_LONG_LOOKBACK, HT_PHASE } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `out[i]` with the phase, in degrees (−45 to 315), of the dominant cycle: a discrete
 * Fourier transform of the smoothed price over one dominant period. NaN for the first 63 bars.
 */
export function computeHtDcPhase(real: Float64Array, out: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(HT_PHASE);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    out[i] = i < HT_LONG_LOOKBACK ? Number.NaN : engine.dcPhase;
  }
}

/**
 * Hilbert transform dominant-cycle phase, as TA-Lib's HT_DCPHASE.
 *
 * @example
 * const phase = HT_DCPHASE(series.close);
 */
export function HT_DCPHASE(real: Float64Array, params: Record<string, never> = {}): Float64Array {
  resolveParams(HT_DCPHASE_DEFINITION, params);
  const out = nanArray(real.length);
  computeHtDcPhase(real, out);
  return out;
}

/** Streaming HT_DCPHASE: O(1) per bar (at most 50 DFT terms), no allocation. */
export class HTDCPhaseStream extends HilbertStream {
  constructor() {
    super(HT_PHASE, 1);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.dcPhase;
  }
}

/** Registry entry for HT_DCPHASE. */
export const HT_DCPHASE_DEFINITION: IndicatorDefinition = {
  name: 'HT_DCPHASE',
  group: 'cycle',
  description: 'Phase angle in degrees of the dominant price cycle, found with the Hilbert transform.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The dominant-cycle phase, in degrees.' }],
  lookback: () => HT_LONG_LOOKBACK,
  compute: (inputs, _p, outputs) => computeHtDcPhase(inputs[0] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new HTDCPhaseStream(),
};
