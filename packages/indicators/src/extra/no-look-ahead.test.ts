// Principle 3 for the extras: values on data cut at bar T equal the first T values on the full data.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../support/params.js';
import { caseInputs } from '../testing/fixtures.js';
import type { IndicatorDefinition } from '../types.js';
import { EXTRA_INDICATORS } from './index.js';

function run(definition: IndicatorDefinition, inputs: Float64Array[]): Float64Array[] {
  const n = (inputs[0] as Float64Array).length;
  const outputs = definition.outputs.map(() => new Float64Array(n));
  definition.compute(inputs, resolveParams(definition, {}), outputs);
  return outputs;
}

describe.each(EXTRA_INDICATORS.map((d) => [d.name, d] as const))('%s', (_name, definition) => {
  it('gives on a truncated series exactly the prefix of what it gives on the whole series', () => {
    const inputs = caseInputs({ dataset: 'orcl', params: {} }, definition.inputs);
    const full = run(definition, inputs);
    for (const cut of [1, 2, 30, 53, 200, 599]) {
      const truncated = run(
        definition,
        inputs.map((column) => column.subarray(0, cut)),
      );
      truncated.forEach((out, k) => {
        expect(Array.from(out)).toEqual(Array.from((full[k] as Float64Array).subarray(0, cut)));
      });
    }
  });

  it('streams what the batch computes with every parameter at its minimum', () => {
    const given = Object.fromEntries(
      definition.parameters.map((p) => [p.name, p.type === 'real' ? p.default / 2 : p.min]),
    );
    const params = resolveParams(definition, given);
    for (const dataset of ['random', 'gap', 'flat']) {
      const inputs = caseInputs({ dataset, params: {} }, definition.inputs);
      const n = (inputs[0] as Float64Array).length;
      const outputs = definition.outputs.map(() => new Float64Array(n));
      definition.compute(inputs, params, outputs);
      const stream = definition.createStream(params);
      for (let i = 0; i < n; i++) {
        const [a, b, c, d, e] = inputs.map((column) => column[i] as number);
        stream.update(a as number, b, c, d, e);
        outputs.forEach((out, k) => {
          expect([dataset, i, k, stream.output(k)]).toEqual([dataset, i, k, out[i]]);
        });
        expect(stream.isReady).toBe(i >= definition.lookback(params));
      }
    }
  });

  it('is registered as an extra with a documented formula', () => {
    expect(definition.group).toBe('extra');
    expect(definition.talib).toBe(false);
    expect((definition.formula ?? '').length).toBeGreaterThan(40);
  });
});
