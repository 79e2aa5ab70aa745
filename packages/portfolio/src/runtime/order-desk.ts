import type { Order, OrderRequest } from '@alphintra/engine';
import { ContingentDesk, engineMayPlace } from './contingent-orders.js';
import type { OrderRouter } from './order-router.js';
import { estimateUnits, type SleeveBook, translateExclusive, translateShared } from './order-translation.js';
import { PortfolioOrder, type PortfolioOrderCode } from './portfolio-order.js';
import type { Account, SleeveState } from './sleeve-state.js';

const MARKET_KINDS = new Set(['market', 'market-on-open', 'market-on-close']);

/** What the desk asks of the portfolio around an order. */
export interface DeskHooks {
  /** Whether the drawdown limit has halted new exposure. */
  halted(): boolean;
  /** Whether the portfolio has a single sleeve (which then owns the whole account). */
  readonly soleSleeve: boolean;
  /** Largest gross exposure over equity an order may lead to (+∞ for none). */
  readonly maxGrossLeverage: number;
  /** Records an order the portfolio denied. */
  denied(sleeve: SleeveState, order: PortfolioOrder): void;
}

/**
 * Places the sleeves' orders on the account: checks the portfolio's limits, translates sizes
 * from the sleeve's terms to the account's (see order-translation.ts), submits on the sleeve's
 * behalf so the order is attributed to it, and answers with a {@link PortfolioOrder} when the
 * portfolio denies the order or there is nothing to trade.
 */
export class OrderDesk {
  readonly #account: Account;
  readonly #router: OrderRouter;
  readonly #hooks: DeskHooks;
  readonly #contingent: ContingentDesk;
  #nextId = -1;

  constructor(account: Account, router: OrderRouter, hooks: DeskHooks) {
    this.#account = account;
    this.#router = router;
    this.#hooks = hooks;
    this.#contingent = new ContingentDesk(account);
  }

  /** Units the sleeve's working market orders in `k` will still trade (signed). */
  pending(sleeve: SleeveState, k: number): number {
    let total = 0;
    const unit = (this.#account.positions[k]?.lastPrice as number) * (this.#account.terms[k]?.multiplier as number);
    for (const order of sleeve.liveOrders(k, this.#account.ids)) {
      if (!MARKET_KINDS.has(order.kind)) continue;
      const size = order.size;
      const wanted =
        !Number.isNaN(order.quantity) || typeof size === 'number' || !('notional' in size)
          ? order.quantity
          : size.notional / unit;
      const remaining = wanted - order.filledQuantity;
      if (Number.isFinite(remaining)) total += order.side === 'buy' ? remaining : -remaining;
    }
    return total;
  }

  /** The sleeve's book for an order in instrument `k`. */
  book(sleeve: SleeveState, k: number): SleeveBook {
    const ctx = this.#account.ctx;
    return {
      equity: sleeve.ledger.equity(),
      cash: sleeve.ledger.cash,
      quantity: sleeve.ledger.quantity(k),
      pending: sleeve.exclusive[k] === 1 ? 0 : this.pending(sleeve, k),
      accountEquity: ctx.equity,
      accountCash: ctx.cash,
      sole: this.#hooks.soleSleeve,
      price: this.#account.positions[k]?.lastPrice as number,
      multiplier: this.#account.terms[k]?.multiplier as number,
    };
  }

  /** Submits a sleeve's order in instrument `k` (resolved by the sleeve's context). */
  submit(sleeve: SleeveState, k: number, request: OrderRequest): Readonly<Order> {
    const book = this.book(sleeve, k);
    const units = estimateUnits(request, book);
    const denial = this.#check(sleeve, k, request, book, units);
    if (denial !== '') return this.#answer(sleeve, k, request, denial, units);
    const translation = sleeve.exclusive[k] === 1 ? translateExclusive(request, book) : translateShared(request, book);
    if (translation.kind === 'nothing') return this.#answer(sleeve, k, request, 'NOTHING_TO_TRADE', units);
    const id = this.#account.ids[k] as string;
    const triggers = request.triggers;
    const held = triggers !== undefined && !engineMayPlace(triggers, k, sleeve, this.#account, this.#hooks.soleSleeve);
    const sent = held
      ? { ...translation.request, instrument: id, triggers: undefined }
      : { ...translation.request, instrument: id };
    const order = this.#router.run(sleeve.index, false, () => this.#account.ctx.submit(sent));
    sleeve.track(order);
    if (held) this.#contingent.hold(order, sleeve, k, triggers);
    return order;
  }

  /** Places the one-triggers-other children the portfolio holds for `order`, once it has filled completely. */
  releaseTriggered(order: Readonly<Order>): void {
    this.#contingent.release(order, (sleeve, k, child) => this.submit(sleeve, k, child));
  }

  /**
   * Flattens the sleeve's position in `k`: the account's own `closePosition` when the sleeve
   * alone trades `k`, else a market order for the sleeve's position (after its working market
   * orders). Nothing when the sleeve holds nothing.
   */
  close(sleeve: SleeveState, k: number): Readonly<Order> | undefined {
    const held = sleeve.ledger.quantity(k);
    if (held === 0) return undefined;
    const id = this.#account.ids[k] as string;
    if (sleeve.exclusive[k] === 1) {
      const order = this.#router.run(sleeve.index, false, () => this.#account.ctx.closePosition(id));
      if (order !== undefined) sleeve.track(order);
      return order;
    }
    return this.submit(sleeve, k, { size: { targetQuantity: 0 }, tag: 'close' });
  }

  /**
   * Places a market order of `units` (signed) in `k` for the sleeve, on the portfolio's
   * initiative. An order that reduces the sleeve's position is reduce-only, so that if the
   * sleeve's own orders flatten it first (a stop filling at the same open), it cannot flip it.
   */
  placeForPortfolio(sleeve: SleeveState, k: number, units: number, tag: string): Readonly<Order> {
    const id = this.#account.ids[k] as string;
    const reduceOnly = Math.sign(units) === -Math.sign(sleeve.ledger.quantity(k));
    const order = this.#router.run(sleeve.index, true, () =>
      this.#account.ctx.submit({
        instrument: id,
        side: units > 0 ? 'buy' : 'sell',
        size: Math.abs(units),
        tag,
        ...(reduceOnly ? { reduceOnly } : {}),
      }),
    );
    sleeve.track(order);
    return order;
  }

