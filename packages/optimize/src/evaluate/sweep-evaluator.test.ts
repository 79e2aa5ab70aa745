import { BarSeries } from '@alphintra/core';
import { type BacktestConfig, defineStrategy, HOLD } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { metricNames } from '../objectives/objective.js';
import { smaCrossover, syntheticData } from '../testing/fixtures.js';
import { BacktestTrialEvaluator } from './backtest-evaluator.js';
import type { BarData } from './bar-data.js';
import { SweepTrialEvaluator } from './sweep-evaluator.js';
import { SWEEP_METRICS } from './sweep-metrics.js';
import type { TrialOutcome, TrialWindow } from './trial-evaluator.js';

const fees = { kind: 'percent', rate: 0.001 } as const;
const SETS = [
  { fast: 5, slow: 30 },
  { fast: 8, slow: 40 },
  { fast: 20, slow: 60 },
  { fast: 3, slow: 200 },
  { fast: 40, slow: 41 },
];

/** The engine evaluator's outcome restricted to the metrics the sweep carries. */
function restricted(outcome: TrialOutcome | undefined): TrialOutcome {
  const metrics: Record<string, number | null> = {};
  for (const name of SWEEP_METRICS) metrics[name] = outcome?.metrics[name] ?? null;
  return { metrics, blocks: outcome?.blocks ?? null };
}

async function both(window: TrialWindow, config: Partial<BacktestConfig>, data: BarData = syntheticData(900, 5)) {
  const setup = { strategy: smaCrossover, data: [data], config };
  const sweep = new SweepTrialEvaluator(setup);
  const engine = new BacktestTrialEvaluator(setup);
  const s = await sweep.evaluate({ window, parameterSets: SETS });
  const e = await engine.evaluate({ window, parameterSets: SETS });
  return { sweep: s, engine: e.map(restricted), evaluator: sweep };
}

describe('the sweep trial evaluator', () => {
  it('carries only metrics of the catalogue', () => {
    const names = new Set(metricNames());
    expect(SWEEP_METRICS.filter((m) => !names.has(m))).toEqual([]);
  });

  it('equals the engine evaluator bit for bit over all the data', async () => {
    const { sweep, engine, evaluator } = await both({ warmupStart: 0, start: 0, end: 900 }, { fees });
    expect(sweep).toEqual(engine);
    expect(evaluator.swept).toBe(SETS.length);
    expect(sweep[0]?.metrics['trades.count']).toBeGreaterThan(5);
  });

  it('equals it over a window with warm-up, in close fill timing, and with carried cash', async () => {
    for (const config of [{ fees }, { fees, fillTiming: 'close' as const }]) {
      const window = { warmupStart: 100, start: 400, end: 700 };
      const { sweep, engine } = await both(window, config);
      expect(sweep).toEqual(engine);
    }
    const setup = {
      strategy: smaCrossover,
      data: [syntheticData(900, 5)],
      config: { fees, fillTiming: 'close' as const },
    };
    const batch = { window: { warmupStart: 300, start: 300, end: 800 }, parameterSets: SETS, cash: 12_345 };
    const s = await new SweepTrialEvaluator(setup).evaluate(batch);
    const e = await new BacktestTrialEvaluator(setup).evaluate(batch);
    expect(s).toEqual(e.map(restricted));
  });

  it('splits a batch too big for one pass without changing an outcome', async () => {
    const data = syntheticData(900, 5);
    const window = { warmupStart: 50, start: 200, end: 900 };
    const whole = await new SweepTrialEvaluator({ strategy: smaCrossover, data: [data], config: { fees } }).evaluate({
      window,
      parameterSets: SETS,
    });
    const split = new SweepTrialEvaluator({ strategy: smaCrossover, data: [data], config: { fees }, maxReturns: 1000 });
    const seen: number[] = [];
    const outcomes = await split.evaluate({ window, parameterSets: SETS }, { onOutcome: (i) => seen.push(i) });
    expect(outcomes).toEqual(whole);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes detail requests to the engine, so the best trial keeps its full report', async () => {
    const setup = { strategy: smaCrossover, data: [syntheticData(600, 5)], config: { fees } };
    const batch = { window: { warmupStart: 0, start: 0, end: 600 }, parameterSets: [SETS[0] ?? {}], detail: {} };
    const evaluator = new SweepTrialEvaluator(setup);
    const [outcome] = await evaluator.evaluate(batch);
    const [engine] = await new BacktestTrialEvaluator(setup).evaluate(batch);
    expect(outcome).toEqual(engine);
    expect(outcome?.detail?.orderListHash).toMatch(/^[0-9a-f]+$/);
    expect(outcome?.metrics['trades.winRate']).not.toBeUndefined();
    expect([evaluator.swept, evaluator.delegated]).toEqual([0, 1]);
  });

  it('passes a run whose equity reaches zero to the engine, which marks it failed', async () => {
    // Three times leveraged long into a crash of 60 % on bar 30: the account goes below zero.
    const n = 60;
    const day = 86_400_000_000;
    const close = Float64Array.from({ length: n }, (_, i) => (i < 30 ? 100 + i : 40));
    const series = BarSeries.fromColumns({
      time: Float64Array.from({ length: n }, (_, i) => i * day),
      open: close,
      high: close,
      low: close,
      close,
      volume: new Float64Array(n).fill(1e6),
    });
    const leveraged = defineStrategy({
      name: 'leveraged',
      parameters: { exposure: { type: 'number', default: 3, min: 0.5, max: 3 } },
      create(ctx, p) {
        return {
          onBar() {
            if (ctx.quantity() === 0) ctx.targetPercent(p.exposure);
          },
        };
      },
      sweep: { indicators: () => ({}), decide: (_bar, _values, held, p) => (held === 0 ? p.exposure : HOLD) },
    });
    const setup = { strategy: leveraged, data: [{ ...syntheticData(n), series }], config: { leverage: 3 } };
    const batch = { window: { warmupStart: 0, start: 0, end: n }, parameterSets: [{ exposure: 3 }, { exposure: 0.5 }] };
    const evaluator = new SweepTrialEvaluator(setup);
    const outcomes = await evaluator.evaluate(batch);
    const engine = await new BacktestTrialEvaluator(setup).evaluate(batch);
    expect(outcomes[0]).toEqual(engine[0]);
    expect(outcomes[0]?.failure).toBe('equity reached zero');
    expect(outcomes[1]).toEqual(restricted(engine[1]));
    expect([evaluator.swept, evaluator.delegated]).toEqual([1, 1]);
  });

  it('drops the trials not yet swept once the signal is set', async () => {
    const evaluator = new SweepTrialEvaluator({
      strategy: smaCrossover,
      data: [syntheticData(300, 5)],
      config: { fees },
      maxReturns: 600,
    });
    const signal = { aborted: false };
    const outcomes = await evaluator.evaluate(
      { window: { warmupStart: 0, start: 0, end: 300 }, parameterSets: SETS },
      { signal, onOutcome: () => (signal.aborted = true) },
    );
    expect(outcomes.map((o) => o === undefined)).toEqual([false, false, true, true, true]);
  });
});
