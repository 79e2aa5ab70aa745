import type { BacktestConfig } from '@alphintra/engine';
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
});
