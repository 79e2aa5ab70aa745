import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import {
  AVGDEV,
  BETA,
  CORREL,
  LINEARREG,
  LINEARREG_ANGLE,
  LINEARREG_INTERCEPT,
  LINEARREG_SLOPE,
  STDDEV,
  TSF,
  VAR,
} from './index.js';

function randomWalk(n: number, seed: number): Float64Array {
  const rng = new SeededRng(seed);
  const out = new Float64Array(n);
  let price = 100;
  for (let i = 0; i < n; i++) {
    price *= 1 + 0.01 * rng.nextNormal();
    out[i] = price;
  }
  return out;
}

describe('the linear-regression family', () => {
  it('recovers an exact straight line', () => {
    const line = Float64Array.from({ length: 30 }, (_, t) => 2 + 0.5 * t);
    const i = 20;
    expect(LINEARREG(line, { timeperiod: 10 })[i]).toBeCloseTo(line[i] as number, 10);
    expect(LINEARREG_SLOPE(line, { timeperiod: 10 })[i]).toBeCloseTo(0.5, 12);
    expect(LINEARREG_INTERCEPT(line, { timeperiod: 10 })[i]).toBeCloseTo(line[i - 9] as number, 10);
    expect(TSF(line, { timeperiod: 10 })[i]).toBeCloseTo(2 + 0.5 * (i + 1), 10);
    expect(LINEARREG_ANGLE(line, { timeperiod: 10 })[i]).toBeCloseTo((Math.atan(0.5) * 180) / Math.PI, 10);
  });

  it('stays within 1e-9 of a fit from scratch over a long series, despite sliding sums', () => {
    const x = randomWalk(50_000, 7);
    const p = 50;
    const slope = LINEARREG_SLOPE(x, { timeperiod: p });
    let worst = 0;
    for (let i = p - 1; i < x.length; i += 97) {
      let sy = 0;
      let sxy = 0;
      for (let t = 0; t < p; t++) {
        sy += x[i - p + 1 + t] as number;
        sxy += t * (x[i - p + 1 + t] as number);
      }
      const sx = (p * (p - 1)) / 2;
      const sxx = ((p - 1) * p * (2 * p - 1)) / 6;
      const direct = (p * sxy - sx * sy) / (p * sxx - sx * sx);
      worst = Math.max(worst, Math.abs((slope[i] as number) - direct) / Math.max(1e-3, Math.abs(direct)));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('VAR, STDDEV and AVGDEV', () => {
  it('give the population statistics of each window', () => {
    const x = Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(VAR(x, { timeperiod: 8 })[7]).toBeCloseTo(4, 12);
    expect(STDDEV(x, { timeperiod: 8, nbdev: 2 })[7]).toBeCloseTo(4, 12);
    expect(AVGDEV(x, { timeperiod: 8 })[7]).toBeCloseTo(1.5, 12);
  });

  it('ignore nbdev in VAR, as TA-Lib does', () => {
    const x = randomWalk(50, 1);
    expect(VAR(x, { nbdev: 3 })).toEqual(VAR(x));
  });
});

describe('BETA and CORREL', () => {
  it('finds a beta of 2 when one series moves twice as much in relative terms', () => {
    const a = randomWalk(40, 3);
    const b = new Float64Array(a.length);
    b[0] = 50;
    for (let i = 1; i < a.length; i++)
      b[i] = (b[i - 1] as number) * (1 + 2 * ((a[i] as number) / (a[i - 1] as number) - 1));
    const beta = BETA(a, b, { timeperiod: 10 });
    expect(beta[9]).toBeNaN();
    for (let i = 10; i < a.length; i++) expect(beta[i]).toBeCloseTo(2, 9);
  });

  it('finds a correlation of ±1 between linearly related series', () => {
    const a = randomWalk(40, 4);
    const up = a.map((v) => 3 * v + 1);
    const down = a.map((v) => -v);
    expect(CORREL(a, up, { timeperiod: 10 })[20]).toBeCloseTo(1, 9);
    expect(CORREL(a, down, { timeperiod: 10 })[20]).toBeCloseTo(-1, 9);
  });
});
