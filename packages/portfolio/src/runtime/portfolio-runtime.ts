import { AlphintraError } from '@alphintra/core';
import type { BarView, Fill, Order, StrategyContext, StrategyHandlers } from '@alphintra/engine';
import type { ResolvedPortfolio } from '../spec/check-spec.js';
import { FillSequencer, type ReportedFill } from './fill-sequencer.js';
import { OrderDesk } from './order-desk.js';
import { OrderRouter } from './order-router.js';
import { PortfolioRecorder } from './portfolio-recorder.js';
import { PortfolioStep } from './portfolio-step.js';
import { Reconciler } from './reconciler.js';
import { SleeveContext, type SleeveHost } from './sleeve-context.js';
import { SleeveExcursions } from './sleeve-excursions.js';
import { type LedgerInstrument, SleeveLedger } from './sleeve-ledger.js';
import type { Account } from './sleeve-state.js';
import { SleeveState } from './sleeve-state.js';
import { type QuoteView, SleeveBarView, SleeveQuoteView, SleeveTradeView, type TradeView } from './sleeve-views.js';

/** Account indexes of a sleeve's instruments: every one, or those it names (by id, or by a symbol one id has). */
function sleeveInstruments(names: readonly string[] | undefined, account: Account, sleeve: string): number[] {
  if (names === undefined) return account.ids.map((_, k) => k);
  const out = names.map((name) => {
    const exact = account.byId.get(name);
    if (exact !== undefined) return exact;
    const bySymbol = account.ids
      .map((id, k) => [id, k] as const)
      .filter(([id]) => id.slice(0, id.lastIndexOf('.')) === name);
    if (bySymbol.length === 1) return (bySymbol[0] as readonly [string, number])[1];
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `sleeve ${sleeve} names instrument ${name}, which is ${bySymbol.length > 1 ? 'ambiguous' : 'not'} in the run (${account.ids.join(', ')})`,
    );
  });
  if (new Set(out).size !== out.length)
    throw new AlphintraError('INVALID_ARGUMENT', `sleeve ${sleeve} names an instrument twice`);
  return out.sort((a, b) => a - b);
}

/**
 * A portfolio running inside one strategy context: builds each sleeve's ledger and context,
 * creates the sleeves' strategies, and hands the engine one set of handlers that calls the
 * sleeves' handlers in sleeve order, books fills to the sleeve that placed the order, keeps the
 * ledgers reconciled with the account, and records, rebalances and checks limits at the end of
 * every slice.
 */
export class PortfolioRuntime implements SleeveHost {
  readonly spec: ResolvedPortfolio;
  readonly account: Account;
  readonly sleeves: readonly SleeveState[];
  readonly router = new OrderRouter();
  readonly desk: OrderDesk;
  readonly recorder: PortfolioRecorder;
  current = -1;
  readonly #step: PortfolioStep;
  readonly #reconciler: Reconciler;
  readonly #barViews: (SleeveBarView | null)[][];
  readonly #quoteViews: (SleeveQuoteView | null)[][];
  readonly #tradeViews: (SleeveTradeView | null)[][];
  readonly #fills: FillSequencer;
  readonly #excursions: SleeveExcursions;
  /** Whether the ledgers were reconciled with the account since the slice began. */
  #reconciled = false;
  /** Rows of history each instrument had at its last tick (a tick that adds one is a bar of its own). */
  readonly #rows: Int32Array;

