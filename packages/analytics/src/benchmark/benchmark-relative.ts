import { mean, ratioOverSpread, sampleCovariance, sampleStd, sampleVariance, ZERO_SPREAD } from '../support/moments.js';

/** Figures of a strategy against a benchmark over the same periods; NaN where undefined. */
export interface BenchmarkFigures {
  /** Jensen's alpha per period × P: mean(r − rf) − β·mean(b − rf), annualised arithmetically. */
  readonly alpha: number;
  /** cov(r, b) / var(b), sample estimators. */
  readonly beta: number;
  /** Pearson correlation of r and b. */
  readonly correlation: number;
  /** Sample std of the active return r − b, × √P. */
  readonly trackingError: number;
  /** mean(r − b) × P over the tracking error. */
  readonly informationRatio: number;
  /** mean(r − rf) × P over β. */
  readonly treynor: number;
  /** mean(r) / mean(b) over the periods where b > 0. */
  readonly upCapture: number;
  /** mean(r) / mean(b) over the periods where b < 0. */
  readonly downCapture: number;
  /** The benchmark's own total return over the periods. */
  readonly benchmarkTotalReturn: number;
}

function captureRatio(returns: ArrayLike<number>, benchmark: ArrayLike<number>, up: boolean): number {
  let rs = 0;
  let bs = 0;
  let n = 0;
  for (let i = 0; i < benchmark.length; i++) {
    const b = benchmark[i] as number;
    if (up ? b > 0 : b < 0) {
      rs += returns[i] as number;
      bs += b;
      n++;
    }
  }
  return n > 0 ? rs / n / (bs / n) : Number.NaN;
}

/**
 * Returns the benchmark-relative figures of period returns `returns` against benchmark period
 * returns `benchmark` of the same length (aligned by index), annualised with `periodsPerYear`.
 *
 * @example
 * benchmarkFigures(strategyReturns, marketReturns, 252, 0).beta; // e.g. 0.8
 */
export function benchmarkFigures(
  returns: Float64Array,
  benchmark: Float64Array,
  periodsPerYear: number,
  riskFreePerPeriod: number,
): BenchmarkFigures {
  const n = returns.length;
  const active = new Float64Array(n);
  for (let i = 0; i < n; i++) active[i] = (returns[i] as number) - (benchmark[i] as number);
  const varB = sampleVariance(benchmark);
  const beta = varB > ZERO_SPREAD * ZERO_SPREAD ? sampleCovariance(returns, benchmark) / varB : Number.NaN;
  const excessMean = mean(returns) - riskFreePerPeriod;
  const benchmarkExcessMean = mean(benchmark) - riskFreePerPeriod;
  const sdR = sampleStd(returns);
  const sdB = Math.sqrt(varB);
  const trackingError = sampleStd(active) * Math.sqrt(periodsPerYear);
  let growth = 1;
  for (let i = 0; i < n; i++) growth *= 1 + (benchmark[i] as number);
  return {
    alpha: (excessMean - beta * benchmarkExcessMean) * periodsPerYear,
    beta,
    correlation:
      sdR > ZERO_SPREAD && sdB > ZERO_SPREAD ? sampleCovariance(returns, benchmark) / (sdR * sdB) : Number.NaN,
    trackingError,
    informationRatio: ratioOverSpread(mean(active), sampleStd(active)) * Math.sqrt(periodsPerYear),
    treynor: Math.abs(beta) > ZERO_SPREAD ? (excessMean * periodsPerYear) / beta : Number.NaN,
    upCapture: captureRatio(returns, benchmark, true),
    downCapture: captureRatio(returns, benchmark, false),
    benchmarkTotalReturn: n > 0 ? growth - 1 : Number.NaN,
  };
}
