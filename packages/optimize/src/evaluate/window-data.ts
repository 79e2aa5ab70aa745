import type { BacktestData, StrategyDefinition } from '@alphintra/engine';
import type { BarData } from './bar-data.js';
import { lowerBound } from './measure-run.js';
import type { TrialWindow } from './trial-evaluator.js';
import { gateUntil } from './window-strategy.js';

/** What one window's runs are given: the data from the warm-up start to the end, and the gated strategy. */
export interface WindowRun {
  readonly data: BacktestData[];
  readonly strategy: StrategyDefinition;
  /** Open time of the window's first bar (epoch µs): the measured curve starts at the bar before. */
  readonly start: number;
}

/**
 * Returns the data and strategy of a window's runs: each instrument's bars from the warm-up
 * start to the window's last bar (zero-copy slices, hashed as slices of the whole), and the
 * strategy gated until the window starts when there is a warm-up. The window must be checked.
 */
export function windowRun(
  strategy: StrategyDefinition,
  data: readonly BarData[],
  hashes: readonly string[],
  timeline: Float64Array,
  window: TrialWindow,
): WindowRun {
  const from = timeline[window.warmupStart] as number;
  const start = timeline[window.start] as number;
  const last = timeline[window.end - 1] as number;
  const sliced = data.map((d, k): BacktestData => {
    const time = d.series.time;
    const a = lowerBound(time, from);
    const b = lowerBound(time, last + 1);
    const whole = a === 0 && b === time.length;
    return {
      ...d,
      series: whole ? d.series : d.series.slice(a, b),
      hash: whole ? (hashes[k] as string) : `${hashes[k] as string}[${a}:${b}]`,
    };
  });
  return {
    data: sliced,
    strategy: window.start > window.warmupStart ? gateUntil(strategy, start) : strategy,
    start,
  };
}
