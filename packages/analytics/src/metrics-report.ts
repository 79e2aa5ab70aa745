/**
 * The JSON shape `computeMetrics` returns. Every number is finite or `null` (undefined for the
 * input: the Sharpe ratio of a flat curve, the profit factor without losing trades), so
 * `JSON.stringify` never meets NaN or Infinity. Times are epoch µs UTC; returns, drawdowns and
 * losses are fractions (0.05 = 5 %). Field meanings and formulas: docs/analytics/metrics.md.
 */

/** A number, or null where the metric is undefined for the input. */
export type Metric = number | null;

/** What the metrics were computed over. */
export interface SampleReport {
  readonly bars: number;
  /** Number of period returns (bars − 1). */
  readonly periods: number;
  readonly startTime: Metric;
  readonly endTime: Metric;
  readonly startEquity: Metric;
  readonly endEquity: Metric;
  readonly periodsPerYear: Metric;
  /** Annual risk-free rate used. */
  readonly riskFreeRate: number;
  /**
   * Whether equity fell to zero or below: the figures then measure the curve up to that bar
   * (counted as 0), and `endTime`/`endEquity` are that bar's.
   */
  readonly ruined: boolean;
  /** Time of the first bar with equity ≤ 0, null when not ruined. */
  readonly ruinTime: Metric;
}

/** The return of one calendar month. */
export interface MonthlyReturnReport {
  readonly year: number;
  readonly month: number;
  readonly return: number;
}

/** The return of one calendar year. */
export interface YearlyReturnReport {
  readonly year: number;
  readonly return: number;
}

/** Return figures. */
export interface ReturnsReport {
  readonly totalReturn: Metric;
  readonly cagr: Metric;
  readonly annualisedReturn: Metric;
  readonly meanReturn: Metric;
  readonly annualisedVolatility: Metric;
  readonly bestPeriod: Metric;
  readonly bestPeriodTime: Metric;
  readonly worstPeriod: Metric;
  readonly worstPeriodTime: Metric;
  readonly positivePeriods: number;
  readonly negativePeriods: number;
  readonly monthly: readonly MonthlyReturnReport[];
  readonly yearly: readonly YearlyReturnReport[];
}

/** Risk-adjusted figures. */
export interface RiskReport {
  readonly sharpe: Metric;
  readonly sortino: Metric;
  readonly downsideDeviation: Metric;
  readonly calmar: Metric;
  readonly omega: Metric;
  readonly ulcerIndex: Metric;
  readonly tailRatio: Metric;
  readonly skew: Metric;
  readonly excessKurtosis: Metric;
}

/** Drawdown figures; depths are positive fractions of the peak. */
export interface DrawdownReport {
  readonly maxDrawdown: number;
  readonly peakTime: Metric;
  readonly troughTime: Metric;
  readonly recoveryTime: Metric;
  readonly recovered: boolean | null;
  readonly durationBars: Metric;
  readonly durationMicros: Metric;
  readonly averageDrawdown: number;
  readonly averageDurationBars: number;
  readonly longestDurationBars: number;
  readonly longestDurationMicros: number;
  readonly episodes: number;
  readonly currentDrawdown: Metric;
  /** Equity over its running peak minus 1 at each bar (≤ 0); only with `includeSeries`. */
  readonly underwater?: readonly number[];
}

/** VaR and CVaR at one confidence level, as positive one-period losses. */
export interface TailLevelReport {
  readonly confidence: number;
  readonly historicalVar: Metric;
  readonly historicalCvar: Metric;
  readonly parametricVar: Metric;
  readonly parametricCvar: Metric;
  readonly cornishFisherVar: Metric;
  readonly cornishFisherCvar: Metric;
}

/** Tail-risk figures, one entry per requested confidence level. */
export interface TailReport {
  readonly levels: readonly TailLevelReport[];
}

/** Figures against the benchmark. */
export interface BenchmarkReport {
  readonly alpha: Metric;
  readonly beta: Metric;
  readonly correlation: Metric;
  readonly trackingError: Metric;
  readonly informationRatio: Metric;
  readonly treynor: Metric;
  readonly upCapture: Metric;
  readonly downCapture: Metric;
  readonly benchmarkTotalReturn: Metric;
}

