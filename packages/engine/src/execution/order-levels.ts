import { isWorkingCode, LIMIT, STOP, STOP_LIMIT, TRAILING_STOP } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import { roundToTick } from './prices.js';

/**
 * Current trigger level of trailing stop `id`: its watermark less (sells) or plus (buys) the
 * trail, rounded onto the tick grid beyond the market (down for sells, up for buys) when a
 * tick is given, since a percent trail rarely lands on a tick and a venue can only trade on one.
 */
export function trailingLevel(store: OrderStore, id: number, tick = 0): number {
  const w = store.watermark[id] as number;
  const amount = store.trailAmount[id] as number;
  const distance = Number.isNaN(amount) ? w * (store.trailPercent[id] as number) : amount;
  const sell = (store.side[id] as number) < 0;
  return roundToTick(sell ? w - distance : w + distance, tick, sell ? -1 : 1);
}

/** Whether an order rests as a limit (a limit order, or a stop-limit whose stop has triggered). */
export function restsAsLimit(store: OrderStore, id: number): boolean {
  const kind = store.kind[id];
  return kind === LIMIT || (kind === STOP_LIMIT && store.triggered[id] === 1);
}

/**
 * Returns the price level at which a move in direction `up` reaches the order, or NaN if
 * such a move cannot execute it (a buy limit waits for a fall, a buy stop for a rise).
 */
export function levelInDirection(store: OrderStore, id: number, up: boolean, tick = 0): number {
  const buy = (store.side[id] as number) > 0;
  if (restsAsLimit(store, id)) return buy === up ? Number.NaN : (store.limitPrice[id] as number);
  switch (store.kind[id]) {
    case STOP:
    case STOP_LIMIT:
      return buy === up ? (store.stopPrice[id] as number) : Number.NaN;
    case TRAILING_STOP:
      return buy === up ? trailingLevel(store, id, tick) : Number.NaN;
    default:
      return Number.NaN;
  }
}

/** Moves a trailing stop's watermark after price travelled over `[low, high]` (other kinds: nothing). */
export function advanceWatermark(store: OrderStore, id: number, low: number, high: number, tick = 0): void {
  if (store.kind[id] !== TRAILING_STOP) return;
  const sell = (store.side[id] as number) < 0;
  const w = store.watermark[id] as number;
  if (Number.isNaN(w)) store.watermark[id] = sell ? high : low;
  else if (sell) {
    if (high > w) store.watermark[id] = high;
  } else if (low < w) store.watermark[id] = low;
  store.stopPrice[id] = trailingLevel(store, id, tick);
}

/** Whether order `id` is working and may trade on bar (or tick) `bar`. */
export function orderEligible(store: OrderStore, id: number, bar: number): boolean {
  return isWorkingCode(store.status[id] as number) && (store.eligibleBar[id] as number) <= bar;
}

/** {@link orderEligible}, and tradable on this bar: in session, or allowed outside it. */
export function orderActive(store: OrderStore, id: number, bar: number, inSession: boolean): boolean {
  return orderEligible(store, id, bar) && (inSession || store.extendedHours[id] === 1);
}

/**
 * Rounds order `id`'s limit and stop onto the tick grid, conservatively: limits away from the
 * market, stops beyond it. A trailing stop's level is set from its watermark when `trailing`,
 * else left as it is.
 */
export function snapToTicks(store: OrderStore, id: number, tick: number, trailing: boolean): void {
  const buy = (store.side[id] as number) > 0;
  const limit = store.limitPrice[id] as number;
  if (!Number.isNaN(limit)) store.limitPrice[id] = roundToTick(limit, tick, buy ? -1 : 1);
  const stop = store.stopPrice[id] as number;
  if (store.kind[id] === TRAILING_STOP) {
    if (trailing) store.stopPrice[id] = trailingLevel(store, id, tick);
  } else if (!Number.isNaN(stop)) store.stopPrice[id] = roundToTick(stop, tick, buy ? 1 : -1);
}
