import type { DeflatedSharpeReport, PboReport } from '@alphintra/optimize';
import { renderHistogram } from '../charts/histogram.js';
import { formatCount, formatRatio } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import type { FocusSearch } from './report-input.js';

function facts(id: string, rows: readonly [string, string][]): Html {
  return html`<dl class="facts" id="${id}">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function deflatedSharpePart(d: DeflatedSharpeReport | null): Html {
  if (d === null)
    return html`<h3>Deflated Sharpe ratio</h3><p class="empty">Not computed: no trial finished, or the re-run of the best trial was cut off.</p>`;
  return html`<h3>Deflated Sharpe ratio</h3>${facts('deflated-sharpe-facts', [
    ['Sharpe ratio of the best trial', formatRatio(d.sharpe, 3)],
    ['trials behind the choice', formatCount(d.trials)],
    ["variance of the trials' Sharpe ratios", formatRatio(d.sharpeVariance, 4)],
    ['expected maximum Sharpe ratio under the null', formatRatio(d.expectedMaxSharpe, 3)],
    ['deflated Sharpe ratio', formatRatio(d.deflatedSharpe, 3)],
    ['probabilistic Sharpe ratio (no correction)', formatRatio(d.probabilisticSharpe, 3)],
  ])}<p class="note">The best of ${formatCount(d.trials)} trials with no skill, whose Sharpe ratios vary as these did, would reach ${formatRatio(d.expectedMaxSharpe, 3)} by luck. The deflated Sharpe ratio is the probability that the best trial's true Sharpe ratio exceeds that; 0.95 or more is the usual bar. Sharpe ratios are annualised.</p>`;
}

function pboPart(pbo: PboReport | null): Html {
  if (pbo === null)
    return html`<h3>Probability of backtest overfitting (CSCV)</h3><p class="empty">Not computed: it needs at least two trials whose runs have a return in every block.</p>`;
  const { slope, intercept } = pbo.degradation;
  const degradation =
    slope === null || intercept === null
      ? '–'
      : `out-of-sample Sharpe ≈ ${formatRatio(intercept, 3)} ${slope < 0 ? '−' : '+'} ${formatRatio(Math.abs(slope), 3)} × in-sample Sharpe`;
  const histogram = renderHistogram({
    id: 'pbo-logits',
    title: 'Logits of the in-sample best trial’s out-of-sample rank, over every CSCV split',
    note: 'λ = ln(ω / (1 − ω)), ω the relative rank out of sample of the trial that ranked first in sample. Mass left of 0 (the chosen trial fell below the median out of sample) is the PBO.',
    bins: { edges: pbo.histogram.edges, counts: pbo.histogram.counts },
    format: (v) => formatRatio(v, 1),
    markers: [{ value: 0, label: 'median', color: '#111827' }],
  });
  return html`<h3>Probability of backtest overfitting (CSCV)</h3>${facts('pbo-facts', [
    ['PBO', formatRatio(pbo.pbo, 3)],
    [
      'trials used',
      `${formatCount(pbo.trials)}${pbo.excluded > 0 ? ` (${formatCount(pbo.excluded)} left out: not measurable)` : ''}`,
    ],
    ['blocks, splits', `${formatCount(pbo.blocks)} blocks, ${formatCount(pbo.splits)} splits`],
    ['mean logit', formatRatio(pbo.meanLogit, 3)],
    ['probability of an out-of-sample loss', formatRatio(pbo.probabilityOfLoss, 3)],
    ['performance degradation', degradation],
  ])}${histogram}<p class="note">Performance degradation is the least-squares line of out-of-sample on in-sample Sharpe ratio (per period) of the in-sample best over the splits: a negative slope means what looked best in sample did worse out of sample.</p>`;
}

/**
 * Returns the overfitting diagnostics of a search: the deflated Sharpe ratio with the trial
 * count and Sharpe variance it used and the expected maximum Sharpe ratio under the null, and
 * the PBO by CSCV with the histogram of its logits and the performance degradation.
 */
export function overfittingSection(focus: FocusSearch): Html {
  const d = focus.search.diagnostics;
  const label = focus.label === '' ? null : html`<p class="note">Of the ${focus.label}.</p>`;
  return html`${label}${deflatedSharpePart(d.deflatedSharpe)}${pboPart(d.pbo)}`;
}
