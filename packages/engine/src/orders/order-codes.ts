import { InvariantError } from '@alphintra/core';
import type { OrderKind, OrderSide, OrderStatus, TimeInForce } from './order.js';
import { ORDER_TRANSITIONS, type OrderTransition } from './order-state.js';

/*
 * Small integer codes for the order vocabulary. The order store keeps orders in typed columns,
 * so kinds, statuses and the rest travel through the engine as these codes; the names are
 * what strategies and results see.
 */

/** Order kinds by code. */
export const KIND_NAMES: readonly OrderKind[] = [
  'market',
  'limit',
  'stop',
  'stop-limit',
  'trailing-stop',
  'market-on-open',
  'market-on-close',
];
export const MARKET = 0;
export const LIMIT = 1;
export const STOP = 2;
export const STOP_LIMIT = 3;
export const TRAILING_STOP = 4;
export const MARKET_ON_OPEN = 5;
export const MARKET_ON_CLOSE = 6;

/** Times in force by code. */
export const TIF_NAMES: readonly TimeInForce[] = ['gtc', 'day', 'ioc', 'fok', 'gtd'];
export const GTC = 0;
export const DAY = 1;
export const IOC = 2;
export const FOK = 3;
export const GTD = 4;

/** Statuses by code; codes from {@link REJECTED} up are final. */
export const STATUS_NAMES: readonly OrderStatus[] = [
  'submitted',
  'accepted',
  'partially-filled',
  'rejected',
  'denied',
  'filled',
  'cancelled',
  'expired',
];
export const SUBMITTED = 0;
export const ACCEPTED = 1;
export const PARTIALLY_FILLED = 2;
export const REJECTED = 3;
export const DENIED = 4;
export const FILLED = 5;
export const CANCELLED = 6;
export const EXPIRED = 7;

/** Transitions by code. */
export const TRANSITION_NAMES: readonly OrderTransition[] = [
  'accept',
  'reject',
  'deny',
  'fill-partially',
  'fill',
  'cancel',
  'expire',
  'modify',
  'trigger',
];
export const T_ACCEPT = 0;
export const T_REJECT = 1;
export const T_DENY = 2;
export const T_FILL_PARTIALLY = 3;
export const T_FILL = 4;
export const T_CANCEL = 5;
export const T_EXPIRE = 6;
export const T_MODIFY = 7;
export const T_TRIGGER = 8;

/** How a size is given, by code (`OrderSize`'s shapes). */
export const SIZE_QUANTITY = 0;
export const SIZE_NOTIONAL = 1;
export const SIZE_EQUITY_FRACTION = 2;
export const SIZE_CASH_FRACTION = 3;
export const SIZE_TARGET_QUANTITY = 4;
export const SIZE_TARGET_PERCENT = 5;

/** +1 for buys, −1 for sells. */
export const BUY = 1;
export const SELL = -1;

/** The side's name for a side code. */
export function sideName(side: number): OrderSide {
  return side > 0 ? 'buy' : 'sell';
}

/** Whether a status code is final. */
export function isFinalCode(status: number): boolean {
  return status >= REJECTED;
}

/** Whether a status code is live at the venue (accepted or partially filled). */
export function isWorkingCode(status: number): boolean {
  return status === ACCEPTED || status === PARTIALLY_FILLED;
}

/** `NEXT[status * 9 + transition]`: the next status code, or −1 when illegal (from ORDER_TRANSITIONS). */
const NEXT = (() => {
  const table = new Int8Array(STATUS_NAMES.length * TRANSITION_NAMES.length).fill(-1);
  STATUS_NAMES.forEach((status, s) => {
    TRANSITION_NAMES.forEach((transition, t) => {
      const next = ORDER_TRANSITIONS[status][transition];
      if (next !== undefined) table[s * TRANSITION_NAMES.length + t] = STATUS_NAMES.indexOf(next);
    });
  });
  return table;
})();

/** The status code an order moves to; throws {@link InvariantError} on an illegal transition. */
export function nextStatusCode(status: number, transition: number): number {
  const next = NEXT[status * 9 + transition] as number;
  if (next < 0) {
    throw new InvariantError(`illegal order transition: ${TRANSITION_NAMES[transition]} from ${STATUS_NAMES[status]}`);
  }
  return next;
}

/** The code of a kind name, or −1 for an unknown one. */
export function kindCode(kind: string): number {
  switch (kind) {
    case 'market':
      return MARKET;
    case 'limit':
      return LIMIT;
    case 'stop':
      return STOP;
    case 'stop-limit':
      return STOP_LIMIT;
    case 'trailing-stop':
      return TRAILING_STOP;
    case 'market-on-open':
      return MARKET_ON_OPEN;
    case 'market-on-close':
      return MARKET_ON_CLOSE;
    default:
      return -1;
  }
}

/** The code of a time-in-force name, or −1 for an unknown one. */
export function tifCode(tif: string): number {
  switch (tif) {
    case 'gtc':
      return GTC;
    case 'day':
      return DAY;
    case 'ioc':
      return IOC;
    case 'fok':
      return FOK;
    case 'gtd':
      return GTD;
    default:
      return -1;
  }
}
