import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { HilbertEngine, HT_SHORT_LOOKBACK } from './hilbert-engine.js';
import { HilbertStream } from './hilbert-stream.js';

/**
 * Fills `inphase` and `quadrature` with the Hilbert transform's phasor components of the
 * detrended price, NaN for the first 32 bars.
 */
export function computeHtPhasor(real: Float64Array, inphase: Float64Array, quadrature: Float64Array): void {
  const n = real.length;
  const engine = new HilbertEngine(0);
  for (let i = 0; i < n; i++) {
    engine.step(real, i);
    if (i < HT_SHORT_LOOKBACK) {
      inphase[i] = Number.NaN;
      quadrature[i] = Number.NaN;
    } else {
      inphase[i] = engine.inPhase;
      quadrature[i] = engine.quadrature;
    }
  }
}

/**
 * Hilbert transform phasor components, as TA-Lib's HT_PHASOR.
 *
 * @example
 * const { inphase, quadrature } = HT_PHASOR(series.close);
 */
export function HT_PHASOR(
  real: Float64Array,
  params: Record<string, never> = {},
): { inphase: Float64Array; quadrature: Float64Array } {
  resolveParams(HT_PHASOR_DEFINITION, params);
  const inphase = nanArray(real.length);
  const quadrature = nanArray(real.length);
  computeHtPhasor(real, inphase, quadrature);
  return { inphase, quadrature };
}

/** Streaming HT_PHASOR: O(1) per bar, no allocation; output 0 is inphase, 1 quadrature. */
export class HTPhasorStream extends HilbertStream {
  constructor() {
    super(0, 2);
  }

  protected publish(): void {
    this.outputs[0] = this.engine.inPhase;
    this.outputs[1] = this.engine.quadrature;
  }
}

/** Registry entry for HT_PHASOR. */
export const HT_PHASOR_DEFINITION: IndicatorDefinition = {
  name: 'HT_PHASOR',
  group: 'cycle',
  description: 'In-phase and quadrature components of the detrended price, from the Hilbert transform.',
  talib: true,
  inputs: ['real'],
  parameters: [],
  outputs: [
    { name: 'inphase', type: 'real', description: 'The in-phase component.' },
    { name: 'quadrature', type: 'real', description: 'The quadrature component, a quarter cycle ahead.' },
  ],
  lookback: () => HT_SHORT_LOOKBACK,
  compute: (inputs, _p, outputs) =>
    computeHtPhasor(inputs[0] as Float64Array, outputs[0] as Float64Array, outputs[1] as Float64Array),
  createStream: () => new HTPhasorStream(),
};
