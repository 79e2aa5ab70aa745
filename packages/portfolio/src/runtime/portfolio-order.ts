import type { Order, OrderRequest, OrderSize, OrderStatus } from '@alphintra/engine';

/** Stable codes of what the portfolio itself decides about a sleeve's order. */
export type PortfolioOrderCode =
  /** Drawdown limit reached: only orders that reduce the sleeve's position go through. */
  | 'PORTFOLIO_DRAWDOWN_HALT'
  /** The order would take gross exposure over equity above the portfolio's limit. */
  | 'PORTFOLIO_MAX_LEVERAGE_EXCEEDED'
  /** A target the sleeve already holds (the engine uses the same code for targets resolved at the fill). */
  | 'NOTHING_TO_TRADE';

/**
 * An order the portfolio answered without sending it to the account: denied by a portfolio
 * limit, or cancelled because there was nothing to trade. It has a negative id (engine orders
 * count up from 1), is final from the start, and appears in the portfolio's results (risk
 * events), not in the account's order list.
 */
export class PortfolioOrder implements Order {
  readonly id: number;
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly kind: Order['kind'];
  readonly size: OrderSize;
  readonly quantity = Number.NaN;
  readonly filledQuantity = 0;
  readonly averagePrice = Number.NaN;
  readonly limitPrice: number;
  readonly stopPrice: number;
  readonly trailAmount: number;
  readonly trailPercent: number;
  readonly triggered = false;
  readonly timeInForce: Order['timeInForce'];
  readonly expireTime: number;
  readonly reduceOnly: boolean;
  readonly postOnly: boolean;
  readonly extendedHours: boolean;
  readonly tag: string;
  readonly status: OrderStatus;
  readonly submitTime: number;
  readonly updateTime: number;
  readonly reason: PortfolioOrderCode;
  readonly parentId = 0;
  readonly fees = 0;

  constructor(
    id: number,
    instrument: string,
    request: OrderRequest,
    reason: PortfolioOrderCode,
    time: number,
    side: 'buy' | 'sell',
  ) {
    this.id = id;
    this.instrument = instrument;
    this.side = side;
    this.kind = request.kind ?? 'market';
    this.size = request.size;
    this.limitPrice = request.limitPrice ?? Number.NaN;
    this.stopPrice = request.stopPrice ?? Number.NaN;
    this.trailAmount = request.trailAmount ?? Number.NaN;
    this.trailPercent = request.trailPercent ?? Number.NaN;
    this.timeInForce = request.timeInForce ?? 'gtc';
    this.expireTime = request.expireTime ?? Number.NaN;
    this.reduceOnly = request.reduceOnly === true;
    this.postOnly = request.postOnly === true;
    this.extendedHours = request.extendedHours === true;
    this.tag = request.tag ?? '';
    this.status = reason === 'NOTHING_TO_TRADE' ? 'cancelled' : 'denied';
    this.reason = reason;
    this.submitTime = time;
    this.updateTime = time;
  }

  /** A plain snapshot for logs and JSON. */
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      instrument: this.instrument,
      side: this.side,
      kind: this.kind,
      size: this.size,
      status: this.status,
      reason: this.reason,
      tag: this.tag,
      submitTime: this.submitTime,
    };
  }
}
