import type {
  ParameterSet,
  ParameterValue,
  SensitivityAxis,
  SensitivityMap,
  SensitivityProfile,
} from '@alphintra/optimize';
import { PALETTE } from '../charts/colors.js';
import { renderHeatMap } from '../charts/heat-map.js';
import { renderXyChart } from '../charts/xy-chart.js';
import { formatCount } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import type { FocusSearch } from './report-input.js';
import { formatValue, parameterSetText, parameterText } from './values.js';

/** Maps drawn when there are this many or fewer; beyond, only the two most important parameters'. */
export const MAX_MAPS = 6;

/** Returns the cell of an axis a value falls in (its index, or its bin), or −1. */
export function cellOf(axis: SensitivityAxis, value: ParameterValue | undefined): number {
  if (value === undefined) return -1;
  if (axis.edges === null) return axis.labels.indexOf(value);
  const edges = axis.edges;
  for (let i = 1; i < edges.length - 1; i++) if ((value as number) < (edges[i] as number)) return i - 1;
  return edges.length - 2;
}

/** Returns how far a parameter's marginal mean objective moves across its values (max − min). */
export function importance(profile: SensitivityProfile): number {
  const means = profile.cells.mean.filter((v): v is number => v !== null && Number.isFinite(v));
  return means.length === 0 ? 0 : Math.max(...means) - Math.min(...means);
}

/** Returns the maps to draw: all of them up to {@link MAX_MAPS}, else the two most important parameters'. */
export function chosenMaps(profiles: readonly SensitivityProfile[], maps: readonly SensitivityMap[]): SensitivityMap[] {
  if (maps.length <= MAX_MAPS) return [...maps];
  const ranked = [...profiles].sort((a, b) => importance(b) - importance(a)).map((p) => p.x.parameter);
  const top = ranked.slice(0, 2);
  return maps.filter((m) => top.includes(m.x.parameter) && top.includes(m.y.parameter));
}

const binned = (axis: SensitivityAxis): string =>
  axis.edges === null ? '' : ` (${axis.labels.length} equal bins, labelled by their middle)`;

/** Returns the mean of the cells around (row, column), the cell itself left out, or null. */
function neighbourMean(values: readonly (readonly (number | null)[])[], row: number, column: number): number | null {
  let sum = 0;
  let n = 0;
  for (let r = row - 1; r <= row + 1; r++)
    for (let c = column - 1; c <= column + 1; c++) {
      const v = values[r]?.[c];
      if ((r !== row || c !== column) && v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
  return n === 0 ? null : sum / n;
}

function mapFigure(map: SensitivityMap, index: number, objective: string, best: ParameterSet | null): Html {
  const { x, y, cells } = map;
  const row = best === null ? -1 : cellOf(y, best[y.parameter]);
  const column = best === null ? -1 : cellOf(x, best[x.parameter]);
  const rowLabels = y.labels.map(parameterText);
  const labelWidth = Math.max(52, 7 * Math.max(...rowLabels.map((l) => l.length)) + 14);
  const chosen = cells.mean[row]?.[column];
  const around = row < 0 || column < 0 ? null : neighbourMean(cells.mean, row, column);
  const plateau =
    chosen === null || chosen === undefined || around === null
      ? ''
      : ` The cells around the chosen one average ${formatValue(around)} against ${formatValue(chosen)} in it: close values mean a plateau, much lower ones a spike.`;
  return renderHeatMap({
    id: `sensitivity-map-${index}`,
    title: `${objective} by ${x.parameter} (columns) × ${y.parameter} (rows)`,
    note: `Each cell: the mean ${objective} of the trials that fell in it, over every value of the other parameters${binned(x)}${binned(y)}. Outlined: the best trial's cell; empty cells had no trial.${plateau}`,
    rowLabels,
    columnLabels: x.labels.map(parameterText),
    values: cells.mean,
    format: formatValue,
    tooltip: (r, c, v) =>
      `${x.parameter}=${parameterText(x.labels[c])} ${y.parameter}=${parameterText(y.labels[r])}: mean ${formatValue(v)}, best ${formatValue(cells.best[r]?.[c])}, ${formatCount(cells.count[r]?.[c] ?? 0)} trials`,
    labelWidth,
    ...(row < 0 || column < 0 ? {} : { highlight: { row, column, label: `best trial: ${parameterSetText(best)}` } }),
  });
}

function profileFigure(
  profile: SensitivityProfile,
  index: number,
  objective: string,
  best: ParameterSet | null,
  bestValue: number | null,
): Html {
  const { x, cells } = profile;
  const points = (values: readonly (number | null)[], what: string) =>
    values.flatMap((v, i) =>
      v === null
        ? []
        : [
            {
              x: i,
              y: v,
              tooltip: `${x.parameter}=${parameterText(x.labels[i])}: ${what} ${formatValue(v)} (${formatCount(cells.count[i] ?? 0)} trials)`,
            },
          ],
    );
  const at = best === null ? -1 : cellOf(x, best[x.parameter]);
  return renderXyChart({
    id: `sensitivity-profile-${index}`,
    title: `${objective} by ${x.parameter}`,
    note: `Per value of ${x.parameter}${binned(x)}: the mean ${objective} of its trials (over the other parameters) and the best of them. Circled: the best trial.`,
    xLabel: x.parameter,
    yLabel: objective,
    series: [
      { name: 'mean', color: PALETTE.strategy, points: points(cells.mean, 'mean'), line: true, dots: true },
      { name: 'best', color: PALETTE.expected, points: points(cells.best, 'best'), line: true, dots: true },
    ],
    formatX: (i) => parameterText(x.labels[Math.round(i)]),
    formatY: formatValue,
    xTicks: x.labels.map((label, i) => ({ value: i, label: parameterText(label) })),
    ...(at < 0 || bestValue === null ? {} : { highlight: { x: at, y: bestValue, label: 'best trial' } }),
  });
}

/**
 * Returns the parameter-sensitivity part: a heat map of the primary objective for each pair of
 * searched parameters (the two most important when there are many), with the best trial's cell
 * outlined, and a line chart of the objective over each parameter alone — so a chosen value on a
 * broad plateau can be told from one on a lone spike.
 */
export function sensitivitySection(focus: FocusSearch): Html {
  const report = focus.search.diagnostics.sensitivity;
  const label = focus.label === '' ? null : html`<p class="note">Of the ${focus.label}.</p>`;
  if (report === null || report.profiles.length === 0)
    return html`${label}<p class="empty">No parameter was searched, or no trial finished.</p>`;
  const best = focus.search.best?.parameters ?? null;
  const bestValue = focus.search.best?.values[0] ?? null;
  const maps = chosenMaps(report.profiles, report.maps);
  const mapNote =
    maps.length < report.maps.length
      ? html`<p class="note">${formatCount(report.maps.length)} pairs of parameters: the map of the two whose values move the mean ${report.objective} most is shown; result.json holds every map.</p>`
      : null;
  const mapFigures = maps.map((m, i) => mapFigure(m, i, report.objective, best));
  const profiles = report.profiles.map((p, i) => profileFigure(p, i, report.objective, best, bestValue));
  return html`${label}${mapNote}${mapFigures}${maps.length > 0 ? html`<h3>Each parameter alone</h3>` : null}${profiles}`;
}
