import { MICROS_PER_DAY } from '@alphintra/core';
import { isWorkingCode } from '../orders/order-codes.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { TradeTracker } from '../portfolio/trade-tracker.js';
import type { ExecutionEngine } from './execution-engine.js';
import type { CorporateAction, KernelConfig, KernelInstrument } from './kernel-types.js';

/**
 * What a position earns or owes for being held, booked by the kernel before a bar is matched:
 * corporate actions (dividends paid, splits applied to positions, trades and working orders),
 * perpetual funding and the borrow cost of shorts.
 */

const YEAR_MICROS = 365.25 * MICROS_PER_DAY;

/** What booking corporate actions and carry needs of the kernel. */
export interface CarryBooks {
  readonly instruments: readonly KernelInstrument[];
  readonly ids: readonly string[];
  readonly config: KernelConfig;
  readonly portfolio: Portfolio;
  readonly trades: TradeTracker;
  readonly execution: ExecutionEngine;
}

/**
 * Applies the pending corporate actions of instrument `k` due by its bar `j`. `actions` is
 * sorted by time, applied ones first: `next` is the first pending one. Returns the new `next`.
 */
export function applyCorporateActions(
  books: CarryBooks,
  actions: CorporateAction[],
  next: number,
  k: number,
  j: number,
): number {
  const time = (books.instruments[k] as KernelInstrument).columns.time[j] as number;
  const id = books.ids[k];
  let applied = next;
  for (let i = applied; i < actions.length; i++) {
    const action = actions[i] as CorporateAction;
    if (action.time > time) break;
    if (action.instrument !== id) continue;
    const q = books.portfolio.quantity[k] as number;
    if (action.kind === 'dividend') {
      if (q !== 0) {
        const amount = q * action.amount * (books.instruments[k] as KernelInstrument).instrument.multiplier;
        books.portfolio.applyCarry(k, amount);
        books.trades.onCarry(k, amount);
      }
    } else {
      books.portfolio.applySplit(k, action.ratio);
      books.trades.onSplit(k, action.ratio);
      splitOrders(books.execution, k, action.ratio);
    }
    // Mark applied by swapping it out of the pending range.
    actions.splice(i, 1);
    actions.splice(applied, 0, action);
    applied++;
  }
  return applied;
}

/** Applies a split to the working orders of instrument `k`: quantities × ratio, prices ÷ ratio. */
function splitOrders(execution: ExecutionEngine, k: number, ratio: number): void {
  const s = execution.orders;
  for (const id of execution.working.toArray()) {
    if (s.instrument[id] !== k || !isWorkingCode(s.status[id] as number)) continue;
    if (!Number.isNaN(s.quantity[id] as number)) s.quantity[id] = (s.quantity[id] as number) * ratio;
    s.filled[id] = (s.filled[id] as number) * ratio;
    s.limitPrice[id] = (s.limitPrice[id] as number) / ratio;
    s.stopPrice[id] = (s.stopPrice[id] as number) / ratio;
    s.watermark[id] = (s.watermark[id] as number) / ratio;
  }
}

/**
 * Books the carry of instrument `k`'s position from the last time carry was booked
 * (`lastCarry[k]`, NaN: never) to its bar `j`: funding at each funding time crossed for a
 * perpetual, borrow for the time a short of anything but a future was held.
 */
export function accrueCarry(books: CarryBooks, lastCarry: Float64Array, k: number, j: number): void {
  const time = (books.instruments[k] as KernelInstrument).columns.time[j] as number;
  const previous = lastCarry[k] as number;
  lastCarry[k] = time;
  if (Number.isNaN(previous) || time <= previous) return;
  const ins = books.instruments[k] as KernelInstrument;
  const p = books.portfolio;
  const q = p.quantity[k] as number;
  const mark = p.lastPrice[k] as number;
  const m = ins.instrument.multiplier;
  const config = books.config;
  if (ins.instrument.kind === 'perpetual') {
    const interval = config.fundingInterval;
    const crossings = Math.floor(time / interval) - Math.floor(previous / interval);
    if (crossings > 0) {
      const rate =
        typeof ins.fundingRate === 'number'
          ? ins.fundingRate
          : ins.fundingRate === undefined
            ? 0
            : (ins.fundingRate[j] as number);
      if (rate !== 0 && Number.isFinite(rate)) {
        const amount = -q * mark * m * rate * crossings;
        p.applyCarry(k, amount);
        books.trades.onCarry(k, amount);
      }
    }
  } else if (q < 0 && config.borrowRate > 0 && ins.instrument.kind !== 'future') {
    const amount = q * mark * m * config.borrowRate * ((time - previous) / YEAR_MICROS);
    p.applyCarry(k, amount);
    books.trades.onCarry(k, amount);
  }
}
