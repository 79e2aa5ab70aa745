import { inferPeriodsPerYear } from '@alphintra/analytics';
import { compareSweepToEngine, hashColumns, type SweepDivergence } from '@alphintra/engine';
import { type BacktestEvaluatorSetup, unionTimeline } from '../evaluate/backtest-evaluator.js';
import { requireBars } from '../evaluate/bar-data.js';
import { metricsOptionsOf } from '../evaluate/measure-run.js';
import type { TrialWindow } from '../evaluate/trial-evaluator.js';
import { windowRun } from '../evaluate/window-data.js';
import type { SearchReport } from '../report/search-report.js';
import type { ParameterSet } from '../space/dimension.js';

/** Default relative tolerance of the check (trade counts must be equal). */
export const VERIFY_TOLERANCE = 1e-9;

/** One figure of one trial on which the sweep and the engine disagree. */
export interface TrialDivergence extends SweepDivergence {
  /** The trial's id in its search. */
  readonly trial: number;
}

/** The check of one sweep-evaluated search. */
export interface SearchVerification {
  /** Walk-forward fold of the search (from 0), or null for a search over all the data. */
  readonly fold: number | null;
  /** Ids of the trials re-run through the engine: the best ones, then some spread over the ranking. */
  readonly trials: readonly number[];
  /** Empty when the engine agrees on every figure of every trial. */
  readonly divergences: readonly TrialDivergence[];
}

/** What re-running sweep-evaluated trials through the event-driven engine found. */
export interface SweepVerification {
  readonly tolerance: number;
  /** Trials re-run, over every search. */
  readonly trials: number;
  /** True when no figure of any trial diverged. */
  readonly agrees: boolean;
  readonly searches: readonly SearchVerification[];
}

/**
 * Returns the trial ids to re-run out of a ranking (best first): the best ⌈count / 2⌉, then
 * the rest of `count` spread evenly over the remaining ranking down to its last trial — so
 * both the trials that decide the result and the breadth of the space are checked.
 */
export function verificationSample(ranking: readonly number[], count: number): number[] {
  if (count >= ranking.length) return [...ranking];
  const top = Math.ceil(count / 2);
  const rest = ranking.slice(top);
  const spread = count - top;
  const out = ranking.slice(0, top);
  for (let j = 1; j <= spread; j++) out.push(rest[Math.round((j * rest.length) / spread) - 1] as number);
  return out;
}

/**
 * Re-runs sampled trials of sweep-evaluated searches through `runBacktest` and compares them
 * with `runSweep` on the same window's data and gated strategy (`compareSweepToEngine`):
 * trades, final equity, total return, Sharpe ratio and max drawdown, to `tolerance`
 * (relative). An empty divergence table means the strategy's sweep face reproduced its
 * event-driven `create` on those trials.
 *
 * @example
 * const check = verifySweep(setup, [{ fold: null, window, search: report.search }], 10);
 * if (!check.agrees) console.log(check.searches[0]?.divergences);
 */
export function verifySweep(
  setup: BacktestEvaluatorSetup,
  searches: readonly { readonly fold: number | null; readonly window: TrialWindow; readonly search: SearchReport }[],
  count: number,
  tolerance = VERIFY_TOLERANCE,
): SweepVerification {
  const data = requireBars(setup.data);
  const timeline = unionTimeline(data);
  const hashes = data.map((d) => d.hash ?? hashColumns(d.series.columns()));
  const options = metricsOptionsOf(setup.measure ?? {});
  const checked: SearchVerification[] = searches.map(({ fold, window, search }) => {
    const ids = verificationSample(search.ranking, count);
    if (ids.length === 0) return { fold, trials: [], divergences: [] };
    const byId = new Map(search.trials.map((t) => [t.id, t.parameters]));
    const run = windowRun(setup.strategy, data, hashes, timeline, window);
    const periods = inferPeriodsPerYear(timeline.subarray(window.warmupStart, window.end), options);
    const { divergences } = compareSweepToEngine({
      ...setup.config,
      strategy: run.strategy,
      data: run.data,
      parameterSets: ids.map((id) => byId.get(id) as ParameterSet),
      periodsPerYear: Number.isFinite(periods) && periods > 0 ? periods : 1,
      tolerance,
    });
    return { fold, trials: ids, divergences: divergences.map((d) => ({ ...d, trial: ids[d.run] as number })) };
  });
  const trials = checked.reduce((n, s) => n + s.trials.length, 0);
  return { tolerance, trials, agrees: checked.every((s) => s.divergences.length === 0), searches: checked };
}
