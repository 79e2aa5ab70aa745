import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../charts/chart-spec.js';
import { formatCount, formatRatio } from '../html/format.js';
import { sampleOptimization } from '../testing/sample-optimization.js';
import { renderOptimizationReport } from './render-optimization-report.js';
import type { OptimizationDocument } from './report-input.js';
import { formatValue } from './values.js';

const GRID = { hold: '2:10:4', size: '0.2:0.8:0.3' };

/** Returns the page's chart data, as its script reads it. */
function chartData(page: string): ReportData {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}';
  return JSON.parse(json) as ReportData;
}

/** Returns the markup of the element with `id` up to the end of its tag `tag`. */
function element(page: string, tag: string, id: string): string {
  const start = page.indexOf(`<${tag} id="${id}"`);
  const startAlt = start >= 0 ? start : page.indexOf(`id="${id}"`);
  expect(startAlt, `element #${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(startAlt, page.indexOf(`</${tag}>`, startAlt));
}

const sectionIds = (page: string): string[] => [...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1] as string);

describe('renderOptimizationReport of a two-parameter grid', () => {
  let result: OptimizationDocument;
  let page: string;
  beforeAll(async () => {
    result = await sampleOptimization({ ranges: GRID });
    page = renderOptimizationReport({ result });
  });

  it('has the sections of a single-objective search, in order, and no partial label', () => {
    expect(sectionIds(page)).toEqual(['best', 'trials', 'overfitting', 'sensitivity', 'run']);
    expect(page).toContain('<title>Optimisation: flip 2.1.0</title>');
    expect(page).toContain('grid search, 9 trials, seed 3 · sharpe (max)');
    expect(page).not.toContain('class="notice"');
    expect(page).not.toContain('partial');
  });

  it('prints the deflated Sharpe ratio with the trial count, Sharpe variance and expected maximum it used', () => {
    const d = result.search?.diagnostics.deflatedSharpe;
    expect(d?.trials).toBe(9);
    const facts = element(page, 'dl', 'deflated-sharpe-facts');
    expect(facts).toContain(`<dt>trials behind the choice</dt><dd>9</dd>`);
    expect(facts).toContain(`<dd>${formatRatio(d?.sharpeVariance ?? null, 4)}</dd>`);
    expect(facts).toContain(`<dd>${formatRatio(d?.expectedMaxSharpe ?? null, 3)}</dd>`);
    expect(facts).toContain(`<dt>deflated Sharpe ratio</dt><dd>${formatRatio(d?.deflatedSharpe ?? null, 3)}</dd>`);
  });

  it('prints PBO with its splits and draws the CSCV logit histogram', () => {
    const pbo = result.search?.diagnostics.pbo;
    expect(pbo?.splits).toBe(70);
    const facts = element(page, 'dl', 'pbo-facts');
    expect(facts).toContain(`<dt>PBO</dt><dd>${formatRatio(pbo?.pbo ?? null, 3)}</dd>`);
    expect(facts).toContain('8 blocks, 70 splits');
    expect(facts).toContain('performance degradation</dt><dd>out-of-sample Sharpe ≈');
    const histogram = element(page, 'figure', 'pbo-logits');
    const bars = [...histogram.matchAll(/: (\d+)<\/title><\/rect>/g)].map((m) => Number(m[1]));
    expect(bars).toEqual(pbo?.histogram.counts);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(70);
  });

  it('lists the best trial and the top trials in ranking order', () => {
    const best = result.search?.best;
    expect(element(page, 'dl', 'best-facts')).toContain(
      `<dt>parameters</dt><dd>hold=${best?.parameters.hold} size=${best?.parameters.size} mode=both</dd>`,
    );
    expect(element(page, 'table', 'best-metrics-table')).toContain('Sharpe ratio');
    const table = element(page, 'table', 'top-trials-table');
    const rows = [...table.matchAll(/<tr><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)];
    expect(rows.map((r) => Number(r[2]))).toEqual(result.search?.ranking);
    const first = result.search?.trials.find((t) => t.id === result.search?.ranking[0]);
    expect(table).toContain(`>${formatValue(first?.values[0])}</span>`);
  });

  it('draws the best trial equity from the result', () => {
    const charts = chartData(page).charts;
    expect(charts.map((c) => c.id)).toEqual(['best-equity-chart']);
    expect(charts[0]?.time).toHaveLength(600);
  });

  it('draws one heat map of the pair with the best trial outlined, and a profile per parameter', () => {
    const map = element(page, 'figure', 'sensitivity-map-0');
    expect(map).toContain('sharpe by hold (columns) × size (rows)');
    expect(map.match(/<g><title>/g)).toHaveLength(9);
    const best = result.search?.best?.parameters;
    const x = [2, 6, 10].indexOf(best?.hold as number);
    const y = [0.2, 0.5, 0.8].indexOf(best?.size as number);
    expect(map).toContain(`<rect class="highlight" x="${52 + 58 * x + 1}" y="${22 + 24 * y + 1}"`);
    expect(page).not.toContain('sensitivity-map-1');
    expect(element(page, 'figure', 'sensitivity-profile-0')).toContain('sharpe by hold');
    expect(element(page, 'figure', 'sensitivity-profile-1')).toContain('sharpe by size');
  });

  it('shows the run, the search space, the data with its hash and the configuration', () => {
    const facts = element(page, 'dl', 'run-facts');
    expect(facts).toContain('<dt>status</dt><dd>complete</dd>');
    expect(facts).toContain('<dt>trials evaluated</dt><dd>9 of 9 planned</dd>');
    expect(element(page, 'table', 'space-table')).toContain('fixed at both');
    expect(element(page, 'table', 'datasets-table')).toContain('syn.csv');
    expect(page).toContain('&quot;blocks&quot;: 8');
  });

  it('names the evaluator, why it ran, and whether the sweep agreed with the engine', () => {
    const facts = (doc: OptimizationDocument) => element(renderOptimizationReport({ result: doc }), 'dl', 'run-facts');
    const note = (doc: OptimizationDocument) =>
      element(renderOptimizationReport({ result: doc }), 'section', 'trials').includes('one-pass sweep evaluated');
    const { evaluator: _, ...older } = result;
    expect(facts(older)).toContain('<dt>evaluator</dt><dd>engine</dd>');
    expect(note(older)).toBe(false);
    const sweep = (agrees: boolean): OptimizationDocument => ({
      ...result,
      evaluator: {
        requested: 'auto',
        used: 'sweep',
        reason: 'the strategy has a sweep face',
        verification: { trials: 6, agrees, tolerance: 1e-9 },
      },
    });
    expect(facts(sweep(true))).toContain(
      '<dt>evaluator</dt><dd>sweep (the strategy has a sweep face); agrees with the engine on 6 re-run trials</dd>',
    );
    expect(facts(sweep(false))).toContain('DIVERGES from the engine');
    expect(note(sweep(true))).toBe(true);
  });

  it('gives the same bytes for the same result', () => {
    expect(renderOptimizationReport({ result })).toBe(page);
  });

  it('takes the best trial equity from the caller when the result lacks it', () => {
    const search = result.search;
    if (search === null || search.best === null) throw new Error('expected a best trial');
    const stripped: OptimizationDocument = { ...result, search: { ...search, best: { ...search.best, equity: null } } };
    expect(chartData(renderOptimizationReport({ result: stripped })).charts).toEqual([]);
    expect(renderOptimizationReport({ result: stripped })).toContain('No equity curve of the best trial');
    const equity = { time: [0, 86_400_000_000], equity: [100, 110] };
    const charts = chartData(renderOptimizationReport({ result: stripped, bestEquity: equity })).charts;
    expect(charts[0]?.series[0]).toMatchObject({ values: [100, 110] });
  });

  it('refuses a document that is not an optimisation result', () => {
    expect(() => renderOptimizationReport({ result: { ...result, format: 'other' } as never })).toThrow(
      'expected an alphintra-optimization result of version 1, got other 1',
    );
  });
});

describe('renderOptimizationReport', () => {
  it('draws a line chart and no heat map for a single parameter', async () => {
    const result = await sampleOptimization({ ranges: { hold: '2:12:2' } });
    const page = renderOptimizationReport({ result });
    expect(page).not.toContain('sensitivity-map-');
    const profile = element(page, 'figure', 'sensitivity-profile-0');
    expect(profile).toContain('<svg class="xy-chart"');
    // Six values, a mean and a best dot each, and the best trial circled.
    expect(profile.match(/<circle class="xy-dot"/g)).toHaveLength(12);
    expect(profile).toContain('<circle class="highlight"');
  });

  it('escapes the strategy name and parameter values', async () => {
    const result = await sampleOptimization({
      ranges: { hold: '2:6:4', mode: 'both,<b>long</b>' },
      strategyName: '<script>alert(1)</script>',
    });
    const page = renderOptimizationReport({ result });
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page).toContain('Optimisation: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;long&lt;/b&gt;');
    expect(page).not.toContain('<b>long</b>');
  });

  it('labels a stopped run as partial', async () => {
    const result = await sampleOptimization({ ranges: GRID, stopAfter: 4 });
    expect(result.complete).toBe(false);
    const page = renderOptimizationReport({ result });
    expect(page).toContain(
      '<p class="notice" role="status">Partial results: the run was stopped after 4 of 9 planned trials;',
    );
    expect(page).toContain(' · partial</p>');
    expect(element(page, 'dl', 'run-facts')).toContain('<dt>status</dt><dd>partial: stopped before the end</dd>');
  });

  it('shows the Pareto front of two objectives', async () => {
    const result = await sampleOptimization({ ranges: GRID, objectives: ['sharpe', 'max-drawdown'] });
    const page = renderOptimizationReport({ result });
    expect(sectionIds(page)).toEqual(['best', 'trials', 'pareto', 'overfitting', 'sensitivity', 'run']);
    const front = result.search?.paretoFront ?? [];
    expect(front.length).toBeGreaterThan(0);
    const figure = element(page, 'figure', 'pareto-front');
    expect(figure.match(/<circle class="xy-dot"/g)).toHaveLength(9);
    const table = element(page, 'table', 'pareto-table');
    expect(table.match(/<tr><td/g)).toHaveLength(front.length);
  });

  it('shows a walk-forward run: stitched equity, folds, efficiency and stability', async () => {
    const result = await sampleOptimization({ ranges: GRID, walkForward: 'rolling:train=300,test=100' });
    const wf = result.walkForward;
    expect(wf?.folds).toHaveLength(3);
    const page = renderOptimizationReport({ result });
    expect(sectionIds(page)).toEqual(['walk-forward', 'best', 'trials', 'overfitting', 'sensitivity', 'run']);
    const charts = chartData(page).charts;
    expect(charts.map((c) => c.id)).toEqual(['walk-forward-equity-chart', 'best-equity-chart']);
    expect(charts[0]?.time).toHaveLength(wf?.stitched?.time.length ?? -1);
    const folds = element(page, 'table', 'folds-table');
    expect(folds.match(/<tr><td/g)).toHaveLength(3);
    const last = wf?.folds[2];
    expect(folds).toContain(`hold=${last?.chosen?.hold} size=${last?.chosen?.size}`);
    expect(folds).toContain(`<td class="num">${formatValue(last?.outOfSample?.values[0])}</td>`);
    expect(element(page, 'dl', 'efficiency-facts')).toContain(
      `<dt>return</dt><dd>${formatRatio(wf?.efficiency?.return ?? null, 3)}</dd>`,
    );
    const stability = element(page, 'table', 'stability-table');
    expect(stability).toContain(`<td>${wf?.stability?.parameters[0]?.values.join(', ')}</td>`);
    expect(page).toContain('Of the search of the last fold (fold 3');
    expect(page).toContain(`<span>trials</span><strong>${formatCount(27)} of 27</strong>`);
  });
});
