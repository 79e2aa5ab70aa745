import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BacktestTrialEvaluator, type EquityPoints } from '@alphintra/optimize';
import { renderOptimizationReport } from '@alphintra/report';
import type { OptimizeCommandRun } from './optimize.js';

/**
 * Returns the best trial's equity curve for the report when the result lacks it (a run stopped
 * at once, whose re-run of the best trial was dropped): the best parameters re-run in this
 * thread through the evaluator every worker runs, over the same bars and rules. Null when the
 * result has the curve already, or has no best trial.
 */
export async function missingBestEquity(run: OptimizeCommandRun): Promise<EquityPoints | null> {
  const result = run.run.result;
  const best = result.search?.best;
  if (best === undefined || best === null || best.equity !== null) return null;
  const evaluator = new BacktestTrialEvaluator({
    strategy: run.strategy.definition,
    data: run.sources.map((s) => s.data),
    config: run.config,
    strategyCodeHash: result.manifest.strategy.codeHash,
    measure: result.manifest.measure,
  });
  const [outcome] = await evaluator.evaluate({
    window: { warmupStart: 0, start: 0, end: evaluator.timeline.length },
    parameterSets: [best.parameters],
    detail: {},
  });
  return outcome?.detail?.equity ?? null;
}

/** Returns the run's self-contained HTML report (see docs/reports.md), partial runs labelled so. */
export async function optimizationReportHtml(run: OptimizeCommandRun): Promise<string> {
  return renderOptimizationReport({ result: run.run.result, bestEquity: await missingBestEquity(run) });
}

/** Writes the run's HTML report to `path` (its folder is created if missing) and returns the path. */
export async function writeOptimizationReport(path: string, run: OptimizeCommandRun): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await optimizationReportHtml(run));
  return path;
}
