import type { BarColumns } from '@alphintra/core';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';

/**
 * A batch indicator the sweep computes once for every parameter set that asks for it: a
 * registry name (`SMA`, `RSI`, `MAX` …) with its parameters, as `ctx.indicator` takes them.
 */
export interface SweepIndicator {
  /** Registry name, as `ctx.indicator(name, …)` takes it. */
  readonly name: string;
  readonly params?: Readonly<Record<string, number>>;
  /** Bar field feeding a single-input indicator (`real`); `close` by default, as in `ctx.indicator`. */
  readonly source?: 'open' | 'high' | 'low' | 'close' | 'volume';
  /** Output of a multi-output indicator (`macdsignal`, `upperband` …); the first by default, as `.value` reads it. */
  readonly output?: string;
}

/** What `decide` returns to place no order on a bar: NaN. */
export const HOLD = Number.NaN;

/** How a target whose sign opposes the position is reached. */
export type SweepReversal = 'direct' | 'close-then-open';

/**
 * The vectorised face of a strategy: the same logic as its event-driven `create`, stated so
 * that thousands of parameter sets can be evaluated in one pass over the data.
 *
 * `indicators(params)` names the batch indicators one parameter set reads; the sweep
 * computes each distinct one once. `decide(bar, values, position, params, bars)` is called
 * for every bar, after the bar has closed, exactly where the event-driven `onBar` runs:
 * `values` holds each named indicator as a whole column (read index `bar`, or earlier — never
 * later), `position` the signed units held, `bars` the price columns. It returns a target
 * exposure, and the sweep turns it into the orders `create` would send:
 *
 * - `HOLD` (NaN): no order;
 * - `0`: `ctx.closePosition()` (nothing when flat);
 * - `t ≠ 0`: `ctx.targetPercent(t)` — a market order for the position worth `t` of equity,
 *   sized at its fill; with `reversal: 'close-then-open'` and a position of the opposite sign,
 *   `ctx.closePosition()` then `ctx.buy({ equityFraction: t })` (or `sell` with `−t`) instead.
 *
 * `decide` must be a pure function of its arguments: it keeps no state between bars.
 *
 * @example
 * sweep: {
 *   indicators: (p) => ({ fast: { name: 'SMA', params: { timeperiod: p.fast } }, slow: { name: 'SMA', params: { timeperiod: p.slow } } }),
 *   decide(bar, { fast, slow }, position) {
 *     const f = fast[bar] as number;
 *     const s = slow[bar] as number;
 *     if (f > s) return position <= 0 ? 1 : HOLD;
 *     return f < s && position > 0 ? 0 : HOLD;
 *   },
 * }
 */
export interface SweepFace<P extends ParameterSpecs = ParameterSpecs, K extends string = string> {
  /** The indicators one parameter set reads, by the names `decide` sees them under. */
  indicators(params: ParameterValues<P>): Readonly<Record<K, SweepIndicator>>;
  /** The target exposure after bar `bar` (see the interface), or `HOLD`. */
  decide(
    bar: number,
    values: Readonly<Record<K, Float64Array>>,
    position: number,
    params: ParameterValues<P>,
    bars: BarColumns,
  ): number;
  /** `direct` (default): one `targetPercent` order; `close-then-open`: see the interface. */
  readonly reversal?: SweepReversal;
}
