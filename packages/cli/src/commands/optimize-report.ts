import { formatIsoDate } from '@alphintra/core';
import { formatParameters } from '@alphintra/engine';
import type { ParameterSet, SearchReport, TrialRecord, WalkForwardReport } from '@alphintra/optimize';
import type { OptimizationResult } from '@alphintra/research';
import { printTable } from '../support/table.js';
import type { OptimizeCommandRun } from './optimize.js';
import { printEvaluator, printVerification } from './optimize-evaluator.js';

type Out = (line: string) => void;

const fixed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '-' : x.toFixed(digits);
const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '-' : `${(x * 100).toFixed(2)}%`;
const params = (p: ParameterSet | null | undefined): string =>
  p === null || p === undefined ? '-' : formatParameters(p);
const row = (out: Out, label: string, value: string): void => out(`  ${label.padEnd(17)}${value}`);

/** Prints the best trials of a search as a table, best first. */
function printTop(result: OptimizationResult, search: SearchReport, top: number, out: Out): void {
  const searched = result.space.filter((d) => d.kind !== 'fixed').map((d) => String(d.name));
  const byId = new Map(search.trials.map((t) => [t.id, t]));
  const trials = search.ranking.slice(0, top).map((id) => byId.get(id) as TrialRecord);
  const objectiveNames = result.objectives.map((o) => o.name);
  const columns: [string, string, (t: TrialRecord) => string][] = [
    ['cagr', 'cagr', (t) => percent(t.metrics.cagr)],
    ['max dd', 'maxDrawdown', (t) => percent(t.metrics.maxDrawdown)],
    ['trades', 'count', (t) => String(t.metrics.count ?? '-')],
  ];
  const headline = columns.filter(([, name]) => !objectiveNames.includes(name)).map(([h, , f]) => [h, f] as const);
  printTable(
    ['#', 'trial', ...searched, ...objectiveNames, ...headline.map(([h]) => h)],
    trials.map((t, i) => [
      String(i + 1),
      String(t.id),
      ...searched.map((p) => String(t.parameters[p] ?? '')),
      ...t.values.map((v) => fixed(v, 4)),
      ...headline.map(([, f]) => f(t)),
    ]),
    out,
  );
}

/** Prints a search's best trial and its overfitting diagnostics. */
function printDiagnostics(result: OptimizationResult, search: SearchReport, out: Out): void {
  const best = search.best;
  if (best === null) return;
  const values = result.objectives.map((o, k) => `${o.name} ${fixed(best.values[k], 4)}`).join(', ');
  row(out, 'best', `${params(best.parameters)}  (${values})`);
  const d = search.diagnostics.deflatedSharpe;
  if (d !== null)
    row(
      out,
      'deflated Sharpe',
      `${fixed(d.deflatedSharpe, 3)}  (Sharpe ${fixed(d.sharpe)}; the best of ${d.trials} skill-less trials would reach ${fixed(d.expectedMaxSharpe)} by luck; variance of the trials' Sharpe ${fixed(d.sharpeVariance, 3)})`,
    );
  const pbo = search.diagnostics.pbo;
  if (pbo !== null)
    row(
      out,
      'PBO',
      `${fixed(pbo.pbo, 3)}  (CSCV over ${pbo.blocks} blocks, ${pbo.splits.toLocaleString('en-US')} splits, ${pbo.trials} trials; probability of an out-of-sample loss ${fixed(pbo.probabilityOfLoss, 3)})`,
    );
  if (search.paretoFront !== null)
    row(
      out,
      'Pareto front',
      `${search.paretoFront.length} trial${search.paretoFront.length === 1 ? '' : 's'}: ${search.paretoFront.join(', ')}`,
    );
}

