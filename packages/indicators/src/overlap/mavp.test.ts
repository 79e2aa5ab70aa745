import { describe, expect, it } from 'vitest';
import { caseInputs, talibCases } from '../testing/fixtures.js';
import { computeMavp, MAVP, MAVPStream } from './mavp.js';
import { computeMovingAverage } from './moving-average.js';

// The shared contract suite has no `periods` column, so MAVP's streaming face is checked here.
const cases = talibCases('MAVP').filter((c) => c.dataset === 'random' && c.error === undefined);

describe('MAVP', () => {
  it('streams exactly what the batch computes, and replaces a forming bar', () => {
    for (const c of cases) {
      const [real, periods] = caseInputs(c, ['real', 'periods']) as [Float64Array, Float64Array];
      const { minperiod, maxperiod, matype } = c.params as Record<string, number>;
      const out = new Float64Array(real.length);
      computeMavp(real, periods, minperiod as number, maxperiod as number, matype as number, out);
      const params = { minperiod: minperiod as number, maxperiod: maxperiod as number, matype: matype as number };
      const stream = new MAVPStream(params);
      const mismatches: string[] = [];
      for (let i = 0; i < real.length; i++) {
        stream.update((real[i] as number) + 3, 7);
        const v = stream.replace(real[i] as number, periods[i] as number);
        if (!Object.is(v, out[i])) mismatches.push(`${JSON.stringify(c.params)}[${i}]: ${v} vs ${out[i]}`);
      }
      expect(mismatches).toEqual([]);
    }
  });

  it('equals a fixed moving average when every bar asks for the same period', () => {
    const real = Float64Array.from({ length: 80 }, (_, i) => 50 + Math.cos(i / 3) * 4 + i / 10);
    const periods = new Float64Array(80).fill(7.9);
    const out = MAVP(real, periods, { minperiod: 2, maxperiod: 7, matype: 0 });
    const sma = new Float64Array(80);
    computeMovingAverage(0, real, 7, sma);
    expect(Array.from(out)).toEqual(Array.from(sma));
  });

  it('clamps requests below minperiod and above maxperiod', () => {
    const real = Float64Array.from({ length: 40 }, (_, i) => i * i);
    const low = MAVP(real, new Float64Array(40).fill(1), { minperiod: 3, maxperiod: 10 });
    const high = MAVP(real, new Float64Array(40).fill(99), { minperiod: 3, maxperiod: 10 });
    // The mean of the squares 37², 38², 39² and of 30² … 39².
    expect(low[39]).toBeCloseTo((37 * 37 + 38 * 38 + 39 * 39) / 3, 9);
    expect(high[39]).toBeCloseTo(Array.from({ length: 10 }, (_, k) => (30 + k) ** 2).reduce((a, b) => a + b) / 10, 9);
    expect(Number.isNaN(low[8] as number)).toBe(true);
  });
});
