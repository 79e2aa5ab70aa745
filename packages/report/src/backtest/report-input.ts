import type { MetricsReport } from '@alphintra/analytics';
import type { BacktestResult } from '@alphintra/engine';

/** Bars of one instrument, as columns (a core `BarSeries` has these fields). */
export interface PriceBars {
  /** Bar open times, epoch µs UTC, ascending. */
  readonly time: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/** The benchmark a run is compared with: its equity at each of the run's equity times. */
export interface ReportBenchmark {
  /** What it is, e.g. "buy and hold ORCL.SIM". */
  readonly name: string;
  /** One value per row of the run's equity curve, starting at the run's starting equity. */
  readonly equity: ArrayLike<number>;
}

/** Options of `renderBacktestReport`. */
export interface BacktestReportOptions {
  /** Bars of the run's instruments, for the price charts; an instrument without bars gets a note. */
  readonly prices: readonly { readonly instrument: string; readonly bars: PriceBars }[];
  /** The benchmark, aligned by index with `result.equity` (the one the metrics were computed with). */
  readonly benchmark?: ReportBenchmark;
  /** Page title; "Backtest: <strategy> <version>" by default. */
  readonly title?: string;
  /** The inputs as the user named them (files, catalog names), shown in the manifest. */
  readonly sources?: { readonly strategy: string; readonly data: readonly string[] };
  /**
   * Rolling windows (in periods) offered besides the metrics' own; 63, 126 and 252 by default.
   * Windows longer than the run are left out.
   */
  readonly rollingWindows?: readonly number[];
}

/** What every section of a backtest report draws from. */
export interface BacktestReportInput {
  readonly result: BacktestResult;
  readonly metrics: MetricsReport;
  readonly options: BacktestReportOptions;
}
