import { AlphintraError } from '@alphintra/core';
import type { OrderRequest } from '../orders/order.js';
import { isFinalCode, STATUS_NAMES, SUBMITTED } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';

/**
 * Orders that other orders place or cancel: bracket legs, one-triggers-other children and
 * one-cancels-other links. These run only when a strategy uses them, so they live apart from
 * the execution engine's submit and fill paths, which hand them what they need.
 */

/** What placing a contingent order needs of the execution engine. */
export interface OrderPlacer {
  /** Creates an order and runs the checks; it comes back `submitted` if it may go to the venue. */
  prepare(request: OrderRequest, parentId: number, index: number): number;
  /** Sends a `submitted` order to the venue. */
  send(id: number): void;
}

/** Links orders as one-cancels-other; throws if one of them is already final. */
export function linkOrders(store: OrderStore, ids: readonly number[]): void {
  const s = store;
  for (const id of ids) {
    if (isFinalCode(s.status[id] as number)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `cannot link order ${id}: it is already ${STATUS_NAMES[s.status[id] as number]}`,
      );
    }
  }
  for (const id of ids)
    s.oco.set(
      id,
      ids.filter((other) => other !== id),
    );
}

/** Places the one-triggers-other children of a completely filled order (once). */
export function placeChildren(store: OrderStore, placer: OrderPlacer, parent: number): void {
  const s = store;
  const then = s.children.get(parent);
  if (then === undefined) return;
  s.children.delete(parent);
  const k = s.instrument[parent] as number;
  const placed = then.orders.map((request) =>
    placer.prepare(request, parent, request.instrument === undefined ? k : -1),
  );
  // Link before sending, as for bracket legs: a child can fill the moment it arrives.
  const live = placed.filter((child) => s.status[child] === SUBMITTED);
  if (then.oco === true && live.length > 1) linkOrders(s, live);
  for (const child of live) if (s.status[child] === SUBMITTED) placer.send(child);
}

/** Places the take-profit and stop-loss legs of a bracket order that has filled (once). */
export function placeLegs(store: OrderStore, placer: OrderPlacer, parent: number): void {
  const s = store;
  const bracket = s.brackets.get(parent);
  if (bracket === undefined) return;
  s.brackets.delete(parent); // legs are placed once
  const side = (s.side[parent] as number) > 0 ? 'sell' : 'buy';
  const k = s.instrument[parent] as number;
  const base = { side, size: s.filled[parent] as number, reduceOnly: true } as const;
  const legs: number[] = [];
  if (bracket.takeProfit !== undefined) {
    legs.push(
      placer.prepare({ ...base, kind: 'limit', limitPrice: bracket.takeProfit, tag: 'take-profit' }, parent, k),
    );
  }
  if (bracket.stopLoss !== undefined) {
    legs.push(placer.prepare({ ...base, kind: 'stop', stopPrice: bracket.stopLoss, tag: 'stop-loss' }, parent, k));
  }
  // Link before sending: a leg can fill the moment it reaches the venue (the price is
  // already through it), and its sibling must then never trade.
  const live = legs.filter((leg) => s.status[leg] === SUBMITTED);
  if (live.length > 1) linkOrders(s, live);
  for (const leg of live) if (s.status[leg] === SUBMITTED) placer.send(leg);
}
