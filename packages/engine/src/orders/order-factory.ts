import type { OrderRequest, OrderSize } from './order.js';
import {
  kindCode,
  SIZE_CASH_FRACTION,
  SIZE_EQUITY_FRACTION,
  SIZE_NOTIONAL,
  SIZE_QUANTITY,
  SIZE_TARGET_PERCENT,
  SIZE_TARGET_QUANTITY,
  SUBMITTED,
  tifCode,
} from './order-codes.js';
import type { OrderStore } from './order-store.js';

/** Reasons a request is malformed, checked before risk (the order is rejected with this code). */
export type RequestProblem =
  | 'UNKNOWN_INSTRUMENT'
  | 'INVALID_KIND'
  | 'INVALID_SIDE'
  | 'INVALID_QUANTITY'
  | 'INVALID_PRICE'
  | 'INVALID_TRAIL'
  | 'INVALID_TIME_IN_FORCE'
  | 'INVALID_EXPIRY'
  | 'INVALID_POST_ONLY'
  | 'INVALID_BRACKET'
  | 'INVALID_CONTINGENT';

/** Whether a size is relative (resolved at the fill price) rather than a quantity. */
export function isRelativeSize(size: OrderSize): boolean {
  return typeof size !== 'number' && !('quantity' in size);
}

/** Whether a size names the position to end with. */
export function isTargetSize(
  size: OrderSize,
): size is { readonly targetQuantity: number } | { readonly targetPercent: number } {
  return typeof size !== 'number' && ('targetQuantity' in size || 'targetPercent' in size);
}

/** Returns the units of a quantity size, NaN for relative sizes. */
export function quantityOf(size: OrderSize): number {
  if (typeof size === 'number') return size;
  return 'quantity' in size ? size.quantity : Number.NaN;
}

function relativeValue(size: Exclude<OrderSize, number | { readonly quantity: number }>): number {
  if ('notional' in size) return size.notional;
  if ('equityFraction' in size) return size.equityFraction;
  if ('cashFraction' in size) return size.cashFraction;
  if ('targetQuantity' in size) return size.targetQuantity;
  return size.targetPercent;
}

const positiveFinite = (x: number | undefined): boolean => x !== undefined && Number.isFinite(x) && x > 0;

/** Returns the first problem with a request, or `''`. */
export function checkRequest(request: OrderRequest): RequestProblem | '' {
  const kind = request.kind ?? 'market';
  if (kindCode(kind) < 0) return 'INVALID_KIND';
  const size = request.size as OrderSize | undefined;
  if (size === undefined || size === null) return 'INVALID_QUANTITY';
  if (!isTargetSize(size) && request.side !== 'buy' && request.side !== 'sell') return 'INVALID_SIDE';
  if (typeof size === 'number' || 'quantity' in size) {
    if (!positiveFinite(quantityOf(size))) return 'INVALID_QUANTITY';
  } else {
    const value = relativeValue(size);
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'INVALID_QUANTITY';
    if (!isTargetSize(size) && !(value > 0)) return 'INVALID_QUANTITY';
  }
  if ((kind === 'limit' || kind === 'stop-limit') && !positiveFinite(request.limitPrice)) return 'INVALID_PRICE';
  if ((kind === 'stop' || kind === 'stop-limit') && !positiveFinite(request.stopPrice)) return 'INVALID_PRICE';
  if (kind === 'trailing-stop') {
    const byAmount = request.trailAmount !== undefined;
    const byPercent = request.trailPercent !== undefined;
    if (byAmount === byPercent) return 'INVALID_TRAIL';
    if (byAmount && !positiveFinite(request.trailAmount)) return 'INVALID_TRAIL';
    if (byPercent && !(positiveFinite(request.trailPercent) && (request.trailPercent as number) < 1))
      return 'INVALID_TRAIL';
  }
  const tif = request.timeInForce ?? 'gtc';
  if (tifCode(tif) < 0) return 'INVALID_TIME_IN_FORCE';
  if ((tif === 'ioc' || tif === 'fok') && kind !== 'market' && kind !== 'limit') return 'INVALID_TIME_IN_FORCE';
  if (tif === 'gtd' && !(request.expireTime !== undefined && Number.isFinite(request.expireTime)))
    return 'INVALID_EXPIRY';
  if (request.postOnly === true && kind !== 'limit') return 'INVALID_POST_ONLY';
  const triggers = request.triggers;
  if (triggers !== undefined && !(Array.isArray(triggers.orders) && triggers.orders.length > 0))
    return 'INVALID_CONTINGENT';
  const bracket = request.bracket;
  if (bracket !== undefined) {
    if (bracket.takeProfit === undefined && bracket.stopLoss === undefined) return 'INVALID_BRACKET';
    if (bracket.takeProfit !== undefined && !positiveFinite(bracket.takeProfit)) return 'INVALID_BRACKET';
    if (bracket.stopLoss !== undefined && !positiveFinite(bracket.stopLoss)) return 'INVALID_BRACKET';
    if (bracket.takeProfit !== undefined && bracket.stopLoss !== undefined && request.side !== undefined) {
      const buy = request.side === 'buy';
      if (buy ? bracket.takeProfit <= bracket.stopLoss : bracket.takeProfit >= bracket.stopLoss)
        return 'INVALID_BRACKET';
    }
  }
  return '';
}

