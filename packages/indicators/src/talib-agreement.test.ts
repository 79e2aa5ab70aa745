// Every TA-Lib-compatible indicator must agree with TA-Lib's own C code (fixtures generated
// from talib@1.1.6) to 1e-9 relative, on random and real data and on edge cases.
import { describe, expect, it } from 'vitest';
import { listIndicators } from './registry.js';
import { resolveParams } from './support/params.js';
import { caseInputs, close, decode, talibCases, talibFunctions, talibMetadata } from './testing/fixtures.js';

const only = process.env.INDICATOR?.toUpperCase().split(',');
const implemented = listIndicators().filter((d) => d.talib && (only === undefined || only.includes(d.name)));
const fixtures = new Set(talibFunctions());
const metadata = talibMetadata();

describe.each(implemented.map((d) => [d.name, d] as const))('%s', (name, definition) => {
  it('has TA-Lib fixtures', () => {
    expect(fixtures.has(name)).toBe(true);
  });

  it("declares TA-Lib's inputs, parameters, defaults, ranges and outputs", () => {
    const meta = metadata[name];
    expect(meta).toBeDefined();
    if (meta === undefined) return;
    expect([...definition.inputs]).toEqual(meta.inputs);
    expect(definition.outputs.map((o) => [o.name, o.type])).toEqual(meta.outputs.map((o) => [o.name, o.type]));
    expect(definition.parameters.map((p) => [p.name, p.default])).toEqual(
      meta.parameters.map((p) => [p.name, p.default]),
    );
    for (const p of meta.parameters) {
      const ours = definition.parameters.find((q) => q.name === p.name);
      if (p.min !== undefined) expect([p.name, ours?.min]).toEqual([p.name, p.min]);
      if (p.max !== undefined) expect([p.name, ours?.max]).toEqual([p.name, p.max]);
      if (p.type === 'integer_list') expect(ours?.type).toBe('matype');
    }
  });

  it('agrees with TA-Lib on every reference case', () => {
    const failures: string[] = [];
    for (const c of talibCases(name)) {
      const label = `${c.dataset} ${JSON.stringify(c.params)}`;
      if (c.error !== undefined) {
        expect(() => resolveParams(definition, c.params), `${label} should be refused`).toThrow();
        continue;
      }
      const params = resolveParams(definition, c.params);
      const inputs = caseInputs(c, definition.inputs);
      const n = (inputs[0] as Float64Array).length;
      const outputs = definition.outputs.map(() => new Float64Array(n).fill(12345.678));
      definition.compute(inputs, params, outputs);
      if (n > (c.begIndex ?? n)) expect(definition.lookback(params), `${label} lookback`).toBe(c.begIndex);
      definition.outputs.forEach((o, k) => {
        const expected = decode(c.outputs?.[o.name] as string);
        const actual = outputs[k] as Float64Array;
        for (let i = 0; i < n; i++) {
          if (!close(actual[i] as number, expected[i] as number)) {
            failures.push(`${label} ${o.name}[${i}]: got ${actual[i]}, TA-Lib ${expected[i]}`);
            break;
          }
        }
      });
    }
    expect(failures).toEqual([]);
  });
});

describe('the TA-Lib set', () => {
  it('has every TA-Lib function registered', () => {
    const registered = new Set(
      listIndicators()
        .filter((d) => d.talib)
        .map((d) => d.name),
    );
    expect(talibFunctions().filter((name) => !registered.has(name))).toEqual([]);
    expect(registered.size).toBe(talibFunctions().length);
  });
});
