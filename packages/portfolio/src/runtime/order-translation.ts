import type { OrderRequest, OrderSize } from '@alphintra/engine';

/** What sizing a sleeve's order needs to know, at the moment it is placed. */
export interface SleeveBook {
  /** The sleeve's equity and cash (its ledger). */
  readonly equity: number;
  readonly cash: number;
  /** The sleeve's position in the order's instrument, in units. */
  readonly quantity: number;
  /**
   * Units the sleeve's working market orders in the instrument will still trade (signed): a
   * target placed now is reached after them, as the engine resolves targets after the orders
   * placed before them.
   */
  readonly pending: number;
  /** The account's equity and cash. */
  readonly accountEquity: number;
  readonly accountCash: number;
  /**
   * Whether the sleeve is the portfolio's only one: its capital is then the account's by
   * construction, and sizes pass unscaled (rather than scaled by a share that rounding could
   * put one unit in the last place away from 1).
   */
  readonly sole: boolean;
  /** The instrument's mark and multiplier. */
  readonly price: number;
  readonly multiplier: number;
}

/** A size as one of the engine's kinds. */
type SizeCase =
  | { readonly kind: 'quantity'; readonly value: number }
  | { readonly kind: 'notional'; readonly value: number }
  | { readonly kind: 'equityFraction'; readonly value: number }
  | { readonly kind: 'cashFraction'; readonly value: number }
  | { readonly kind: 'targetQuantity'; readonly value: number }
  | { readonly kind: 'targetPercent'; readonly value: number };

function sizeCase(size: OrderSize): SizeCase {
  if (typeof size === 'number') return { kind: 'quantity', value: size };
  if ('quantity' in size) return { kind: 'quantity', value: size.quantity };
  if ('notional' in size) return { kind: 'notional', value: size.notional };
  if ('equityFraction' in size) return { kind: 'equityFraction', value: size.equityFraction };
  if ('cashFraction' in size) return { kind: 'cashFraction', value: size.cashFraction };
  if ('targetQuantity' in size) return { kind: 'targetQuantity', value: size.targetQuantity };
  return { kind: 'targetPercent', value: (size as { targetPercent: number }).targetPercent };
}

/** +1 for buys, −1 for sells (buy when unsaid, as the engine assumes for risk estimates). */
const sideOf = (request: OrderRequest): number => (request.side === 'sell' ? -1 : 1);

/**
 * Signed units an order of the sleeve comes to at the mark, in the sleeve's terms (targets and
 * fractions against the sleeve's position and capital); NaN without a mark. What the
 * portfolio's limits are checked against, as the engine's risk checks use its estimate.
 */
export function estimateUnits(request: OrderRequest, book: SleeveBook): number {
  const unit = book.price * book.multiplier;
  const side = sideOf(request);
  const size = sizeCase(request.size);
  switch (size.kind) {
    case 'quantity':
      return side * size.value;
    case 'notional':
      return (side * size.value) / unit;
    case 'equityFraction':
      return (side * size.value * book.equity) / unit;
    case 'cashFraction':
      return side > 0 ? (size.value * Math.max(0, book.cash)) / unit : -(size.value * Math.max(0, book.equity)) / unit;
    case 'targetQuantity':
      return size.value - book.quantity;
    case 'targetPercent':
      return (size.value * book.equity) / unit - book.quantity;
  }
}

/** The request to send to the account, or nothing to trade. */
export type Translation = { readonly kind: 'send'; readonly request: OrderRequest } | { readonly kind: 'nothing' };

const send = (request: OrderRequest, size: OrderSize, side?: 'buy' | 'sell'): Translation => ({
  kind: 'send',
  request: side === undefined ? { ...request, size } : { ...request, side, size },
});

/** A signed amount as a side and a positive notional, or nothing when it is 0. */
function signedNotional(request: OrderRequest, amount: number): Translation {
  if (!(Math.abs(amount) > 0)) return { kind: 'nothing' };
  return send(request, { notional: Math.abs(amount) }, amount > 0 ? 'buy' : 'sell');
}

/**
 * Translates an order of a sleeve that alone trades the instrument (so the account's position
 * in it is the sleeve's): sizes relative to capital are scaled by the sleeve's share of the
 * account's (its equity over the account's, or its cash over the account's cash) and left for
 * the engine to resolve at the fill price, as it resolves them for a strategy run alone. A sleeve
 * that owns the whole account therefore sends exactly what its strategy would send alone.
 */
export function translateExclusive(request: OrderRequest, book: SleeveBook): Translation {
  const size = sizeCase(request.size);
  const share = book.sole ? 1 : book.accountEquity > 0 ? book.equity / book.accountEquity : Number.NaN;
  if (!Number.isFinite(share)) return translateShared(request, book);
  switch (size.kind) {
    case 'quantity':
    case 'notional':
    case 'targetQuantity':
      return send(request, request.size);
    case 'equityFraction':
      return send(request, { equityFraction: size.value * share });
    case 'cashFraction':
      if (sideOf(request) < 0) return send(request, { cashFraction: size.value * share });
      if (book.sole || (book.accountCash > 0 && book.cash >= 0)) {
        return send(request, { cashFraction: size.value * (book.sole ? 1 : book.cash / book.accountCash) });
      }
      return send(request, { notional: size.value * Math.max(0, book.cash) });
    case 'targetPercent':
      return send(request, { targetPercent: size.value * share });
  }
}

/**
 * Translates an order of a sleeve on an instrument other sleeves trade too (the account's
 * position mixes theirs): targets become the difference to the sleeve's own position (after its
 * working market orders), in units for `targetQuantity` and as a notional at the mark for
 * `targetPercent` (f × sleeve equity − sleeve position value), which the engine turns into
 * units at the fill price; fractions become notionals of the sleeve's equity or cash.
 */
export function translateShared(request: OrderRequest, book: SleeveBook): Translation {
  const size = sizeCase(request.size);
  const held = book.quantity + book.pending;
  switch (size.kind) {
    case 'quantity':
    case 'notional':
      return send(request, request.size);
    case 'equityFraction':
      return send(request, { notional: size.value * Math.max(0, book.equity) });
    case 'cashFraction':
      return send(request, {
        notional: size.value * Math.max(0, sideOf(request) > 0 ? book.cash : book.equity),
      });
    case 'targetQuantity': {
      const units = size.value - held;
      if (units === 0) return { kind: 'nothing' };
      return send(request, Math.abs(units), units > 0 ? 'buy' : 'sell');
    }
    case 'targetPercent': {
      const value = held === 0 ? 0 : held * book.price * book.multiplier;
      return signedNotional(request, size.value * book.equity - value);
    }
  }
}
