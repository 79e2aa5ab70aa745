import { formatCount, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable } from '../html/table.js';
import type { OptimizationDocument } from './report-input.js';
import { objectiveText } from './values.js';

type DataEntry = OptimizationDocument['manifest']['data'][number];
type SpaceEntry = Readonly<Record<string, unknown>>;

/** Returns how many trials finished across every search of the run. */
export function evaluatedTrials(result: OptimizationDocument): number {
  if (result.search !== null) return result.search.evaluated;
  return (result.walkForward?.folds ?? []).reduce((n, f) => n + f.search.evaluated, 0);
}

/** Returns how many trials the run planned across every search it started. */
export function plannedTrials(result: OptimizationDocument): number {
  if (result.search !== null) return result.search.planned;
  return (result.walkForward?.folds ?? []).reduce((n, f) => n + f.search.planned, 0);
}

function rangeText(d: SpaceEntry): string {
  switch (d.kind) {
    case 'fixed':
      return `fixed at ${String(d.value)}`;
    case 'choice':
      return `one of ${(d.values as unknown[]).map(String).join(', ')}`;
    default: {
      const values = d.values as number[] | null;
      const range = `${String(d.type)} ${String(d.low)} … ${String(d.high)}${d.scale === 'log' ? ', log scale' : ''}`;
      return values === null ? `${range}, continuous` : `${range}: ${values.length} values`;
    }
  }
}

/** Which evaluator ran the trials, why, and whether the sweep agreed with the engine. */
export function evaluatorText(result: OptimizationDocument): string {
  const e = result.evaluator;
  if (e === undefined) return 'engine';
  const check = e.verification;
  const verified =
    check === null
      ? ''
      : check.agrees
        ? `; agrees with the engine on ${formatCount(check.trials)} re-run trials`
        : `; DIVERGES from the engine on re-run trials (see result.json)`;
  return `${e.used} (${e.reason})${verified}`;
}

/**
 * Returns the run section: the strategy, search settings, objectives, constraints, the search
 * space, every dataset with its hash, and the execution configuration — the manifest of
 * result.json, enough to reproduce the run.
 */
export function runSection(result: OptimizationDocument): Html {
  const m = result.manifest;
  const s = result.settings;
  const wf = result.walkForward;
  const sources = m.sources as { strategy?: unknown; data?: unknown };
  const facts: [string, string][] = [
    ['strategy', m.strategy.name],
    ['version', m.strategy.version === '' ? '–' : m.strategy.version],
    ['strategy file', typeof sources.strategy === 'string' ? sources.strategy : '–'],
    ['code hash (SHA-256)', m.strategy.codeHash],
    ['engine version', m.engineVersion],
    ['method', s.method],
    ['evaluator', evaluatorText(result)],
    ['objectives', result.objectives.map(objectiveText).join(', ')],
    ['constraints', result.constraints.length === 0 ? 'none' : result.constraints.join('; ')],
    ['trials per search', formatCount(s.trials)],
    ['trials evaluated', `${formatCount(evaluatedTrials(result))} of ${formatCount(plannedTrials(result))} planned`],
    ['search seed', String(s.seed)],
    ['batch size', formatCount(s.batchSize)],
    ['CSCV blocks', formatCount(s.blocks)],
    [
      'walk-forward',
      wf === null
        ? 'no (one search over every bar)'
        : `${wf.mode}, train ${wf.train}, test ${wf.test}, step ${wf.step}, warm-up ${wf.warmup === 'all' ? 'all earlier bars' : `${wf.warmup} bars`}`,
    ],
    ['status', result.complete ? 'complete' : 'partial: stopped before the end'],
    ['run key (SHA-256)', m.runKey],
  ];
  const space = renderTable(
    [
      { header: 'parameter', cell: (d: SpaceEntry) => String(d.name) },
      { header: 'searched', cell: (d: SpaceEntry) => rangeText(d) },
    ],
    result.space,
    { id: 'space-table' },
  );
  const dataSources = Array.isArray(sources.data) ? (sources.data as unknown[]) : [];
  const data = renderTable(
    [
      { header: 'instrument', cell: (d: DataEntry) => d.instrument },
      { header: 'source', cell: (_d: DataEntry, i: number) => String(dataSources[i] ?? '–') },
      { header: 'bars', cell: (d: DataEntry) => formatCount(d.bars), align: 'right' },
      { header: 'first bar', cell: (d: DataEntry) => formatTime(d.start) },
      { header: 'last bar', cell: (d: DataEntry) => formatTime(d.end) },
      { header: 'dataset hash (SHA-256)', cell: (d: DataEntry) => html`<code>${d.hash}</code>` },
    ],
    m.data,
    { id: 'datasets-table' },
  );
  const config = { ...m.config, measure: m.measure };
  return html`<dl class="facts" id="run-facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<h3>Search space</h3>${space}
<h3>Data</h3>${data}
<h3>Configuration</h3><pre id="run-config">${JSON.stringify(config, null, 2)}</pre>`;
}
