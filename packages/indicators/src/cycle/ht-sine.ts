import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_LONG_LOOKBACK, HT_SINE_WAVE } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `sine` and `leadsine` with the sine of the dominant-cycle phase and the sine of that
 * phase advanced by 45°, NaN for the first 63 bars.
 */
export function computeHtSine(real: Float64Array, sine: Float64Array, leadsine: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(HT_SINE_WAVE);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    if (i < HT_LONG_LOOKBACK) {
      sine[i] = Number.NaN;
      leadsine[i] = Number.NaN;
    } else {
      sine[i] = engine.sine;
      leadsine[i] = engine.leadSine;
    }
  }
}

/**
 * Hilbert transform sine wave, as TA-Lib's HT_SINE.
 *
 * @example
 * const { sine, leadsine } = HT_SINE(series.close);
 */
export function HT_SINE(
  real: Float64Array,
  params: Record<string, never> = {},
): { sine: Float64Array; leadsine: Float64Array } {
  resolveParams(HT_SINE_DEFINITION, params);
  const sine = nanArray(real.length);
  const leadsine = nanArray(real.length);
  computeHtSine(real, sine, leadsine);
  return { sine, leadsine };
}

/** Streaming HT_SINE: O(1) per bar, no allocation; output 0 is sine, 1 leadsine. */
export class HTSineStream extends HilbertStream {
  constructor() {
    super(HT_SINE_WAVE, 2);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.sine;
    this.outputs[1] = this.engine.leadSine;
  }
}

/** Registry entry for HT_SINE. */
export const HT_SINE_DEFINITION: IndicatorDefinition = {
  name: 'HT_SINE',
  group: 'cycle',
  description: 'Sine of the dominant-cycle phase and of that phase advanced by 45 degrees.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [
    { name: 'sine', type: 'real', description: 'Sine of the dominant-cycle phase.' },
    { name: 'leadsine', type: 'real', description: 'Sine of the phase advanced by 45 degrees.' },
  ],
  lookback: () => HT_LONG_LOOKBACK,
  compute: (inputs, _p, outputs) =>
    computeHtSine(inputs[0] as Float64Array, outputs[0] as Float64Array, outputs[1] as Float64Array),
  createStream: () => new HTSineStream(),
};