function printWalkForward(result: OptimizationResult, wf: WalkForwardReport, out: Out): void {
  const objective = result.objectives[0]?.name ?? '';
  out('');
  out(
    `walk-forward (${wf.mode}, train ${wf.train}, test ${wf.test}, step ${wf.step}, warm-up ${wf.warmup === 'all' ? 'all earlier bars' : `${wf.warmup} bars`})`,
  );
  printTable(
    ['fold', 'train', 'test', 'chosen', `IS ${objective}`, `OOS ${objective}`, 'IS return', 'OOS return', 'WFE'],
    wf.folds.map((f) => [
      `${f.index + 1}${f.partial ? '*' : ''}`,
      `${formatIsoDate(f.search.window.start)} → ${formatIsoDate(f.search.window.end)}`,
      `${formatIsoDate(f.test.start)} → ${formatIsoDate(f.test.end)}`,
      params(f.chosen),
      fixed(f.inSample?.values[0], 3),
      fixed(f.outOfSample?.values[0], 3),
      percent(f.inSample?.annualisedReturn),
      percent(f.outOfSample?.annualisedReturn),
      fixed(f.efficiency?.return),
    ]),
    out,
  );
  if (wf.folds.some((f) => f.partial)) out('  * test window cut short by the end of the data');
  const m = wf.stitched?.metrics;
  if (m !== undefined)
    row(
      out,
      'out of sample',
      `total return ${percent(m.returns.totalReturn)}, CAGR ${percent(m.returns.cagr)}, Sharpe ${fixed(m.risk.sharpe)}, max drawdown ${percent(m.drawdown.maxDrawdown)} (stitched, capital carried)`,
    );
  if (wf.efficiency !== null)
    row(
      out,
      'efficiency',
      `return ${fixed(wf.efficiency.return)}, ${result.objectives.map((o, k) => `${o.name} ${fixed(wf.efficiency?.objectives[k])}`).join(', ')}`,
    );
  const st = wf.stability;
  if (st !== null) {
    const parts = st.parameters.map((p) =>
      p.mean !== null
        ? `${p.parameter} ${fixed(p.mean, 1)} ± ${fixed(p.std, 1)}`
        : `${p.parameter} ${String(p.mode)} in ${percent(p.modeShare)}`,
    );
    row(
      out,
      'stability',
      `${parts.join(', ')}; the chosen set changed ${st.setChanges} of ${wf.folds.length - 1} times`,
    );
  }
}

/** Prints an optimisation for people: the run, the top trials, the best and its diagnostics, walk-forward folds. */
export function printOptimization(run: OptimizeCommandRun, top: number, out: Out): void {
  const result = run.run.result;
  const m = result.manifest;
  const version = m.strategy.version === '' ? '' : ` ${m.strategy.version}`;
  out(`${m.strategy.name}${version} (${run.strategy.file}, code ${m.strategy.codeHash.slice(0, 12)})`);
  for (const d of m.data)
    row(
      out,
      'data',
      `${d.instrument}  ${d.bars.toLocaleString('en-US')} bars  ${d.start === null ? '-' : formatIsoDate(d.start)} → ${d.end === null ? '-' : formatIsoDate(d.end)}  (hash ${d.hash.slice(0, 12)})`,
    );
  const s = result.settings;
  const reused = run.run.reused > 0 ? `, ${run.run.reused} from the journal` : '';
  row(
    out,
    'search',
    `${s.method}, ${s.trials} trials per search${reused}, seed ${s.seed}, ${run.workers} worker${run.workers === 1 ? '' : 's'}`,
  );
  printEvaluator(result, out);
  row(
    out,
    'objectives',
    result.objectives.map((o) => `${o.name} (${o.direction === 'maximize' ? 'max' : 'min'})`).join(', '),
  );
  if (result.constraints.length > 0) row(out, 'constraints', result.constraints.join('; '));
  if (result.search !== null) {
    const search = result.search;
    out('');
    out(
      `top ${Math.min(top, search.trials.length)} of ${search.evaluated} trials${search.complete ? '' : ' (stopped early)'}`,
    );
    printTop(result, search, top, out);
    out('');
    printDiagnostics(result, search, out);
  }
  if (result.walkForward !== null) {
    printWalkForward(result, result.walkForward, out);
    const last = result.walkForward.folds.at(-1);
    if (last !== undefined) {
      out('');
      out(`last fold's search (${formatIsoDate(last.search.window.start)} → ${formatIsoDate(last.search.window.end)})`);
      printDiagnostics(result, last.search, out);
    }
  }
  printVerification(result, out);
}