/** Fields the kernel decides when it creates an order. */
export interface OrderStamp {
  /** Instrument index in the store (see `OrderStore.unknownInstrument` for names not in the run). */
  readonly instrument: number;
  readonly time: number;
  readonly eligibleBar: number;
  readonly day: number;
  /** Units for quantity sizes (already in whole lots), NaN for relative ones. */
  readonly quantity: number;
  /** Side code (+1 buy, −1 sell) to use when the request gives none (target sizes: the estimated direction). */
  readonly side: number;
  /** Starting watermark for trailing stops (the last price). */
  readonly lastPrice: number;
  readonly parentId: number;
}

const num = (x: number | undefined): number => (x === undefined ? Number.NaN : x);

/** The code (`SIZE_*`) of how a size is given. */
export function sizeKindOf(size: OrderSize): number {
  if (typeof size === 'number' || 'quantity' in size) return SIZE_QUANTITY;
  if ('notional' in size) return SIZE_NOTIONAL;
  if ('equityFraction' in size) return SIZE_EQUITY_FRACTION;
  if ('cashFraction' in size) return SIZE_CASH_FRACTION;
  if ('targetQuantity' in size) return SIZE_TARGET_QUANTITY;
  return SIZE_TARGET_PERCENT;
}

/** The number a size carries (units, currency, or fraction, by its kind). */
export function sizeValueOf(size: OrderSize): number {
  return typeof size === 'number' ? size : 'quantity' in size ? size.quantity : relativeValue(size);
}

/** Creates an order in the store from a request (assumed checked, or about to be rejected); returns its id. */
export function createOrder(store: OrderStore, request: OrderRequest, stamp: OrderStamp): number {
  const id = store.allocate();
  const kind = kindCode(request.kind ?? 'market');
  const tif = tifCode(request.timeInForce ?? 'gtc');
  store.instrument[id] = stamp.instrument;
  store.side[id] = request.side === 'buy' ? 1 : request.side === 'sell' ? -1 : stamp.side;
  // A malformed request is stored as a market GTC order and rejected at once.
  store.kind[id] = Math.max(kind, 0);
  store.sizeKind[id] = sizeKindOf(request.size);
  store.sizeValue[id] = sizeValueOf(request.size);
  store.quantity[id] = stamp.quantity;
  store.filled[id] = 0;
  store.averagePrice[id] = Number.NaN;
  store.limitPrice[id] = num(request.limitPrice);
  store.stopPrice[id] = num(request.stopPrice);
  store.trailAmount[id] = num(request.trailAmount);
  store.trailPercent[id] = num(request.trailPercent);
  store.triggered[id] = 0;
  store.timeInForce[id] = Math.max(tif, 0);
  store.expireTime[id] = request.timeInForce === 'gtd' ? num(request.expireTime) : Number.NaN;
  store.reduceOnly[id] = request.reduceOnly === true ? 1 : 0;
  store.postOnly[id] = request.postOnly === true ? 1 : 0;
  store.tag[id] = request.tag === undefined ? 0 : store.strings.intern(request.tag);
  store.status[id] = SUBMITTED;
  store.reason[id] = 0;
  store.submitTime[id] = stamp.time;
  store.arrivalTime[id] = stamp.time;
  store.updateTime[id] = stamp.time;
  store.parentId[id] = stamp.parentId;
  store.eligibleBar[id] = stamp.eligibleBar;
  store.submitDay[id] = stamp.day;
  store.fees[id] = 0;
  store.watermark[id] = stamp.lastPrice;
  store.stamp[id] = 0;
  if (request.bracket !== undefined) store.brackets.set(id, { ...request.bracket });
  if (request.triggers !== undefined) store.children.set(id, request.triggers);
  return id;
}