  constructor(spec: ResolvedPortfolio, ctx: StrategyContext, parameters: Readonly<Record<string, unknown>>) {
    this.spec = spec;
    const ids = ctx.instruments;
    for (const id of ids) {
      const currency = spec.instruments?.[id]?.currency;
      if (currency !== undefined && currency !== ctx.currency) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected every instrument of a portfolio quoted in the account currency ${ctx.currency}, got ${id} in ${currency} (sleeve ledgers keep one currency)`,
        );
      }
    }
    const terms: LedgerInstrument[] = ids.map((id) => {
      const t = spec.instruments?.[id];
      return { id, multiplier: t?.multiplier ?? 1, lotSize: t?.lotSize ?? 1, margined: t?.margined === true };
    });
    this.account = {
      ctx,
      ids,
      byId: new Map(ids.map((id, k) => [id, k])),
      positions: ids.map((id) => ctx.position(id)),
      terms,
    };
    const lists = spec.sleeves.map((s) => sleeveInstruments(s.instruments, this.account, s.name));
    const traders = new Int32Array(ids.length);
    for (const list of lists) for (const k of list) traders[k] = (traders[k] as number) + 1;
    this.recorder = new PortfolioRecorder(spec.sleeves.length);
    this.#step = new PortfolioStep(this, ctx.equity);
    const capital = this.#step.startingCapital();
    this.sleeves = spec.sleeves.map((s, i) => {
      const list = lists[i] as number[];
      const exclusive = Uint8Array.from(ids, (_, k) => (traders[k] === 1 && list.includes(k) ? 1 : 0));
      const ledger = new SleeveLedger(terms, this.account.positions, capital[i] as number);
      return new SleeveState(i, s.name, ledger, list, exclusive);
    });
    this.desk = new OrderDesk(this.account, this.router, {
      halted: () => this.#step.halted,
      soleSleeve: spec.sleeves.length === 1,
      maxGrossLeverage: spec.risk.maxGrossLeverage,
      denied: (sleeve, order) => this.recorder.denied(sleeve.name, order),
    });
    this.#reconciler = new Reconciler(this.account, this.sleeves);
    this.#fills = new FillSequencer((batch) => this.#book(batch));
    this.#excursions = new SleeveExcursions(ctx, this.sleeves, ids.length);
    this.#rows = new Int32Array(ids.length);
    const whole = (s: SleeveState): boolean => s.instruments.length === ids.length;
    this.#barViews = this.sleeves.map((s) =>
      ids.map((_, k) => (whole(s) || s.local[k] === -1 ? null : new SleeveBarView(s.local[k] as number))),
    );
    this.#quoteViews = this.sleeves.map((s) =>
      ids.map((_, k) => (whole(s) || s.local[k] === -1 ? null : new SleeveQuoteView(s.local[k] as number))),
    );
    this.#tradeViews = this.sleeves.map((s) =>
      ids.map((_, k) => (whole(s) || s.local[k] === -1 ? null : new SleeveTradeView(s.local[k] as number))),
    );
    for (const [i, sleeve] of this.sleeves.entries()) {
      const s = spec.sleeves[i] as ResolvedPortfolio['sleeves'][number];
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(s.parameters))
        values[name] = parameters[`${s.name}.${name}`] ?? s.parameters[name];
      sleeve.handlers = s.strategy.create(new SleeveContext(this, sleeve), values as never);
    }
  }

  /** Whether the drawdown limit has halted new exposure. */
  get halted(): boolean {
    return this.#step.halted;
  }

  /** The handlers the engine calls. */
  handlers(): StrategyHandlers {
    return {
      onStart: () => {
        this.#step.recordStart();
        for (const s of this.sleeves) s.handlers.onStart?.();
      },
      onBar: (bar) => this.#onBar(bar),
      onQuote: (quote) => this.#onTick(quote, this.#quoteViews, 'onQuote'),
      onTrade: (trade) => this.#onTick(trade, this.#tradeViews, 'onTrade'),
      onSlice: (time) => {
        if (!this.#reconciled) this.#reconcile();
        this.#reconciled = false;
        this.current = -1;
        for (const s of this.sleeves) s.handlers.onSlice?.(time);
        this.#step.endSlice(time);
      },
      onTimer: (name, time) => {
        const slash = name.indexOf('/');
        const sleeve = this.sleeves.find((s) => s.name === name.slice(0, slash));
        sleeve?.handlers.onTimer?.(name.slice(slash + 1), time);
      },
      onFill: (fill, order) => this.#onFill(fill, order),
      onOrderUpdate: (order) => {
        const sleeve = this.sleeves[this.router.ownerOf(order)] as SleeveState;
        sleeve.track(order);
        if (order.status !== 'filled') this.desk.releaseTriggered(order); // forgets the children of an order that ended unfilled
        if (this.router.placedByPortfolio(order)) return;
        this.#fills.event(() => sleeve.handlers.onOrderUpdate?.(order));
      },
      onStop: () => {
        for (const s of this.sleeves) s.handlers.onStop?.();
      },
    };
  }

  /**
   * Shares out what the account booked outside fills. The engine books it (carry, splits) as it
   * opens each instrument's bar or tick, before any handler of that slice runs, and fills are
   * reconciled as they are booked; so once per slice of bars, at its first handler, and at every
   * tick, is enough.
   */
  #reconcile(): void {
    for (let k = 0; k < this.account.ids.length; k++) this.#reconciler.splits(k);
    this.#reconciler.cashFlows();
    this.#reconciled = true;
  }

  #onBar(bar: BarView): void {
    const k = bar.instrumentIndex;
    if (!this.#reconciled) this.#reconcile();
    this.#excursions.bar(k, bar.high, bar.low);
    this.current = k;
    const sleeves = this.sleeves;
    for (let i = 0; i < sleeves.length; i++) {
      const s = sleeves[i] as SleeveState;
      const handler = s.handlers.onBar;
      if (handler === undefined || s.local[k] === -1) continue;
      const view = this.#barViews[i]?.[k];
      if (view === null || view === undefined) handler.call(s.handlers, bar);
      else {
        view.source = bar;
        handler.call(s.handlers, view);
      }
    }
    this.current = -1;
  }

  #onTick<V extends QuoteView | TradeView>(
    tick: V,
    views: readonly (readonly ({ source: V } | null)[])[],
    handler: 'onQuote' | 'onTrade',
  ): void {
    const k = tick.instrumentIndex;
    this.#reconcile();
    // As the engine's own trades do: a tick that is also a row of the instrument's history (its
    // only data) counts as a bar of an open trade; any other tick only moves its excursions.
    const id = this.account.ids[k] as string;
    const rows = this.account.ctx.barCount(id);
    const row = rows !== this.#rows[k];
    this.#rows[k] = rows;
    const mark = this.account.positions[k]?.lastPrice as number;
    if (!Number.isNaN(mark)) {
      if (row) this.#excursions.bar(k, this.account.ctx.value('high', 0, id), this.account.ctx.value('low', 0, id));
      else this.#excursions.price(k, mark);
    }
    this.current = k;
    const sleeves = this.sleeves;
    for (let i = 0; i < sleeves.length; i++) {
      const s = sleeves[i] as SleeveState;
      const call = s.handlers[handler] as ((view: V) => void) | undefined;
      if (call === undefined || s.local[k] === -1) continue;
      const view = views[i]?.[k];
      if (view === null || view === undefined) call.call(s.handlers, tick);
      else {
        view.source = tick;
        call.call(s.handlers, view as unknown as V);
      }
    }
    this.current = -1;
  }

  #onFill(fill: Fill, order: Readonly<Order>): void {
    const sleeve = this.sleeves[this.router.ownerOf(order)] as SleeveState;
    sleeve.track(order);
    const deliver = this.router.placedByPortfolio(order) ? () => {} : () => sleeve.handlers.onFill?.(fill, order);
    this.#fills.fill({ fill, order }, deliver);
  }

  /** Books consecutive fills into their sleeves' ledgers, after reconciling what the account booked besides. */
  #book(batch: readonly ReportedFill[]): void {
    const unbooked = new Map<number, number>();
    let effect = 0;
    for (const { fill } of batch) {
      const k = this.account.byId.get(fill.instrument) as number;
      const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity;
      unbooked.set(k, (unbooked.get(k) ?? 0) + signed);
      const mark = this.account.positions[k]?.lastPrice as number;
      const m = this.account.terms[k]?.multiplier as number;
      effect += -fill.fee + signed * ((Number.isNaN(mark) ? fill.price : mark) - fill.price) * m;
    }
    for (const [k, units] of unbooked) this.#reconciler.splits(k, units);
    this.#reconciler.cashFlows(effect);
    for (const { fill, order } of batch) {
      const sleeve = this.sleeves[this.router.ownerOf(order)] as SleeveState;
      const k = this.account.byId.get(fill.instrument) as number;
      const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity;
      this.#excursions.book(sleeve, k, signed, fill);
    }
    for (const { fill, order } of batch) {
      this.desk.afterFill(
        this.sleeves[this.router.ownerOf(order)] as SleeveState,
        this.account.byId.get(fill.instrument) as number,
      );
      this.desk.releaseTriggered(order);
    }
  }
}
