// The shared contract every indicator passes: streaming equals batch bar for bar, the
// warm-up equals the lookback, and reset and replace behave.
import { describe, expect, it } from 'vitest';
import { listIndicators } from './registry.js';
import { resolveParams } from './support/params.js';
import { caseInputs, close, talibCases, talibFunctions } from './testing/fixtures.js';
import type { IndicatorDefinition, IndicatorParams, StreamingIndicator } from './types.js';

const only = process.env.INDICATOR?.toUpperCase().split(',');
const all = listIndicators().filter((d) => only === undefined || only.includes(d.name));
const withFixtures = new Set(talibFunctions());

/** Parameter sets to check: TA-Lib's cases where they exist, else the defaults. */
function paramSets(
  definition: IndicatorDefinition,
): Array<{ dataset: string; params: IndicatorParams; inputs?: Record<string, string> }> {
  if (withFixtures.has(definition.name)) {
    return talibCases(definition.name)
      .filter((c) => c.error === undefined)
      .map((c) => ({
        dataset: c.dataset,
        params: resolveParams(definition, c.params),
        ...(c.inputs === undefined ? {} : { inputs: c.inputs }),
      }));
  }
  return ['random', 'orcl', 'gap', 'flat', 'short'].map((dataset) => ({
    dataset,
    params: resolveParams(definition, {}),
  }));
}

// Feeds bar i through push/revise and returns the first output, read from `outputs`.
function feed(stream: StreamingIndicator, inputs: Float64Array[], i: number, replace = false): number {
  const [a, b, c, d, e] = inputs.map((col) => col[i] as number);
  if (replace) stream.revise(a as number, b, c, d, e);
  else stream.push(a as number, b, c, d, e);
  return stream.outputs[0] as number;
}