  /**
   * Keeps the sleeve's reduce-only orders in a shared instrument reduce-only for the sleeve: the
   * engine clips them against the account's position, which mixes other sleeves', so after each
   * fill of the sleeve an order that could no longer reduce its position is cancelled and one
   * larger than the position is cut to it.
   */
  afterFill(sleeve: SleeveState, k: number): void {
    if (sleeve.exclusive[k] === 1) return;
    const held = sleeve.ledger.quantity(k);
    for (const order of sleeve.liveOrders(k, this.#account.ids)) {
      if (!order.reduceOnly || (order.status !== 'accepted' && order.status !== 'partially-filled')) continue;
      const reducible = order.side === 'sell' ? Math.max(0, held) : Math.max(0, -held);
      const remaining = order.quantity - order.filledQuantity;
      if (reducible === 0) this.#account.ctx.cancel(order);
      else if (remaining > reducible) this.#account.ctx.modify(order, { quantity: order.filledQuantity + reducible });
    }
  }

  #check(
    sleeve: SleeveState,
    k: number,
    request: OrderRequest,
    book: SleeveBook,
    units: number,
  ): PortfolioOrderCode | '' {
    if (!Number.isFinite(units) || units === 0 || request.reduceOnly === true) return '';
    const held = book.quantity;
    const reduces = Math.sign(units) === -Math.sign(held) && Math.abs(units) <= Math.abs(held);
    if (this.#hooks.halted() && !reduces) return 'PORTFOLIO_DRAWDOWN_HALT';
    const limit = this.#hooks.maxGrossLeverage;
    if (limit !== Number.POSITIVE_INFINITY) {
      const account = this.#account.positions;
      const m = this.#account.terms[k]?.multiplier as number;
      const q = account[k]?.quantity as number;
      if (Math.abs(q + units) > Math.abs(q)) {
        let gross = 0;
        for (let i = 0; i < account.length; i++) {
          const position = account[i] as (typeof account)[number];
          if (position.quantity !== 0) {
            gross += Math.abs(position.quantity * position.lastPrice * (this.#account.terms[i]?.multiplier as number));
          }
        }
        const after = gross - Math.abs(q * book.price * m) + Math.abs((q + units) * book.price * m);
        if (!(book.accountEquity > 0) || after / book.accountEquity > limit) return 'PORTFOLIO_MAX_LEVERAGE_EXCEEDED';
      }
    }
    void sleeve;
    return '';
  }

  #answer(
    sleeve: SleeveState,
    k: number,
    request: OrderRequest,
    code: PortfolioOrderCode,
    units: number,
  ): Readonly<Order> {
    const side = request.side ?? (units < 0 ? 'sell' : 'buy');
    const order = new PortfolioOrder(
      this.#nextId--,
      this.#account.ids[k] as string,
      request,
      code,
      this.#account.ctx.time,
      side,
    );
    if (code !== 'NOTHING_TO_TRADE') this.#hooks.denied(sleeve, order);
    sleeve.handlers.onOrderUpdate?.(order);
    return order;
  }
}
