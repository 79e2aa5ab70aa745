import { InvariantError } from '@alphintra/core';
import type { OrderStatus } from './order.js';

/** What can happen to an order. */
export type OrderTransition =
  | 'accept'
  | 'reject'
  | 'deny'
  | 'fill-partially'
  | 'fill'
  | 'cancel'
  | 'expire'
  | 'modify'
  | 'trigger';

/**
 * The order lifecycle as a table: `ORDER_TRANSITIONS[status][transition]` is the next status,
 * or absent when the transition is illegal there. `modify` and `trigger` (a stop-limit's stop
 * touched, a trailing stop re-pegged) keep a working order working. A `submitted` order can be
 * cancelled before the venue sees it (the other leg of a bracket filled first).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderTransition, OrderStatus>>>> = {
  submitted: { accept: 'accepted', reject: 'rejected', deny: 'denied', cancel: 'cancelled' },
  accepted: {
    'fill-partially': 'partially-filled',
    fill: 'filled',
    cancel: 'cancelled',
    expire: 'expired',
    modify: 'accepted',
    trigger: 'accepted',
    reject: 'rejected',
  },
  'partially-filled': {
    'fill-partially': 'partially-filled',
    fill: 'filled',
    cancel: 'cancelled',
    expire: 'expired',
    modify: 'partially-filled',
    trigger: 'partially-filled',
  },
  rejected: {},
  denied: {},
  filled: {},
  cancelled: {},
  expired: {},
};

/**
 * Returns the status an order moves to; throws {@link InvariantError} on an illegal
 * transition (a bug in the engine, never a user error).
 *
 * @example
 * nextOrderStatus('accepted', 'fill'); // 'filled'
 */
export function nextOrderStatus(status: OrderStatus, transition: OrderTransition): OrderStatus {
  const next = ORDER_TRANSITIONS[status][transition];
  if (next === undefined) {
    throw new InvariantError(`illegal order transition: ${transition} from ${status}`);
  }
  return next;
}

/** Whether a transition is legal from a status. */
export function canTransition(status: OrderStatus, transition: OrderTransition): boolean {
  return ORDER_TRANSITIONS[status][transition] !== undefined;
}
