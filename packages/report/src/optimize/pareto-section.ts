import type { SearchReport, TrialRecord } from '@alphintra/optimize';
import { PALETTE } from '../charts/colors.js';
import type { XyPoint } from '../charts/xy-chart.js';
import { renderXyChart } from '../charts/xy-chart.js';
import { type Html, html } from '../html/html.js';
import type { OptimizationDocument } from './report-input.js';
import { formatValue, parameterSetText } from './values.js';

/**
 * Returns the Pareto front of a multi-objective search as a scatter of its first two objectives:
 * every trial in grey, the non-dominated ones in colour and joined in order of the first
 * objective, the selected trial circled.
 */
export function paretoSection(result: OptimizationDocument, search: SearchReport): Html {
  const [a, b] = result.objectives;
  if (a === undefined || b === undefined || search.paretoFront === null) return html``;
  const front = new Set(search.paretoFront);
  const point = (t: TrialRecord): XyPoint[] => {
    const x = t.values[0];
    const y = t.values[1];
    if (x === null || x === undefined || y === null || y === undefined) return [];
    return [
      {
        x,
        y,
        tooltip: `trial ${t.id}: ${parameterSetText(t.parameters)}; ${a.name} ${formatValue(x)}, ${b.name} ${formatValue(y)}`,
      },
    ];
  };
  const others = search.trials.filter((t) => !front.has(t.id)).flatMap(point);
  const onFront = search.trials
    .filter((t) => front.has(t.id))
    .flatMap(point)
    .sort((p, q) => p.x - q.x);
  const best = search.best;
  const bx = best?.values[0];
  const by = best?.values[1];
  const extra =
    result.objectives.length > 2
      ? ` The front is over all ${result.objectives.length} objectives; the chart shows the first two.`
      : '';
  return renderXyChart({
    id: 'pareto-front',
    title: `Pareto front: ${a.name} (${a.direction === 'maximize' ? 'max' : 'min'}) against ${b.name} (${b.direction === 'maximize' ? 'max' : 'min'})`,
    note: `Each dot is a trial; coloured dots are on the front (no other trial is at least as good on every objective and better on one).${extra} Circled: the selected trial (best first objective on the front).`,
    xLabel: a.name,
    yLabel: b.name,
    series: [
      { name: 'other trials', color: '#9ca3af', points: others, line: false, dots: true },
      { name: 'Pareto front', color: PALETTE.strategy, points: onFront, line: true, dots: true },
    ],
    formatX: formatValue,
    formatY: formatValue,
    ...(bx === null || bx === undefined || by === null || by === undefined
      ? {}
      : { highlight: { x: bx, y: by, label: `selected: trial ${best?.id}` } }),
  });
}
