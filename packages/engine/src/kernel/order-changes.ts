import { AlphintraError } from '@alphintra/core';
import { roundToLots } from '../execution/prices.js';
import { TRAILING_STOP } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';

/** The changes a strategy may make to a working order. */
export interface OrderChanges {
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly quantity?: number;
}

/**
 * Writes `changes` to working order `id`: its limit and stop (a trailing stop's level is the
 * venue's to move), and its quantity rounded to lots of `lotSize`, never below what has filled.
 * Throws unless every price and quantity given is finite and positive.
 */
export function applyOrderChanges(store: OrderStore, id: number, changes: OrderChanges, lotSize: number): void {
  const bad = (x: number | undefined): boolean => x !== undefined && !(Number.isFinite(x) && x > 0);
  if (bad(changes.limitPrice) || bad(changes.stopPrice) || bad(changes.quantity)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected positive prices and quantity to modify order ${id}, got ${JSON.stringify(changes)}`,
    );
  }
  const s = store;
  if (changes.limitPrice !== undefined) s.limitPrice[id] = changes.limitPrice;
  if (changes.stopPrice !== undefined && s.kind[id] !== TRAILING_STOP) s.stopPrice[id] = changes.stopPrice;
  if (changes.quantity !== undefined) {
    const q = roundToLots(changes.quantity, lotSize);
    s.quantity[id] = Math.max(q, s.filled[id] as number);
  }
}
