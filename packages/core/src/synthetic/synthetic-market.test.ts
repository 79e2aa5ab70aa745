import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BarSeries } from '../bar-series.js';
import { civilToMicros, MICROS_PER_DAY, weekdayOfMicros } from '../time.js';
import { parseTimeframe } from '../timeframe.js';
import { generateBars, SyntheticMarket } from './synthetic-market.js';
import type { SyntheticMarketOptions } from './synthetic-options.js';

function columns(series: BarSeries): number[][] {
  const { time, open, high, low, close, volume } = series;
  return [time, open, high, low, close, volume].map((c) => [...c]);
}

function logReturns(series: BarSeries): number[] {
  const r: number[] = [];
  for (let i = 1; i < series.length; i++) r.push(Math.log(series.close[i]! / series.close[i - 1]!));
  return r;
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) sxy += (xs[i]! - mx) * (ys[i]! - my);
  return sxy / (xs.length - 1) / Math.sqrt(variance(xs) * variance(ys));
}

function excessKurtosis(xs: number[]): number {
  const m = mean(xs);
  const v = variance(xs);
  return xs.reduce((s, x) => s + (x - m) ** 4, 0) / xs.length / (v * v) - 3;
}

const daily = parseTimeframe('1d');

describe('generateBars', () => {
  it('gives byte-identical bars for the same options and different bars for another seed', () => {
    const options = { seed: 42, bars: 2000, garch: {}, jumps: { intensity: 10, meanSize: 0, stdSize: 0.03 } };
    expect(columns(generateBars(options))).toEqual(columns(generateBars(options)));
    expect(columns(generateBars({ ...options, seed: 43 }))[4]).not.toEqual(columns(generateBars(options))[4]);
  });

  it('keeps high ≥ max(open, close) ≥ min(open, close) ≥ low > 0 on tick multiples, with open = previous close', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          volatility: fc.double({ min: 0, max: 3, noNaN: true }),
          drift: fc.double({ min: -1, max: 1, noNaN: true }),
          tickSize: fc.constantFrom(0, 0.01, 0.25, 1),
          initialPrice: fc.double({ min: 0.05, max: 5000, noNaN: true }),
          timeframe: fc.constantFrom('1m', '1h', '1d'),
          garch: fc.boolean(),
          jumps: fc.boolean(),
        }),
        (p) => {
          const series = generateBars({
            seed: p.seed,
            bars: 3000,
            volatility: p.volatility,
            drift: p.drift,
            tickSize: p.tickSize,
            initialPrice: p.initialPrice,
            timeframe: parseTimeframe(p.timeframe),
            ...(p.garch ? { garch: { alpha: 0.1, beta: 0.85 } } : {}),
            ...(p.jumps ? { jumps: { intensity: 50, meanSize: -0.01, stdSize: 0.05 } } : {}),
          });
          for (let i = 0; i < series.length; i++) {
            const o = series.open[i]!;
            const c = series.close[i]!;
            const h = series.high[i]!;
            const l = series.low[i]!;
            if (!(h >= Math.max(o, c) && Math.min(o, c) >= l && l > 0 && series.volume[i]! >= 0)) {
              throw new Error(`bar ${i} breaks OHLC order: ${o} ${h} ${l} ${c}`);
            }
            if (i > 0 && o !== series.close[i - 1]) throw new Error(`bar ${i} does not open at the previous close`);
            if (p.tickSize > 0) {
              const ticks = l / p.tickSize;
              if (Math.abs(ticks - Math.round(ticks)) > 1e-6) throw new Error(`low ${l} is off the tick grid`);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the requested annualised volatility when GARCH and jumps are off', () => {
    const series = generateBars({ seed: 1, bars: 50_000, timeframe: daily, volatility: 0.3, tickSize: 0 });
    const annualised = Math.sqrt(variance(logReturns(series)) * 365.25);
    expect(annualised).toBeGreaterThan(0.3 * 0.97);
    expect(annualised).toBeLessThan(0.3 * 1.03);
    expect(Math.abs(excessKurtosis(logReturns(series)))).toBeLessThan(0.15);
  });

  it('drifts at the requested annual rate', () => {
    const series = generateBars({
      seed: 2,
      bars: 200_000,
      timeframe: daily,
      volatility: 0.1,
      drift: 0.05,
      tickSize: 0,
    });
    const years = series.length / 365.25;
    const growth = Math.log(series.close[series.length - 1]! / series.open[0]!) / years;
    // Log growth = drift − σ²/2 = 0.045, with a standard error of σ / √years ≈ 0.0043.
    expect(growth).toBeGreaterThan(0.045 - 0.015);
    expect(growth).toBeLessThan(0.045 + 0.015);
  });

  it('produces fat tails and volatility clustering with GARCH and jumps on', () => {
    const base = { seed: 3, bars: 50_000, timeframe: daily, volatility: 0.2, tickSize: 0 };
    const clustered = logReturns(generateBars({ ...base, garch: { alpha: 0.1, beta: 0.85 } }));
    const squares = clustered.map((r) => r * r);
    expect(correlation(squares.slice(1), squares.slice(0, -1))).toBeGreaterThan(0.1);
    expect(excessKurtosis(clustered)).toBeGreaterThan(0.5);
    const jumpy = logReturns(generateBars({ ...base, jumps: { intensity: 5, meanSize: 0, stdSize: 0.08 } }));
    expect(excessKurtosis(jumpy)).toBeGreaterThan(2);
    const plainSquares = logReturns(generateBars(base)).map((r) => r * r);
    expect(Math.abs(correlation(plainSquares.slice(1), plainSquares.slice(0, -1)))).toBeLessThan(0.03);
  });

  it('draws highs and lows as the extremes of a Brownian path within the bar', () => {
    // Without drift, the maximum M of a Brownian motion over the bar has P(M > m) = 2 Q(m / σ).
    const sigma = 0.2 / Math.sqrt(365.25);
    const series = generateBars({ seed: 6, bars: 50_000, timeframe: daily, volatility: 0.2, drift: 0.02, tickSize: 0 });
    const n = series.length;
    for (const [m, probability] of [
      [0.5, 0.6170750774519738],
      [1, 0.31731050786291415],
      [2, 0.04550026389635842],
    ] as const) {
      let above = 0;
      let below = 0;
      for (let i = 0; i < n; i++) {
        if (Math.log(series.high[i]! / series.open[i]!) > m * sigma) above++;
        if (Math.log(series.open[i]! / series.low[i]!) > m * sigma) below++;
      }
      expect(Math.abs(above / n - probability)).toBeLessThan(0.01);
      expect(Math.abs(below / n - probability)).toBeLessThan(0.01);
    }
  });

  it('raises volume with the size of the move, around the requested mean', () => {
    const series = generateBars({ seed: 4, bars: 50_000, volume: { mean: 500, dispersion: 0.3 } });
    const volumes = [...series.volume];
    expect(mean(volumes)).toBeGreaterThan(500 * 0.95);
    expect(mean(volumes)).toBeLessThan(500 * 1.05);
    const moves = logReturns(series).map(Math.abs);
    expect(correlation(moves, volumes.slice(1))).toBeGreaterThan(0.2);
  });

  it('skips weekends with weekday sessions and gaps the Monday open', () => {
    const series = generateBars({
      seed: 5,
      bars: 500,
      timeframe: daily,
      start: civilToMicros(2024, 1, 6),
      sessions: 'weekdays',
    });
    expect(series.time[0]).toBe(civilToMicros(2024, 1, 8));
    let gaps = 0;
    for (let i = 0; i < series.length; i++) {
      const weekday = weekdayOfMicros(series.time[i]!);
      expect(weekday === 0 || weekday === 6).toBe(false);
      if (i > 0 && series.time[i]! - series.time[i - 1]! > MICROS_PER_DAY && series.open[i] !== series.close[i - 1])
        gaps++;
    }
    expect(gaps).toBeGreaterThan(50);
  });

  it('rejects impossible options with clear messages', () => {
    expect(() => generateBars({ seed: 1, bars: 10, timeframe: parseTimeframe('1M') })).toThrow(/fixed-length/);
    expect(() => generateBars({ seed: 1, bars: 10, correlation: 1.5 })).toThrow(/correlation/);
    expect(() => generateBars({ seed: 1, bars: 10, garch: { alpha: 0.5, beta: 0.6 } })).toThrow(/alpha \+ beta/);
    expect(() => generateBars({ seed: 1, bars: 10, symbols: 2, symbolIndex: 2 })).toThrow(/symbol index/);
    expect(() => generateBars({ seed: 1.5, bars: 10 })).toThrow(/integer seed/);
  });
});

