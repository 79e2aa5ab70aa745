import type { BracketLegs, Order, OrderKind, OrderRequest, OrderSize, TimeInForce } from './order.js';

const KINDS: readonly OrderKind[] = [
  'market',
  'limit',
  'stop',
  'stop-limit',
  'trailing-stop',
  'market-on-open',
  'market-on-close',
];
const TIFS: readonly TimeInForce[] = ['gtc', 'day', 'ioc', 'fok', 'gtd'];

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
  | 'INVALID_BRACKET';

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
  if (!KINDS.includes(kind)) return 'INVALID_KIND';
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
  if (!TIFS.includes(tif)) return 'INVALID_TIME_IN_FORCE';
  if ((tif === 'ioc' || tif === 'fok') && kind !== 'market' && kind !== 'limit') return 'INVALID_TIME_IN_FORCE';
  if (tif === 'gtd' && !(request.expireTime !== undefined && Number.isFinite(request.expireTime)))
    return 'INVALID_EXPIRY';
  if (request.postOnly === true && kind !== 'limit') return 'INVALID_POST_ONLY';
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
  readonly id: number;
  readonly instrument: string;
  readonly time: number;
  readonly eligibleBar: number;
  readonly day: number;
  /** Units for quantity sizes (already in whole lots), NaN for relative ones. */
  readonly quantity: number;
  /** Side to use when the request gives none (target sizes: the estimated direction). */
  readonly side: 'buy' | 'sell';
  /** Starting watermark for trailing stops (the last price). */
  readonly lastPrice: number;
  readonly parentId?: number;
}

const num = (x: number | undefined): number => (x === undefined ? Number.NaN : x);

/** Creates an engine order from a request (assumed checked). */
export function createOrder(request: OrderRequest, stamp: OrderStamp): Order {
  const bracket: BracketLegs | null = request.bracket === undefined ? null : { ...request.bracket };
  return {
    id: stamp.id,
    instrument: stamp.instrument,
    side: request.side ?? stamp.side,
    kind: request.kind ?? 'market',
    size: request.size,
    quantity: stamp.quantity,
    filledQuantity: 0,
    averagePrice: Number.NaN,
    limitPrice: num(request.limitPrice),
    stopPrice: num(request.stopPrice),
    trailAmount: num(request.trailAmount),
    trailPercent: num(request.trailPercent),
    triggered: false,
    timeInForce: request.timeInForce ?? 'gtc',
    expireTime: request.timeInForce === 'gtd' ? num(request.expireTime) : Number.NaN,
    reduceOnly: request.reduceOnly === true,
    postOnly: request.postOnly === true,
    tag: request.tag ?? '',
    status: 'submitted',
    submitTime: stamp.time,
    arrivalTime: stamp.time,
    updateTime: stamp.time,
    reason: '',
    bracket,
    links: { parentId: stamp.parentId ?? 0, ocoIds: null },
    eligibleBar: stamp.eligibleBar,
    submitDay: stamp.day,
    fees: 0,
    watermark: stamp.lastPrice,
    stamp: 0,
  };
}
