import type { EquityPoints, MeasureOptions, OptimizationReport, SearchReport } from '@alphintra/optimize';

/**
 * What an optimisation records about its inputs (the `manifest` of result.json). Declared here
 * by shape, so the report reads the document `@alphintra/research` writes without depending on
 * the package that runs optimisations.
 */
export interface OptimizationRunManifest {
  readonly engineVersion: string;
  readonly strategy: { readonly name: string; readonly version: string; readonly codeHash: string };
  readonly data: readonly {
    readonly instrument: string;
    readonly bars: number;
    readonly start: number | null;
    readonly end: number | null;
    readonly hash: string;
  }[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly measure: MeasureOptions;
  readonly runKey: string;
  readonly sources: Readonly<Record<string, unknown>>;
}

/**
 * Which evaluator ran the trials and why, and for the one-pass sweep its check against the
 * engine (the `evaluator` of result.json; absent from results written before it existed).
 */
export interface OptimizationEvaluatorRecord {
  readonly requested: string;
  readonly used: string;
  readonly reason: string;
  readonly verification: { readonly trials: number; readonly agrees: boolean; readonly tolerance: number } | null;
}

/** An optimisation result as result.json and `--json` hold it. */
export type OptimizationDocument = OptimizationReport & {
  readonly manifest: OptimizationRunManifest;
  readonly evaluator?: OptimizationEvaluatorRecord;
};

/** What `renderOptimizationReport` draws. */
export interface OptimizationReportInput {
  readonly result: OptimizationDocument;
  /**
   * Equity curve of the best trial, for a result that lacks it (a stopped run whose re-run of
   * the best trial was cut off): the caller re-runs the best parameters and passes it here.
   */
  readonly bestEquity?: EquityPoints | null;
  /** Trials listed in the top-trials table; 25 by default. */
  readonly top?: number;
  /** Page title; "Optimisation: <strategy> <version>" by default. */
  readonly title?: string;
}

/** The search the trial, diagnostics and sensitivity sections describe, and what to call it. */
export interface FocusSearch {
  readonly search: SearchReport;
  /** "" for the one search of a run; "last fold's search" and its window in a walk-forward run. */
  readonly label: string;
}