describe('SyntheticMarket', () => {
  const options: SyntheticMarketOptions = {
    seed: 9,
    symbols: 4,
    bars: 5000,
    correlation: 0.6,
    garch: {},
    jumps: { intensity: 20, meanSize: 0, stdSize: 0.01 },
    sessions: 'weekdays',
    timeframe: parseTimeframe('1h'),
  };

  function collect(market: SyntheticMarket, chunk: number): Map<string, number[][]> {
    const parts = new Map<string, number[][]>();
    for (let c = market.nextChunk(chunk); c !== null; c = market.nextChunk(chunk)) {
      for (const { symbol, series } of c) {
        const cols = columns(series);
        const list = parts.get(symbol);
        if (list === undefined) parts.set(symbol, cols);
        else for (const [k, col] of cols.entries()) list[k]!.push(...col);
      }
    }
    return parts;
  }

  it('gives the same bars in chunks as in memory, symbol by symbol', () => {
    const chunked = collect(new SyntheticMarket(options), 777);
    expect([...chunked.keys()]).toEqual(['SYN001', 'SYN002', 'SYN003', 'SYN004']);
    for (let i = 0; i < 4; i++) {
      expect(chunked.get(`SYN00${i + 1}`)).toEqual(columns(generateBars({ ...options, symbolIndex: i })));
    }
  });

  it('gives a symbol the same bars whichever other symbols are generated', () => {
    const named = { ...options, symbols: ['AAA', 'BBB', 'CCC'] };
    const alone = generateBars({ ...named, symbols: ['CCC'] });
    expect(columns(generateBars({ ...named, symbolIndex: 2 }))).toEqual(columns(alone));
    expect(alone.meta.symbol).toBe('CCC');
  });

  it('correlates returns across symbols near the requested correlation', () => {
    const market = new SyntheticMarket({
      seed: 11,
      symbols: 3,
      bars: 40_000,
      correlation: 0.5,
      tickSize: 0,
      timeframe: daily,
    });
    const chunk = market.nextChunk(40_000)!;
    const [a, b, c] = chunk.map((part) => logReturns(part.series));
    for (const [x, y] of [
      [a, b],
      [b, c],
      [a, c],
    ] as const) {
      expect(correlation(x!, y!)).toBeGreaterThan(0.45);
      expect(correlation(x!, y!)).toBeLessThan(0.55);
    }
    expect(market.nextChunk(10)).toBeNull();
  });
});
