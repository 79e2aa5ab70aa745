import { period } from '../support/params.js';
import type { IndicatorDefinition, InputName } from '../types.js';
import { computeDirectional, type DirectionalKind, directionalLookback, MINUS_DM_KIND } from './directional.js';
import { DirectionalStream } from './directional-stream.js';

/** Returns the registry entry of one member of the directional-movement family. */
export function directionalDefinition(
  name: string,
  kind: DirectionalKind,
  minPeriod: number,
  description: string,
  outputDescription: string,
): IndicatorDefinition {
  const inputs: readonly InputName[] = kind <= MINUS_DM_KIND ? ['high', 'low'] : ['high', 'low', 'close'];
  return {
    name,
    group: 'momentum',
    description,
    talib: true,
    inputs,
    parameters: [period('timeperiod', 14, minPeriod, 'Number of bars smoothed.')],
    outputs: [{ name: 'real', type: 'real', description: outputDescription }],
    lookback: (p) => directionalLookback(kind, p.timeperiod as number),
    compute: (inputs, p, outputs) =>
      computeDirectional(
        kind,
        inputs[0] as Float64Array,
        inputs[1] as Float64Array,
        // The movement alone needs no close; the high stands in, unread.
        (inputs[2] ?? inputs[0]) as Float64Array,
        p.timeperiod as number,
        outputs[0] as Float64Array,
      ),
    createStream: (p) => new DirectionalStream(kind, p),
  };
}