/** Trade statistics. */
export interface TradesReport {
  readonly count: number;
  readonly winners: number;
  readonly losers: number;
  readonly breakeven: number;
  readonly longCount: number;
  readonly shortCount: number;
  readonly winRate: Metric;
  readonly grossProfit: number;
  readonly grossLoss: number;
  readonly profitFactor: Metric;
  readonly netProfit: number;
  readonly expectancy: Metric;
  readonly averageReturn: Metric;
  readonly averageWin: Metric;
  readonly averageLoss: Metric;
  readonly payoffRatio: Metric;
  readonly largestWin: Metric;
  readonly largestLoss: Metric;
  readonly sqn: Metric;
  /** `'r-multiple'` when every trade carries an initial risk (SQN of pnl / risk), else `'pnl'`. */
  readonly sqnBasis: 'r-multiple' | 'pnl';
  /** Mean R-multiple; null unless every trade carries an initial risk. */
  readonly averageR: Metric;
  readonly kellyFraction: Metric;
  readonly totalFees: number;
  readonly exposureTime: Metric;
  readonly averageDurationMicros: Metric;
  readonly maxDurationMicros: Metric;
  readonly averageBars: Metric;
  readonly longestWinStreak: number;
  readonly longestLossStreak: number;
  readonly averageMae: Metric;
  readonly averageMfe: Metric;
  /** The same statistics (a subset) of the long and of the short trades. */
  readonly bySide: { readonly long: TradeSplitReport; readonly short: TradeSplitReport };
  /** The same statistics (a subset) of each instrument's trades, keyed by instrument id. */
  readonly byInstrument: Readonly<Record<string, TradeSplitReport>>;
}

/** Statistics of a subset of the trades (definitions as in {@link TradesReport}). */
export interface TradeSplitReport {
  readonly count: number;
  readonly winners: number;
  readonly losers: number;
  readonly winRate: Metric;
  readonly grossProfit: number;
  readonly grossLoss: number;
  readonly netProfit: number;
  readonly profitFactor: Metric;
  readonly expectancy: Metric;
  readonly averageReturn: Metric;
  readonly payoffRatio: Metric;
  readonly sqn: Metric;
  readonly sqnBasis: 'r-multiple' | 'pnl';
  readonly totalFees: number;
  readonly averageBars: Metric;
  readonly exposureTime: Metric;
}

/** A bootstrap interval of the annualised Sharpe ratio. */
export interface SharpeIntervalReport {
  readonly confidence: number;
  /** `iid` (periods drawn one by one) or `stationary` (blocks of random length). */
  readonly method: 'iid' | 'stationary';
  /** Mean block length of the stationary bootstrap; null for `iid`. */
  readonly meanBlockLength: Metric;
  readonly lower: Metric;
  readonly upper: Metric;
  readonly samples: number;
  readonly seed: number;
}

/** The max-drawdown distribution over random orderings of the trades. */
export interface TradeOrderDrawdownReport {
  readonly simulations: number;
  readonly seed: number;
  readonly actual: number;
  readonly mean: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly worst: number;
}

/** Statistical significance of the result. */
export interface SignificanceReport {
  readonly tStatistic: Metric;
  readonly probabilisticSharpe: Metric;
  /** Number of trials behind the result, as given; null when not given. */
  readonly trials: number | null;
  /** Annualised Sharpe the best of the trials would reach by luck; null without trials. */
  readonly expectedMaxSharpe: Metric;
  readonly deflatedSharpe: Metric;
  readonly sharpeInterval: SharpeIntervalReport | null;
  readonly tradeOrderDrawdown: TradeOrderDrawdownReport | null;
}

/**
 * Rolling figures, one value per bar (only with `includeSeries`): element i covers the `window`
 * period returns ending at bar i, null for the first `window` bars and where undefined.
 */
export interface RollingReport {
  /** Window length in periods. */
  readonly window: number;
  /** Annualised Sharpe ratio of each window (over the risk-free rate). */
  readonly sharpe: readonly Metric[];
  /** Annualised volatility (sample std × √P) of each window. */
  readonly volatility: readonly Metric[];
}

/** Everything `computeMetrics` returns. */
export interface MetricsReport {
  readonly sample: SampleReport;
  readonly returns: ReturnsReport;
  readonly risk: RiskReport;
  readonly drawdown: DrawdownReport;
  readonly tail: TailReport;
  /** Null when no benchmark was given. */
  readonly benchmark: BenchmarkReport | null;
  readonly trades: TradesReport;
  readonly significance: SignificanceReport;
  /** Rolling Sharpe ratio and volatility; only with `includeSeries`. */
  readonly rolling?: RollingReport;
}
