import type { Order } from '../orders/order.js';
import { roundToTick } from './prices.js';

/**
 * Current trigger level of a trailing stop: its watermark less (sells) or plus (buys) the
 * trail, rounded onto the tick grid beyond the market (down for sells, up for buys) when a
 * tick is given, since a percent trail rarely lands on a tick and a venue can only trade on one.
 */
export function trailingLevel(order: Order, tick = 0): number {
  const w = order.watermark;
  const distance = Number.isNaN(order.trailAmount) ? w * order.trailPercent : order.trailAmount;
  const sell = order.side === 'sell';
  return roundToTick(sell ? w - distance : w + distance, tick, sell ? -1 : 1);
}

/** Whether an order rests as a limit (a limit order, or a stop-limit whose stop has triggered). */
export function restsAsLimit(order: Order): boolean {
  return order.kind === 'limit' || (order.kind === 'stop-limit' && order.triggered);
}

/**
 * Returns the price level at which a move in direction `up` reaches the order, or NaN if
 * such a move cannot execute it (a buy limit waits for a fall, a buy stop for a rise).
 */
export function levelInDirection(order: Order, up: boolean, tick = 0): number {
  const buy = order.side === 'buy';
  if (restsAsLimit(order)) return buy === up ? Number.NaN : order.limitPrice;
  switch (order.kind) {
    case 'stop':
    case 'stop-limit':
      return buy === up ? order.stopPrice : Number.NaN;
    case 'trailing-stop':
      return buy === up ? trailingLevel(order, tick) : Number.NaN;
    default:
      return Number.NaN;
  }
}

/** Moves trailing-stop watermarks after price travelled over `[low, high]`. */
export function advanceWatermark(order: Order, low: number, high: number, tick = 0): void {
  if (order.kind !== 'trailing-stop') return;
  if (Number.isNaN(order.watermark)) {
    order.watermark = order.side === 'sell' ? high : low;
  } else if (order.side === 'sell') {
    if (high > order.watermark) order.watermark = high;
  } else if (low < order.watermark) {
    order.watermark = low;
  }
  order.stopPrice = trailingLevel(order, tick);
}
