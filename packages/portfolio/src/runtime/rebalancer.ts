import { assertNever, civilFromDays, MICROS_PER_DAY } from '@alphintra/core';
import { roundToLots } from '@alphintra/engine';
import type { ResolvedPortfolio, ResolvedSchedule } from '../spec/check-spec.js';
import type { OrderDesk } from './order-desk.js';
import type { RebalanceReason } from './portfolio-recorder.js';
import type { SleeveState } from './sleeve-state.js';

/**
 * The calendar period a time falls in, in UTC: the Monday-based week, the month or the quarter
 * (NaN for schedules that count bars). A schedule fires on the first row of a new period.
 */
export function periodKey(schedule: ResolvedSchedule, time: number): number {
  switch (schedule.kind) {
    case 'weekly':
      // Day 0 (1970-01-01) was a Thursday; +3 makes weeks start on Mondays.
      return Math.floor((Math.floor(time / MICROS_PER_DAY) + 3) / 7);
    case 'monthly': {
      const c = civilFromDays(Math.floor(time / MICROS_PER_DAY));
      return c.year * 12 + c.month;
    }
    case 'quarterly': {
      const c = civilFromDays(Math.floor(time / MICROS_PER_DAY));
      return c.year * 4 + Math.floor((c.month - 1) / 3);
    }
    case 'never':
    case 'bars':
      return Number.NaN;
    default:
      return assertNever(schedule);
  }
}

/** Decides when to rebalance: on the schedule, on drift from the targets, or above the weight cap. */
export class RebalanceTrigger {
  readonly #rules: ResolvedPortfolio['rebalance'];
  readonly #maxWeight: number;
  #lastKey = Number.NaN;
  /** The day of the last row and its period, so a calendar date is worked out once a day. */
  #lastDay = Number.NaN;
  #dayKey = Number.NaN;

  constructor(rules: ResolvedPortfolio['rebalance'], maxWeight: number) {
    this.#rules = rules;
    this.#maxWeight = maxWeight;
  }

  /**
   * Why row `row` (0-based) at `time` rebalances, given the sleeves' current and target
   * weights, or null. Called once per row, in order.
   */
  check(row: number, time: number, weights: ArrayLike<number>, targets: readonly number[]): RebalanceReason | null {
    const schedule = this.#rules.schedule;
    const day = Math.floor(time / MICROS_PER_DAY);
    if (day !== this.#lastDay) {
      this.#lastDay = day;
      this.#dayKey = periodKey(schedule, time);
    }
    const key = this.#dayKey;
    const previous = this.#lastKey;
    this.#lastKey = key;
    if (
      schedule.kind === 'bars'
        ? row > 0 && row % schedule.every === 0
        : row > 0 && key !== previous && !Number.isNaN(key)
    ) {
      return 'schedule';
    }
    let drift = 0;
    let heaviest = 0;
    for (let i = 0; i < weights.length; i++) {
      drift = Math.max(drift, Math.abs((weights[i] as number) - (targets[i] as number)));
      heaviest = Math.max(heaviest, weights[i] as number);
    }
    if (drift > this.#rules.driftThreshold) return 'drift';
    if (heaviest > this.#maxWeight + 1e-12) return 'max-weight';
    return null;
  }
}

/**
 * Moves capital so each sleeve's equity becomes its target weight of the total, returning the
 * transfers (they sum to exactly 0: the largest target takes the remainder). `equities` are the
 * sleeves' equities before.
 */
export function transferCapital(
  sleeves: readonly SleeveState[],
  equities: readonly number[],
  targets: readonly number[],
): number[] {
  const total = equities.reduce((a, b) => a + b, 0);
  let largest = 0;
  for (let i = 1; i < targets.length; i++) if ((targets[i] as number) > (targets[largest] as number)) largest = i;
  const transfers = targets.map((w, i) => (i === largest ? 0 : w * total - (equities[i] as number)));
  const others = transfers.reduce((a, b) => a + b, 0);
  transfers[largest] = others === 0 ? 0 : -others;
  for (const [i, sleeve] of sleeves.entries()) if (transfers[i] !== 0) sleeve.ledger.transfer(transfers[i] as number);
  return transfers;
}

/**
 * Scales each sleeve's positions by its capital after a rebalance over its capital before, with
 * market orders the portfolio places for the sleeve (positions rounded to lots). Reductions go
 * first, so the sales free the cash the purchases need. Returns the number of orders.
 */
export function scalePositions(
  sleeves: readonly SleeveState[],
  before: readonly number[],
  after: readonly number[],
  desk: OrderDesk,
): number {
  const trades: { sleeve: SleeveState; k: number; units: number; reduces: boolean }[] = [];
  for (const [i, sleeve] of sleeves.entries()) {
    const from = before[i] as number;
    if (!(from > 0)) continue;
    const factor = (after[i] as number) / from;
    const ledger = sleeve.ledger;
    for (let h = 0; h < ledger.heldCount; h++) {
      const k = ledger.heldAt(h);
      const q = ledger.quantity(k);
      const units = roundToLots(factor * q, ledger.instruments[k]?.lotSize as number) - q;
      if (units !== 0) trades.push({ sleeve, k, units, reduces: Math.sign(units) !== Math.sign(q) });
    }
  }
  trades.sort((a, b) => Number(b.reduces) - Number(a.reduces));
  for (const t of trades) desk.placeForPortfolio(t.sleeve, t.k, t.units, 'rebalance');
  return trades.length;
}
