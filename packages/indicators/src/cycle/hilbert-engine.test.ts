import { describe, expect, it } from 'vitest';
import { HilbertEngine, HT_MODE, hilbertLookback } from './hilbert-engine.js';

function sineWave(length: number, period: number, amplitude = 5, level = 100): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = level + amplitude * Math.sin((2 * Math.PI * i) / period);
  return out;
}

function run(engine: HilbertEngine, prices: Float64Array): void {
  for (let i = 0; i < prices.length; i++) engine.step(prices, i);
}

describe('HilbertEngine', () => {
  it('measures the period of a pure sine wave', () => {
    for (const period of [15, 20, 30]) {
      const engine = new HilbertEngine(HT_MODE);
      run(engine, sineWave(400, period));
      expect(Math.abs(engine.smoothPeriod - period)).toBeLessThan(0.06 * period);
    }
  });

  it('advances the phase by about 360/period degrees per bar on a sine wave', () => {
    const engine = new HilbertEngine(HT_MODE);
    const prices = sineWave(400, 20);
    run(engine, prices.subarray(0, 399));
    const before = engine.dcPhase;
    engine.step(prices, 399);
    const advance = (((engine.dcPhase - before) % 360) + 360) % 360;
    expect(advance).toBeGreaterThan(12);
    expect(advance).toBeLessThan(24);
  });

  it('calls a small steady oscillation a cycle on most bars', () => {
    const engine = new HilbertEngine(HT_MODE);
    const prices = sineWave(400, 20, 1);
    let cycling = 0;
    for (let i = 0; i < prices.length; i++) {
      engine.step(prices, i);
      if (i >= 200 && engine.trend === 0) cycling++;
    }
    expect(cycling).toBeGreaterThan(150);
  });

  it('draws the trendline through a flat price and calls a steady climb a trend', () => {
    const flat = new HilbertEngine(HT_MODE);
    run(flat, new Float64Array(200).fill(42));
    expect(flat.trendline).toBeCloseTo(42, 12);
    const climb = new HilbertEngine(HT_MODE);
    run(
      climb,
      Float64Array.from({ length: 200 }, (_, i) => 100 * 1.01 ** i),
    );
    expect(climb.trend).toBe(1);
  });

  it('restores every part of its state, rings and filters included', () => {
    const prices = sineWave(300, 17);
    const straight = new HilbertEngine(HT_MODE);
    const revised = new HilbertEngine(HT_MODE);
    for (let i = 0; i < prices.length; i++) {
      straight.step(prices, i);
      revised.save();
      revised.step(Float64Array.of(-1000 + i), 0);
      revised.restore();
      revised.step(prices, i);
    }
    expect([revised.smoothPeriod, revised.dcPhase, revised.trendline, revised.inPhase]).toEqual([
      straight.smoothPeriod,
      straight.dcPhase,
      straight.trendline,
      straight.inPhase,
    ]);
  });

  it('behaves as new after reset', () => {
    const prices = sineWave(150, 23);
    const engine = new HilbertEngine(HT_MODE);
    run(engine, prices);
    const first = [engine.smoothPeriod, engine.dcPhase, engine.sine, engine.trendline, engine.trend];
    engine.reset();
    expect(engine.count).toBe(0);
    run(engine, prices);
    expect([engine.smoothPeriod, engine.dcPhase, engine.sine, engine.trendline, engine.trend]).toEqual(first);
  });

  it("uses TA-Lib's two lookbacks", () => {
    expect(hilbertLookback(0)).toBe(32);
    expect(hilbertLookback(HT_MODE)).toBe(63);
  });
});
