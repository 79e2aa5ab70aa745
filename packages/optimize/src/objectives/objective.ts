import { computeMetrics } from '@alphintra/analytics';
import { AlphintraError } from '@alphintra/core';
import { camelCase, type FlatMetrics, flattenMetrics, lowerIsBetter } from './metric-catalog.js';

/** Whether an objective is to be made large or small. */
export type Direction = 'maximize' | 'minimize';

/** One thing an optimisation improves: a metric of `computeMetrics` and a direction. */
export interface Objective {
  /** Short name, as written without direction (`sharpe`, `maxDrawdown`). */
  readonly name: string;
  /** Qualified metric name (`risk.sharpe`). */
  readonly metric: string;
  readonly direction: Direction;
}

let catalog: readonly string[] | undefined;

/** Returns the qualified names of every metric an objective may name, in report order. */
export function metricNames(): readonly string[] {
  if (catalog === undefined) {
    // The names come from a real report, so they cannot drift from computeMetrics.
    const day = 86_400_000_000;
    const report = computeMetrics(
      { time: Float64Array.of(0, day, 2 * day), equity: Float64Array.of(1, 1.01, 1.02) },
      { bootstrap: false, monteCarlo: false },
    );
    catalog = Object.keys(flattenMetrics(report));
  }
  return catalog;
}

/**
 * Parses an objective: a metric name (camelCase, kebab-case or qualified `risk.sharpe`) with an
 * optional direction: `max:` or `+` to maximise, `min:` or `-` to minimise. Without one, the
 * metric's natural direction applies (drawdowns, volatility, VaR and losses are minimised,
 * everything else maximised), so `max-drawdown` and `-maxDrawdown` both minimise the drawdown.
 *
 * @example
 * parseObjective('sharpe');        // { name: 'sharpe', metric: 'risk.sharpe', direction: 'maximize' }
 * parseObjective('-max-drawdown'); // { name: 'maxDrawdown', metric: 'drawdown.maxDrawdown', direction: 'minimize' }
 */
export function parseObjective(text: string): Objective {
  let body = text.trim();
  let direction: Direction | undefined;
  const prefix = /^(max:|min:|\+|-)/.exec(body);
  if (prefix !== null) {
    direction = prefix[1] === 'max:' || prefix[1] === '+' ? 'maximize' : 'minimize';
    body = body.slice(prefix[1]?.length ?? 0).trim();
  }
  const wanted = camelCase(body);
  const names = metricNames();
  const matches = wanted.includes('.')
    ? names.filter((n) => n === wanted)
    : names.filter((n) => n.slice(n.indexOf('.') + 1) === wanted);
  if (matches.length === 0) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `unknown objective "${text}" (try sharpe, sortino, calmar, cagr, total-return, profit-factor, max-drawdown, ` +
        `or any metric of docs/analytics/metrics.md, e.g. trades.win-rate)`,
    );
  }
  if (matches.length > 1) {
    throw new AlphintraError('INVALID_ARGUMENT', `objective "${text}" is ambiguous: ${matches.join(', ')}`);
  }
  const metric = matches[0] as string;
  return {
    name: metric.slice(metric.indexOf('.') + 1),
    metric,
    direction: direction ?? (lowerIsBetter(metric) ? 'minimize' : 'maximize'),
  };
}

/** Returns an objective's value in a trial's metrics, or null where the metric is undefined. */
export function objectiveValue(objective: Objective, metrics: FlatMetrics): number | null {
  const value = metrics[objective.metric];
  return value === undefined ? null : value;
}

/**
 * Returns a value oriented so that larger is better: the value when maximising, its negation
 * when minimising, and −∞ for an undefined metric (a flat run's Sharpe ratio ranks last).
 */
export function orientedScore(objective: Objective, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return Number.NEGATIVE_INFINITY;
  return objective.direction === 'maximize' ? value : -value;
}
