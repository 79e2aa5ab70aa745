import { AlphintraError } from '@alphintra/core';
import { type Html, html } from '../html/html.js';
import type { MarkerSpec, SeriesSpec, TimeSeriesChartSpec, ValueFormat, ValueSeriesSpec } from './chart-spec.js';

/** A value series as a report builds it: one number per time, NaN for a gap. */
export interface ValueSeriesInput {
  readonly kind: ValueSeriesSpec['kind'];
  readonly name: string;
  readonly color: string;
  readonly values: ArrayLike<number>;
}

/** Candles as a report builds them: one bar per time. */
export interface CandlestickSeriesInput {
  readonly kind: 'candlestick';
  readonly name: string;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/** A marker at a time in epoch µs; it is moved to the chart's last time at or before it. */
export interface MarkerInput extends Omit<MarkerSpec, 'time'> {
  readonly time: number;
}

/** What {@link timeSeriesChart} draws. */
export interface TimeSeriesInput {
  /** Element id; must be unique in the page. */
  readonly id: string;
  readonly title: string;
  /** One line under the chart saying how it is computed. */
  readonly note?: string;
  readonly height?: number;
  /** Epoch µs, ascending; one per value of every series. */
  readonly time: ArrayLike<number>;
  readonly series: readonly (ValueSeriesInput | CandlestickSeriesInput)[];
  readonly valueFormat: ValueFormat;
  readonly markers?: readonly MarkerInput[];
  readonly logScaleToggle?: boolean;
  /** Alternative values of the value series, offered in a drop-down; the first is drawn at start. */
  readonly variants?: readonly { readonly label: string; readonly values: readonly ArrayLike<number>[] }[];
}

/** A chart: its place in the page and its data for the browser script. */
export interface TimeSeriesChart {
  readonly markup: Html;
  readonly spec: TimeSeriesChartSpec;
}

const MICROS_PER_SECOND = 1_000_000;

/** Returns a number rounded to 8 significant digits (far below a pixel), or null when not finite. */
export function compactValue(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(8)) : null;
}

/**
 * Returns the chart times (whole seconds, the charts' resolution) of epoch-µs timestamps and the
 * rows they keep: where several rows fall in one second, the last one. Throws on times that
 * go backwards.
 */
export function chartTimes(micros: ArrayLike<number>): { readonly time: number[]; readonly rows: number[] } {
  const time: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < micros.length; i++) {
    const t = micros[i] as number;
    if (i > 0 && !(t >= (micros[i - 1] as number))) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected ascending chart times, got ${t} after ${micros[i - 1]}`);
    }
    const second = Math.floor(t / MICROS_PER_SECOND);
    if (time.length > 0 && time[time.length - 1] === second) rows[rows.length - 1] = i;
    else {
      time.push(second);
      rows.push(i);
    }
  }
  return { time, rows };
}

/** Returns the last of `times` at or before `t` (or the first when `t` precedes them all). */
function snap(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return times[lo] as number;
}

function seriesSpec(input: ValueSeriesInput | CandlestickSeriesInput, rows: readonly number[]): SeriesSpec {
  const pick = (values: ArrayLike<number>): (number | null)[] => rows.map((r) => compactValue(values[r] as number));
  if (input.kind === 'candlestick') {
    return {
      kind: 'candlestick',
      name: input.name,
      open: pick(input.open),
      high: pick(input.high),
      low: pick(input.low),
      close: pick(input.close),
    };
  }
  return { kind: input.kind, name: input.name, color: input.color, values: pick(input.values) };
}

function lengthOf(input: ValueSeriesInput | CandlestickSeriesInput): number {
  return input.kind === 'candlestick' ? input.close.length : input.values.length;
}

/**
 * Returns a time-series chart drawn by lightweight-charts in the page: a titled figure with a
 * legend, optional log-scale checkbox and variant drop-down, and the spec the browser script
 * draws from. Values are rounded to 8 significant digits and times to whole seconds.
 *
 * @example
 * const chart = timeSeriesChart({
 *   id: 'equity', title: 'Equity', time: result.equity.time, valueFormat: 'money', logScaleToggle: true,
 *   series: [{ kind: 'line', name: 'strategy', color: '#2962ff', values: result.equity.equity }],
 * });
 * page.charts.push(chart.spec);
 */
export function timeSeriesChart(input: TimeSeriesInput): TimeSeriesChart {
  for (const s of input.series) {
    if (lengthOf(s) !== input.time.length) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected ${input.time.length} values in series "${s.name}" of chart ${input.id}, got ${lengthOf(s)}`,
      );
    }
  }
  const valueSeries = input.series.filter((s) => s.kind !== 'candlestick').length;
  for (const v of input.variants ?? []) {
    if (v.values.length !== valueSeries || v.values.some((values) => values.length !== input.time.length)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected variant "${v.label}" of chart ${input.id} to give ${valueSeries} series of ${input.time.length} values`,
      );
    }
  }
  const { time, rows } = chartTimes(input.time);
  const markers =
    time.length === 0
      ? []
      : (input.markers ?? [])
          .map((m) => ({ ...m, time: snap(time, Math.floor(m.time / MICROS_PER_SECOND)) }))
          .sort((a, b) => a.time - b.time);
  const variants = (input.variants ?? []).map((v) => ({
    label: v.label,
    values: v.values.map((values) => rows.map((r) => compactValue(values[r] as number))),
  }));
  const spec: TimeSeriesChartSpec = {
    id: input.id,
    height: input.height ?? 320,
    time,
    series: input.series.map((s) => seriesSpec(s, rows)),
    valueFormat: input.valueFormat,
    markers,
    logScaleToggle: input.logScaleToggle === true,
    variants,
  };
  const legend = input.series
    .filter((s): s is ValueSeriesInput => s.kind !== 'candlestick')
    .map((s) => html`<span class="legend-item"><i style="background:${s.color}"></i>${s.name}</span>`);
  const log = spec.logScaleToggle
    ? html`<label class="control"><input type="checkbox" data-log-scale-for="${input.id}"> log scale</label>`
    : null;
  const select =
    variants.length > 1
      ? html`<label class="control">window <select data-variant-for="${input.id}">${variants.map(
          (v, i) => html`<option value="${i}">${v.label}</option>`,
        )}</select></label>`
      : null;
  const note = input.note === undefined ? null : html`<p class="note">${input.note}</p>`;
  const markup = html`<figure class="chart-block"><figcaption><span class="chart-title">${input.title}</span>${legend}<span class="controls">${log}${select}</span></figcaption><div id="${input.id}" class="chart" data-chart="time-series" style="height:${spec.height}px"></div>${note}</figure>`;
  return { markup, spec };
}
