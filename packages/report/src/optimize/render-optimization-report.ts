import { AlphintraError } from '@alphintra/core';
import type { TimeSeriesChartSpec } from '../charts/chart-spec.js';
import type { TimeSeriesChart } from '../charts/time-series.js';
import { formatCount, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { type PageSection, renderPage } from '../html/page.js';
import { overfittingSection } from './overfitting-section.js';
import { paretoSection } from './pareto-section.js';
import type { FocusSearch, OptimizationDocument, OptimizationReportInput } from './report-input.js';
import { evaluatedTrials, plannedTrials, runSection } from './run-section.js';
import { sensitivitySection } from './sensitivity-section.js';
import { bestEquityChart, bestSection, topTrialsTable } from './trials-section.js';
import { formatValue, objectiveText, parameterSetText } from './values.js';
import { stitchedChart, walkForwardSection } from './walk-forward-section.js';

/** Returns the search the trial and diagnostic sections describe: the run's one, or the last fold's. */
function focusOf(result: OptimizationDocument): FocusSearch | null {
  if (result.search !== null) return { search: result.search, label: '' };
  const last = result.walkForward?.folds.at(-1);
  if (last === undefined) return null;
  const w = last.search.window;
  return {
    search: last.search,
    label: `search of the last fold (fold ${last.index + 1}, trained on ${formatTime(w.start)} → ${formatTime(w.end)})`,
  };
}

function headline(result: OptimizationDocument, focus: FocusSearch | null): { label: string; value: string }[] {
  const tiles: { label: string; value: string }[] = [];
  const wf = result.walkForward;
  if (wf !== null) {
    const m = wf.stitched?.metrics;
    tiles.push(
      { label: 'folds', value: formatCount(wf.folds.length) },
      { label: 'out-of-sample return', value: formatPercent(m?.returns.totalReturn ?? null) },
      { label: 'out-of-sample Sharpe', value: formatRatio(m?.risk.sharpe ?? null, 2) },
      { label: 'walk-forward efficiency', value: formatRatio(wf.efficiency?.return ?? null, 2) },
    );
  } else if (focus !== null) {
    const best = focus.search.best;
    result.objectives.forEach((o, k) => {
      tiles.push({ label: `best ${o.name}`, value: formatValue(best?.values[k]) });
    });
  }
  if (focus !== null) {
    const d = focus.search.diagnostics;
    const where = wf === null ? '' : ' (last fold)';
    tiles.push(
      { label: `deflated Sharpe${where}`, value: formatRatio(d.deflatedSharpe?.deflatedSharpe ?? null, 3) },
      { label: `PBO${where}`, value: formatRatio(d.pbo?.pbo ?? null, 3) },
    );
  }
  tiles.push({
    label: 'trials',
    value: `${formatCount(evaluatedTrials(result))} of ${formatCount(plannedTrials(result))}`,
  });
  return tiles;
}

function check(result: OptimizationDocument): void {
  if (result.format !== 'alphintra-optimization' || result.version !== 1) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected an alphintra-optimization result of version 1, got ${String(result.format)} ${String(result.version)}`,
    );
  }
}

/**
 * Returns an optimisation report as one self-contained HTML page (no network needed to open
 * it), drawn only from the optimisation result (plus the best trial's equity when the result
 * lacks it): the best trial with its key metrics and equity curve, the top trials, the Pareto
 * front with several objectives, the overfitting diagnostics (deflated Sharpe ratio, PBO with
 * the CSCV logit histogram), parameter-sensitivity heat maps and profiles, the walk-forward
 * folds with the stitched out-of-sample equity, efficiency and stability, and the run's
 * settings and manifest. A stopped run is labelled partial. Same input, same bytes.
 *
 * @example
 * const result = JSON.parse(await readFile('runs/opt/result.json', 'utf8'));
 * await writeFile('optimisation.html', renderOptimizationReport({ result }));
 */
export function renderOptimizationReport(input: OptimizationReportInput): string {
  const { result } = input;
  check(result);
  const charts: TimeSeriesChartSpec[] = [];
  const place = (chart: TimeSeriesChart | null): Html | null => {
    if (chart === null) return null;
    charts.push(chart.spec);
    return chart.markup;
  };
  const focus = focusOf(result);
  const wf = result.walkForward;
  const sections: PageSection[] = [];
  // Charts are placed in page order, so the page's chart list reads top to bottom.
  if (wf !== null) {
    sections.push({
      id: 'walk-forward',
      title: 'Walk-forward',
      body: walkForwardSection(result, wf, place(stitchedChart(wf))),
    });
  }
  if (focus !== null) {
    const { search, label } = focus;
    const best = search.best;
    const equity = best?.equity ?? (result.search !== null ? (input.bestEquity ?? null) : null);
    const chart =
      best === null || equity === null ? null : place(bestEquityChart(equity, parameterSetText(best.parameters)));
    const of = label === '' ? '' : ` of the ${label}`;
    sections.push(
      {
        id: 'best',
        title: result.objectives.length > 1 ? 'Best trials' : 'Best trial',
        body: html`${of === '' ? null : html`<p class="note">Best trial${of}.</p>`}${bestSection(result, search, chart)}`,
      },
      { id: 'trials', title: 'Top trials', body: topTrialsTable(result, search, input.top ?? 25) },
    );
    if (search.paretoFront !== null)
      sections.push({ id: 'pareto', title: 'Pareto front', body: paretoSection(result, search) });
    sections.push(
      { id: 'overfitting', title: 'Overfitting diagnostics', body: overfittingSection(focus) },
      { id: 'sensitivity', title: 'Parameter sensitivity', body: sensitivitySection(focus) },
    );
  }
  sections.push({ id: 'run', title: 'Run and manifest', body: runSection(result) });
  const m = result.manifest;
  const version = m.strategy.version === '' ? '' : ` ${m.strategy.version}`;
  const starts = m.data.map((d) => d.start).filter((t): t is number => t !== null);
  const ends = m.data.map((d) => d.end).filter((t): t is number => t !== null);
  const period = starts.length === 0 ? '' : ` · ${formatTime(Math.min(...starts))} → ${formatTime(Math.max(...ends))}`;
  const s = result.settings;
  const evaluated = evaluatedTrials(result);
  const planned = plannedTrials(result);
  return renderPage({
    title: input.title ?? `Optimisation: ${m.strategy.name}${version}`,
    subtitle:
      `${m.data.map((d) => d.instrument).join(', ')}${period} · ${s.method} search${wf === null ? '' : `, walk-forward (${wf.mode})`}, ` +
      `${formatCount(evaluated)} trials, seed ${s.seed} · ${result.objectives.map(objectiveText).join(', ')}` +
      (result.complete ? '' : ' · partial'),
    ...(result.complete
      ? {}
      : {
          notice: `Partial results: the run was stopped after ${formatCount(evaluated)} of ${formatCount(planned)} planned trials; every figure describes only the trials that finished.`,
        }),
    headline: headline(result, focus),
    sections,
    data: { charts },
  });
}
