import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchReport } from '@alphintra/optimize';
import type { OptimizationResult } from '@alphintra/research';
import { toCsv } from './backtest-files.js';

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The searches of a result with their fold number (null for one search over all the data). */
export function searchesOf(result: OptimizationResult): { fold: number | null; search: SearchReport }[] {
  if (result.search !== null) return [{ fold: null, search: result.search }];
  return (result.walkForward?.folds ?? []).map((f) => ({ fold: f.index + 1, search: f.search }));
}

/**
 * Every trial of every search, one row each: fold, trial id, rank in its search, parameters,
 * objective values, Pareto front, headline metrics and failure. Equal results give equal bytes.
 */
export function trialsCsv(result: OptimizationResult): string {
  const parameters = result.space.map((d) => String(d.name));
  const objectives = result.objectives.map((o) => `objective_${snake(o.name)}`);
  const first = searchesOf(result)[0]?.search.trials[0];
  const metrics = Object.keys(first?.metrics ?? {});
  const headers = [
    'fold',
    'trial',
    'rank',
    ...parameters,
    ...objectives,
    'pareto_rank',
    ...metrics.map(snake),
    'failure',
  ];
  const rows: (string | number | boolean | null)[][] = [];
  for (const { fold, search } of searchesOf(result)) {
    const rank = new Map(search.ranking.map((id, i) => [id, i + 1]));
    for (const t of search.trials) {
      rows.push([
        fold,
        t.id,
        rank.get(t.id) ?? null,
        ...parameters.map((p) => t.parameters[p] ?? null),
        ...t.values,
        t.paretoRank,
        ...metrics.map((m) => t.metrics[m] ?? null),
        t.failure ?? null,
      ]);
    }
  }
  return toCsv(headers, rows);
}

/** Writes result.json and trials.csv to `dir` (created if missing) and returns their paths. */
export async function writeOptimizationFiles(dir: string, result: OptimizationResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['result.json', `${JSON.stringify(result)}\n`],
    ['trials.csv', trialsCsv(result)],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
