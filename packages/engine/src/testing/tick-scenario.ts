import type { QuoteTicks, TradeTicks } from '@alphintra/core';
import type { BacktestResult } from '../backtest/results.js';
import { type BacktestOptions, runBacktest } from '../backtest/run-backtest.js';
import type { Order } from '../orders/order.js';
import {
  type BarView,
  defineStrategy,
  type Fill,
  type QuoteView,
  type StrategyContext,
  type StrategyHandlers,
  type TradeView,
} from '../strategy/strategy.js';
import { TEST_EQUITY } from './fixtures.js';
import { FIRST_BAR } from './scenario.js';

/** One millisecond in µs. */
export const MS = 1000;

/** Trade ticks from rows `[ms after 2024-01-01 00:00 UTC, price, size?]`. */
export function tradeRows(rows: readonly (readonly number[])[], start = FIRST_BAR): TradeTicks {
  return {
    time: Float64Array.from(rows, (r) => start + (r[0] as number) * MS),
    price: Float64Array.from(rows, (r) => r[1] as number),
    size: Float64Array.from(rows, (r) => r[2] ?? Number.NaN),
  };
}

/** Quote ticks from rows `[ms after 2024-01-01 00:00 UTC, bid, ask, bidSize?, askSize?]`. */
export function quoteRows(rows: readonly (readonly number[])[], start = FIRST_BAR): QuoteTicks {
  return {
    time: Float64Array.from(rows, (r) => start + (r[0] as number) * MS),
    bid: Float64Array.from(rows, (r) => r[1] as number),
    ask: Float64Array.from(rows, (r) => r[2] as number),
    bidSize: Float64Array.from(rows, (r) => r[3] ?? Number.NaN),
    askSize: Float64Array.from(rows, (r) => r[4] ?? Number.NaN),
  };
}

/** A tick scenario: trade and/or quote rows (and optionally bars), handlers, config overrides. */
export interface TickScenarioOptions extends Partial<Omit<BacktestOptions, 'strategy' | 'data'>> {
  readonly trades?: readonly (readonly number[])[];
  readonly quotes?: readonly (readonly number[])[];
  readonly series?: import('@alphintra/core').BarSeries;
  readonly setup?: (ctx: StrategyContext) => void;
  readonly onTrade?: (ctx: StrategyContext, trade: TradeView) => void;
  readonly onQuote?: (ctx: StrategyContext, quote: QuoteView) => void;
  readonly onBar?: (ctx: StrategyContext, bar: BarView) => void;
  readonly onFill?: (ctx: StrategyContext, fill: Fill, order: Readonly<Order>) => void;
}

/** A result plus what the strategy saw, in order (`T i`, `Q i`, `B i` for trades, quotes and bars). */
export interface TickScenarioResult extends BacktestResult {
  readonly seen: readonly string[];
}

/**
 * Runs one instrument (TEST_EQUITY) on tick rows.
 *
 * @example
 * tickScenario({ trades: [[0, 100], [1, 101]], onTrade: (ctx, t) => t.index === 0 && ctx.buy(1) });
 */
export function tickScenario(options: TickScenarioOptions): TickScenarioResult {
  const { trades, quotes, series, setup, onTrade, onQuote, onBar, onFill, ...config } = options;
  const seen: string[] = [];
  const strategy = defineStrategy({
    name: 'tick-scenario',
    parameters: {},
    create(ctx): StrategyHandlers {
      setup?.(ctx);
      return {
        onTrade: (t) => {
          seen.push(`T ${t.index}`);
          onTrade?.(ctx, t);
        },
        onQuote: (q) => {
          seen.push(`Q ${q.index}`);
          onQuote?.(ctx, q);
        },
        onBar: (b) => {
          seen.push(`B ${b.index}`);
          onBar?.(ctx, b);
        },
        onFill: (fill, order) => onFill?.(ctx, fill, order),
      };
    },
  });
  const result = runBacktest({
    cash: 100_000,
    ...config,
    strategy,
    data: [
      {
        instrument: TEST_EQUITY,
        ...(series === undefined ? {} : { series }),
        ...(trades === undefined ? {} : { trades: tradeRows(trades) }),
        ...(quotes === undefined ? {} : { quotes: quoteRows(quotes) }),
      },
    ],
  });
  return Object.assign(result, { seen });
}