describe.each(all.map((d) => [d.name, d] as const))('%s', (_name, definition) => {
  const sets = paramSets(definition);

  it('streams exactly what the batch computes, with isReady from the lookback on', () => {
    const failures: string[] = [];
    for (const set of sets) {
      const { dataset, params } = set;
      const inputs = caseInputs(set, definition.inputs);
      const n = (inputs[0] as Float64Array).length;
      const outputs = definition.outputs.map(() => new Float64Array(n));
      definition.compute(inputs, params, outputs);
      const stream = definition.createStream(params);
      const lookback = definition.lookback(params);
      for (let i = 0; i < n && failures.length < 5; i++) {
        const first = feed(stream, inputs, i);
        if (stream.isReady !== i >= lookback)
          failures.push(
            `${dataset} ${JSON.stringify(params)}: isReady ${stream.isReady} at ${i}, lookback ${lookback}`,
          );
        if (!close(first, (outputs[0] as Float64Array)[i] as number, 1e-12))
          failures.push(
            `${dataset} ${JSON.stringify(params)}: update returned ${first} at ${i}, batch ${(outputs[0] as Float64Array)[i]}`,
          );
        definition.outputs.forEach((o, k) => {
          const expected = (outputs[k] as Float64Array)[i] as number;
          if (!close(stream.output(k), expected, 1e-12))
            failures.push(
              `${dataset} ${JSON.stringify(params)}: ${o.name}[${i}] stream ${stream.output(k)}, batch ${expected}`,
            );
        });
      }
    }
    expect(failures).toEqual([]);
  });

  it('has no value during the warm-up and a value right after it', () => {
    for (const set of sets.filter((s) => s.dataset === 'random' || s.dataset === 'orcl')) {
      const { params } = set;
      const inputs = caseInputs(set, definition.inputs);
      const n = (inputs[0] as Float64Array).length;
      const outputs = definition.outputs.map(() => new Float64Array(n));
      definition.compute(inputs, params, outputs);
      const lookback = definition.lookback(params);
      for (const out of outputs) {
        for (let i = 0; i < Math.min(lookback, n); i++) expect(Number.isNaN(out[i])).toBe(true);
        if (lookback < n) expect(Number.isNaN(out[lookback])).toBe(false);
      }
    }
  });

  it('returns from update and replace what push and revise write to outputs', () => {
    const set = sets[0] as { dataset: string; params: IndicatorParams; inputs?: Record<string, string> };
    const inputs = caseInputs(set, definition.inputs);
    const n = (inputs[0] as Float64Array).length;
    const viaPush = definition.createStream(set.params);
    const viaUpdate = definition.createStream(set.params);
    expect(viaPush.outputs.length).toBe(definition.outputs.length);
    for (let i = 0; i < n; i++) {
      const [a, b, c, d, e] = inputs.map((col) => col[i] as number);
      viaPush.push(a as number, b, c, d, e);
      const returned = viaUpdate.update(a as number, b, c, d, e);
      expect([i, returned]).toEqual([i, viaPush.outputs[0]]);
      expect([i, viaUpdate.value]).toEqual([i, viaPush.outputs[0]]);
      const revised = viaUpdate.replace(a as number, b, c, d, e);
      expect([i, revised]).toEqual([i, viaPush.outputs[0]]);
    }
  });

  it('writes from pushAt and reviseAt exactly what push and revise write', () => {
    const set = sets[0] as { dataset: string; params: IndicatorParams; inputs?: Record<string, string> };
    const { dataset, params } = set;
    const inputs = caseInputs(set, definition.inputs);
    const other = caseInputs({ ...set, dataset: dataset === 'orcl' ? 'random' : 'orcl' }, definition.inputs);
    const n = Math.min((inputs[0] as Float64Array).length, (other[0] as Float64Array).length);
    const viaNumbers = definition.createStream(params);
    const viaColumns = definition.createStream(params);
    const failures: string[] = [];
    for (let i = 0; i < n && failures.length < 5; i++) {
      // Every third bar is first seen with other values and then revised, as a forming bar.
      if (i % 3 === 1) {
        feed(viaNumbers, other, i);
        viaColumns.pushAt(other, i);
        feed(viaNumbers, inputs, i, true);
        viaColumns.reviseAt(inputs, i);
      } else {
        feed(viaNumbers, inputs, i);
        viaColumns.pushAt(inputs, i);
      }
      if (viaColumns.isReady !== viaNumbers.isReady) failures.push(`isReady differs at ${i}`);
      for (let k = 0; k < definition.outputs.length; k++) {
        const expected = viaNumbers.outputs[k] as number;
        const got = viaColumns.outputs[k] as number;
        if (!Object.is(got, expected)) failures.push(`output ${k} at ${i}: pushAt ${got}, push ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('replays identically after reset', () => {
    const set = sets[0] as { dataset: string; params: IndicatorParams };
    const { params } = set;
    const inputs = caseInputs(set, definition.inputs);
    const n = (inputs[0] as Float64Array).length;
    const stream = definition.createStream(params);
    const first: number[] = [];
    for (let i = 0; i < n; i++) first.push(feed(stream, inputs, i));
    stream.reset();
    expect(stream.isReady).toBe(false);
    const second: number[] = [];
    for (let i = 0; i < n; i++) second.push(feed(stream, inputs, i));
    expect(second).toEqual(first);
  });

  it('replaces a still-forming bar as if it had never been seen', () => {
    const set = sets[0] as { dataset: string; params: IndicatorParams; inputs?: Record<string, string> };
    const { dataset, params } = set;
    const inputs = caseInputs(set, definition.inputs);
    // The revision comes from another dataset, except for inputs the case supplies itself.
    const shifted = caseInputs({ ...set, dataset: dataset === 'orcl' ? 'random' : 'orcl' }, definition.inputs);
    const n = Math.min((inputs[0] as Float64Array).length, (shifted[0] as Float64Array).length);
    const straight = definition.createStream(params);
    const revised = definition.createStream(params);
    for (let i = 0; i < n; i++) {
      const expected = feed(straight, inputs, i);
      // A forming bar first seen with other values, revised twice, then final.
      feed(revised, shifted, i);
      feed(revised, shifted, (i * 7) % n, true);
      const got = feed(revised, inputs, i, true);
      expect([i, got]).toEqual([i, expected]);
      for (let k = 0; k < definition.outputs.length; k++)
        expect([i, k, revised.output(k)]).toEqual([i, k, straight.output(k)]);
    }
  });
});
