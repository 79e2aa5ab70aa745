import { computeMetrics, type MetricsReport, type TradeInput } from '@alphintra/analytics';
import type { Constraint } from '../constraints/constraint.js';
import { type MeasureOptions, metricsOptionsOf } from '../evaluate/measure-run.js';
import type { EquityPoints, TrialEvaluator } from '../evaluate/trial-evaluator.js';
import type { Objective } from '../objectives/objective.js';
import { buildSearchReport, type SearchReport, type WindowReport, windowReport } from '../report/search-report.js';
import {
  prepareSearch,
  runSearch,
  type SearchControl,
  type SearchSettings,
  scoreOutcome,
} from '../search/run-search.js';
import { orderedParameters, type ParameterSet, type ParameterSpace } from '../space/dimension.js';
import { describeSpan, type Fold, type WalkForwardSpec } from './walk-forward-plan.js';
import {
  type Efficiency,
  efficiencyRatio,
  overallEfficiency,
  type StabilityReport,
  stabilityReport,
} from './walk-forward-stats.js';

/** One fold of a walk-forward run. */
export interface FoldReport {
  readonly index: number;
  readonly partial: boolean;
  /** The search over the training window (with its own diagnostics). */
  readonly search: SearchReport;
  readonly test: WindowReport;
  /** Parameters chosen in sample and run out of sample (null when the fold was stopped). */
  readonly chosen: ParameterSet | null;
  readonly inSample: { readonly values: readonly (number | null)[]; readonly annualisedReturn: number | null } | null;
  readonly outOfSample: {
    readonly values: readonly (number | null)[];
    readonly annualisedReturn: number | null;
    readonly startEquity: number;
    readonly endEquity: number;
    readonly metrics: Readonly<Record<string, number | null>>;
  } | null;
  readonly efficiency: Efficiency | null;
}

/** A whole walk-forward run. */
export interface WalkForwardReport {
  readonly mode: 'rolling' | 'anchored';
  readonly train: string;
  readonly test: string;
  readonly step: string;
  readonly warmup: number | 'all';
  readonly folds: readonly FoldReport[];
  readonly complete: boolean;
  /** The out-of-sample equity of every fold joined into one curve, capital carried across folds. */
  readonly stitched: (EquityPoints & { readonly metrics: MetricsReport }) | null;
  readonly efficiency: Efficiency | null;
  readonly stability: StabilityReport | null;
}

/**
 * Runs a walk-forward analysis: for each fold, a full search on the training window (seed
 * + fold index), the best trial chosen there, then that parameter set run on the test window
 * starting with the equity the previous test run ended with. No test data reaches the choice:
 * training runs read only bars before the test window (their data is sliced there).
 */
export async function runWalkForward(args: {
  readonly spec: WalkForwardSpec;
  readonly folds: readonly Fold[];
  readonly space: ParameterSpace;
  readonly constraints: readonly Constraint[];
  readonly objectives: readonly Objective[];
  readonly search: SearchSettings;
  readonly evaluator: TrialEvaluator;
  readonly measure?: MeasureOptions;
  readonly control?: SearchControl & { readonly onFold?: (fold: number) => void };
}): Promise<WalkForwardReport> {
  const { spec, folds, space, constraints, objectives, evaluator, control = {} } = args;
  const reports: FoldReport[] = [];
  const stitchedTime: number[] = [];
  const stitchedEquity: number[] = [];
  const trades: TradeInput[] = [];
  let cash: number | undefined;
  let complete = true;
  for (const fold of folds) {
    control.onFold?.(fold.index);
    const prepared = prepareSearch(space, constraints, args.search, args.search.seed + fold.index);
    const run = await runSearch({ space, objectives, prepared, window: fold.train, evaluator, control });
    const search = await buildSearchReport({ run, space, objectives, window: fold.train, evaluator });
    const best = search.best;
    const stopped = !run.complete || control.stop?.aborted === true;
    const [oos] =
      stopped || best === null
        ? [undefined]
        : await evaluator.evaluate({
            window: fold.test,
            parameterSets: [best.parameters],
            ...(cash === undefined ? {} : { cash }),
            detail: {},
          });
    if (oos?.detail === undefined || best === null) {
      reports.push({
        index: fold.index,
        partial: fold.partial,
        search,
        test: windowReport(evaluator.timeline, fold.test),
        chosen: best === null ? null : best.parameters,
        inSample: null,
        outOfSample: null,
        efficiency: null,
      });
      complete = false;
      break;
    }
    const chosenTrial = run.trials.find((t) => t.id === best.id);
    const isReturn = chosenTrial?.outcome.metrics['returns.annualisedReturn'] ?? null;
    const oosReturn = oos.metrics['returns.annualisedReturn'] ?? null;
    const oosValues = scoreOutcome(objectives, oos).values;
    const equity = oos.detail.equity;
    const skip = stitchedTime.length === 0 ? 0 : 1;
    for (let i = skip; i < equity.time.length; i++) {
      stitchedTime.push(equity.time[i] as number);
      stitchedEquity.push(equity.equity[i] as number);
    }
    trades.push(...oos.detail.trades);
    const startEquity = equity.equity[0] as number;
    const endEquity = equity.equity[equity.equity.length - 1] as number;
    cash = endEquity;
    const oosMetrics: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(oos.metrics)) oosMetrics[k.slice(k.indexOf('.') + 1)] = v;
    reports.push({
      index: fold.index,
      partial: fold.partial,
      search,
      test: windowReport(evaluator.timeline, fold.test),
      chosen: orderedParameters(space, best.parameters),
      inSample: { values: best.values, annualisedReturn: isReturn },
      outOfSample: { values: oosValues, annualisedReturn: oosReturn, startEquity, endEquity, metrics: oosMetrics },
      efficiency: {
        return: efficiencyRatio(oosReturn, isReturn),
        objectives: objectives.map((_, k) => efficiencyRatio(oosValues[k] ?? null, best.values[k] ?? null)),
      },
    });
  }
  const done = reports.filter((r) => r.outOfSample !== null);
  let stitched: WalkForwardReport['stitched'] = null;
  if (stitchedTime.length >= 2 && stitchedEquity.every((e) => e > 0)) {
    const time = Float64Array.from(stitchedTime);
    const equity = Float64Array.from(stitchedEquity);
    const metrics = computeMetrics({ time, equity, trades }, metricsOptionsOf(args.measure ?? {}));
    stitched = { time: stitchedTime, equity: stitchedEquity, metrics };
  }
  return {
    mode: spec.mode,
    train: describeSpan(spec.train),
    test: describeSpan(spec.test),
    step: describeSpan(spec.step),
    warmup: spec.warmup,
    folds: reports,
    complete,
    stitched,
    efficiency:
      done.length === 0
        ? null
        : overallEfficiency({
            objectives,
            stitchedReturn: stitched?.metrics.returns.annualisedReturn ?? null,
            inSampleReturns: done.map((r) => r.inSample?.annualisedReturn ?? null),
            inSampleValues: done.map((r) => r.inSample?.values ?? []),
            outOfSampleValues: done.map((r) => r.outOfSample?.values ?? []),
          }),
    stability:
      done.length === 0
        ? null
        : stabilityReport(
            space,
            done.map((r) => r.chosen as ParameterSet),
          ),
  };
}
