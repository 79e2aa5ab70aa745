import type { FoldReport, ParameterStability, WalkForwardReport } from '@alphintra/optimize';
import { PALETTE } from '../charts/colors.js';
import { type TimeSeriesChart, timeSeriesChart } from '../charts/time-series.js';
import { formatCount, formatNumber, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable, type TableColumn } from '../html/table.js';
import type { OptimizationDocument } from './report-input.js';
import { formatValue, parameterSetText, parameterText } from './values.js';

/** Returns the stitched out-of-sample equity chart of a walk-forward run, or null without one. */
export function stitchedChart(wf: WalkForwardReport): TimeSeriesChart | null {
  if (wf.stitched === null) return null;
  return timeSeriesChart({
    id: 'walk-forward-equity-chart',
    title: 'Stitched out-of-sample equity',
    note: "Each fold's test run with the parameters chosen on its training window, started with the equity the previous test run ended with.",
    time: wf.stitched.time,
    series: [{ kind: 'line', name: 'out of sample', color: PALETTE.strategy, values: wf.stitched.equity }],
    valueFormat: 'money',
    logScaleToggle: true,
  });
}

function foldTable(result: OptimizationDocument, wf: WalkForwardReport): Html {
  const objective = result.objectives[0]?.name ?? '';
  const columns: TableColumn<FoldReport>[] = [
    { header: 'fold', cell: (f) => `${f.index + 1}${f.partial ? '*' : ''}`, align: 'right' },
    {
      header: 'in sample (train)',
      cell: (f) => `${formatTime(f.search.window.start)} → ${formatTime(f.search.window.end)}`,
    },
    { header: 'out of sample (test)', cell: (f) => `${formatTime(f.test.start)} → ${formatTime(f.test.end)}` },
    { header: 'chosen parameters', cell: (f) => parameterSetText(f.chosen) },
    { header: `IS ${objective}`, cell: (f) => formatValue(f.inSample?.values[0]), align: 'right' },
    { header: `OOS ${objective}`, cell: (f) => formatValue(f.outOfSample?.values[0]), align: 'right' },
    { header: 'IS return (ann.)', cell: (f) => formatPercent(f.inSample?.annualisedReturn ?? null), align: 'right' },
    {
      header: 'OOS return (ann.)',
      cell: (f) => formatPercent(f.outOfSample?.annualisedReturn ?? null),
      align: 'right',
    },
    { header: 'WFE', cell: (f) => formatRatio(f.efficiency?.return ?? null, 2), align: 'right' },
    {
      header: 'trials',
      cell: (f) => `${formatCount(f.search.evaluated)} of ${formatCount(f.search.planned)}`,
      align: 'right',
    },
    {
      header: 'deflated Sharpe',
      cell: (f) => formatRatio(f.search.diagnostics.deflatedSharpe?.deflatedSharpe ?? null, 3),
      align: 'right',
    },
    { header: 'PBO', cell: (f) => formatRatio(f.search.diagnostics.pbo?.pbo ?? null, 3), align: 'right' },
  ];
  const cut = wf.folds.some((f) => f.partial)
    ? html`<p class="note">* test window cut short by the end of the data.</p>`
    : null;
  return html`<div class="scroll">${renderTable(columns, wf.folds, { id: 'folds-table' })}</div>${cut}`;
}

function stabilityTable(wf: WalkForwardReport): Html {
  const st = wf.stability;
  if (st === null) return html`<p class="empty">No fold finished its test run.</p>`;
  const columns: TableColumn<ParameterStability>[] = [
    { header: 'parameter', cell: (p) => p.parameter },
    { header: 'chosen per fold', cell: (p) => p.values.map(parameterText).join(', ') },
    { header: 'changes', cell: (p) => formatCount(p.changes), align: 'right' },
    { header: 'distinct', cell: (p) => formatCount(p.distinct), align: 'right' },
    {
      header: 'mean ± std',
      cell: (p) => (p.mean === null ? '–' : `${formatValue(p.mean)} ± ${formatValue(p.std)}`),
      align: 'right',
    },
    { header: 'std / range', cell: (p) => formatPercent(p.rangeDispersion, 1), align: 'right' },
    {
      header: 'most chosen',
      cell: (p) => `${parameterText(p.mode)} (${formatPercent(p.modeShare, 0)})`,
      align: 'right',
    },
  ];
  return html`${renderTable(columns, st.parameters, { id: 'stability-table' })}<p class="note">The chosen set changed in ${formatCount(st.setChanges)} of ${formatCount(Math.max(0, wf.folds.length - 1))} fold transitions${st.setChangeRate === null ? '' : ` (${formatPercent(st.setChangeRate, 0)})`}.</p>`;
}

/**
 * Returns the walk-forward part: the stitched out-of-sample equity, the stitched figures, the
 * per-fold table (windows, chosen parameters, in- and out-of-sample objective and return,
 * efficiency, each fold search's deflated Sharpe ratio and PBO), walk-forward efficiency and
 * parameter stability.
 */
export function walkForwardSection(result: OptimizationDocument, wf: WalkForwardReport, chart: Html | null): Html {
  const m = wf.stitched?.metrics;
  const stitched =
    m === undefined
      ? html`<p class="empty">No stitched out-of-sample curve: no fold finished its test run.</p>`
      : html`<dl class="facts" id="walk-forward-facts"><dt>total return</dt><dd>${formatPercent(m.returns.totalReturn)}</dd><dt>CAGR</dt><dd>${formatPercent(m.returns.cagr)}</dd><dt>Sharpe ratio</dt><dd>${formatRatio(m.risk.sharpe, 2)}</dd><dt>max drawdown</dt><dd>${formatPercent(m.drawdown.maxDrawdown)}</dd><dt>final equity</dt><dd>${formatNumber(wf.stitched?.equity.at(-1) ?? Number.NaN, 2)}</dd></dl>`;
  const e = wf.efficiency;
  const efficiency =
    e === null
      ? html`<p class="empty">No efficiency: no fold finished its test run.</p>`
      : html`<dl class="facts" id="efficiency-facts"><dt>return</dt><dd>${formatRatio(e.return, 3)}</dd>${result.objectives.map(
          (o, k) => html`<dt>${o.name}</dt><dd>${formatRatio(e.objectives[k] ?? null, 3)}</dd>`,
        )}</dl><p class="note">Walk-forward efficiency: the stitched out-of-sample annualised return over the mean in-sample annualised return of the chosen trials, and per objective the mean out-of-sample value over the mean in-sample value (for a minimised objective, above 1 means worse out of sample).</p>`;
  return html`<p class="note">${wf.mode === 'rolling' ? 'Rolling' : 'Anchored'} windows: train ${wf.train}, test ${wf.test}, step ${wf.step}; ${formatCount(wf.folds.length)} folds${wf.complete ? '' : ' (stopped before the last)'}.</p>${chart}${stitched}<h3>Folds</h3>${foldTable(result, wf)}<h3>Walk-forward efficiency</h3>${efficiency}<h3>Parameter stability</h3>${stabilityTable(wf)}`;
}
