/**
 * The data contract between a report's HTML and its browser script (client/report-client.js):
 * each time-series chart is a placeholder element plus one of these specs in the page's JSON.
 * Types only, with no imports, so the browser script can be type-checked against them.
 */

/** How the value axis and the crosshair label print values. */
export type ValueFormat = 'money' | 'price' | 'percent' | 'ratio';

/** A series drawn from one value per time of its chart (null leaves a gap). */
export interface ValueSeriesSpec {
  readonly kind: 'line' | 'area' | 'baseline' | 'histogram';
  readonly name: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

/** Open, high, low and close per time of its chart (a null anywhere leaves that time empty). */
export interface CandlestickSeriesSpec {
  readonly kind: 'candlestick';
  readonly name: string;
  readonly open: readonly (number | null)[];
  readonly high: readonly (number | null)[];
  readonly low: readonly (number | null)[];
  readonly close: readonly (number | null)[];
}

/** Any series of a chart. */
export type SeriesSpec = ValueSeriesSpec | CandlestickSeriesSpec;

/** A marker pinned to a time of a series (a trade entry or exit). */
export interface MarkerSpec {
  /** Seconds since the epoch, UTC; always one of the chart's times. */
  readonly time: number;
  readonly position: 'aboveBar' | 'belowBar' | 'inBar';
  readonly shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
  readonly color: string;
  readonly text: string;
}

/** Another set of values for a chart's value series (e.g. another rolling window). */
export interface VariantSpec {
  readonly label: string;
  /** One array per series of the chart, in order. */
  readonly values: readonly (readonly (number | null)[])[];
}

/** One time-series chart. */
export interface TimeSeriesChartSpec {
  /** Id of the element the chart is drawn into. */
  readonly id: string;
  readonly height: number;
  /** Seconds since the epoch, UTC, strictly ascending, shared by every series. */
  readonly time: readonly number[];
  readonly series: readonly SeriesSpec[];
  readonly valueFormat: ValueFormat;
  /** Markers on the first series. */
  readonly markers: readonly MarkerSpec[];
  /** Whether the page offers a logarithmic value axis (a checkbox next to the chart). */
  readonly logScaleToggle: boolean;
  /** Alternatives offered in a drop-down next to the chart; the first is drawn at start. */
  readonly variants: readonly VariantSpec[];
}

/** The JSON a report page carries for its browser script. */
export interface ReportData {
  readonly charts: readonly TimeSeriesChartSpec[];
}
