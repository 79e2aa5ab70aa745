import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import { defineStrategy } from '@alphintra/engine';
import { BacktestTrialEvaluator, buildSpace, optimize, parseObjective, parseWalkForward } from '@alphintra/optimize';
import type { OptimizationDocument } from '../optimize/report-input.js';

/** Long `size` of equity for `hold` bars, then short (or flat in the long-only mode) as long. */
function flipStrategy(name: string) {
  return defineStrategy({
    name,
    version: '2.1.0',
    parameters: {
      hold: { type: 'integer', default: 5, min: 2, max: 40 },
      size: { type: 'number', default: 0.4, min: 0.1, max: 0.9 },
      mode: { type: 'choice', default: 'both', choices: ['both', '<b>long</b>'] },
    },
    create(ctx, p) {
      return {
        onBar(bar) {
          const phase = Math.floor(bar.index / p.hold) % 2 === 0 ? 1 : p.mode === 'both' ? -1 : 0;
          const want = phase * p.size;
          if (Math.sign(ctx.quantity(bar.instrument)) !== Math.sign(want))
            ctx.targetPercent(want, { instrument: bar.instrument, tag: 'flip' });
        },
      };
    },
  });
}

/** What {@link sampleOptimization} runs. */
export interface SampleOptimizationOptions {
  /** Ranges by parameter, as `--param` takes them. */
  readonly ranges: Readonly<Record<string, string>>;
  readonly objectives?: readonly string[];
  readonly method?: 'grid' | 'random' | 'bayes';
  readonly trials?: number;
  /** A walk-forward spec such as `rolling:train=300,test=100`. */
  readonly walkForward?: string;
  /** Stop the run after this many trials (a partial result). */
  readonly stopAfter?: number;
  readonly strategyName?: string;
  readonly bars?: number;
}

/**
 * Test helper: a real optimisation (the in-process evaluator, real backtests of a flip strategy
 * over seeded synthetic daily bars) with the manifest the research runner would add, as
 * result.json holds it.
 */
export async function sampleOptimization(options: SampleOptimizationOptions): Promise<OptimizationDocument> {
  const bars = options.bars ?? 600;
  const series = generateBars({ bars, seed: 7, timeframe: timeframe('day'), volatility: 0.3, drift: 0.05 });
  const instrument = defineInstrument<EquityInstrument>({
    kind: 'equity',
    symbol: 'SYN',
    venue: 'SIM',
    currency: 'USD',
  });
  const strategy = flipStrategy(options.strategyName ?? 'flip');
  const evaluator = new BacktestTrialEvaluator({
    strategy,
    data: [{ instrument, series, hash: 'synthetic' }],
    config: { fees: { kind: 'percent', rate: 0.001 } },
    measure: { blocks: 8 },
  });
  const space = buildSpace(strategy.parameters, options.ranges);
  const stop = { aborted: false };
  let finished = 0;
  const report = await optimize(
    {
      space,
      objectives: (options.objectives ?? ['sharpe']).map(parseObjective),
      search: {
        method: options.method ?? 'grid',
        seed: 3,
        batchSize: 4,
        ...(options.trials === undefined ? {} : { trials: options.trials }),
      },
      walkForward: options.walkForward === undefined ? null : parseWalkForward(options.walkForward),
      measure: { blocks: 8 },
    },
    evaluator,
    {
      stop,
      onTrial: () => {
        finished++;
        if (options.stopAfter !== undefined && finished >= options.stopAfter) stop.aborted = true;
      },
    },
  );
  return {
    manifest: {
      engineVersion: 'test',
      strategy: { name: strategy.name, version: strategy.version ?? '', codeHash: 'c0de' },
      data: [{ instrument: instrument.id, bars, start: series.start, end: series.end, hash: 'synthetic' }],
      config: { cash: 100_000, fees: { kind: 'percent', rate: 0.001 } },
      measure: { blocks: 8 },
      runKey: 'k3y',
      sources: { strategy: `${options.strategyName ?? 'flip'}.ts`, data: ['syn.csv'] },
    },
    ...report,
  };
}
