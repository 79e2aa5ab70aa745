import type { Instrument, QuoteTicks, Timeframe, TradeTicks } from '@alphintra/core';
import type { FeeModel } from '../execution/fee-model.js';
import type { FxRateTable } from '../portfolio/fx-rate-input.js';
import type { AccountConfig } from '../portfolio/portfolio.js';
import type { RiskConfig } from '../risk/risk-engine.js';

/** Bar columns an indicator can read. */
export interface FeedColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** One instrument as the kernel runs it: its definition, bar columns and session rules. */
export interface KernelInstrument {
  readonly instrument: Instrument;
  readonly columns: FeedColumns;
  /** Bar length in µs. */
  readonly duration: number;
  /** The bars' timeframe, when known (higher timeframes are built from it). */
  readonly timeframe?: Timeframe;
  /** Bars of a day or longer (each bar a whole session). */
  readonly sessionBars: boolean;
  /** Initial margin fraction for futures and perpetuals (default 0.1). */
  readonly marginRate?: number;
  /** Funding rate per funding interval for perpetuals (positive: longs pay), or a column of rates by bar. */
  readonly fundingRate?: number | Float64Array;
  /** Position in the run's instrument list. */
  readonly index?: number;
  /** Trade ticks, when given: delivered to `onTrade`. */
  readonly trades?: TradeTicks;
  /** Quote ticks, when given: delivered to `onQuote`. */
  readonly quotes?: QuoteTicks;
  /** The stream the venue matches orders on (default `bars`; quotes when given, else trades). */
  readonly matching?: 'bars' | 'quotes' | 'trades';
  /**
   * The stream `columns` come from (default `bars`): bars when given; else one row per trade
   * (open = high = low = close = price, volume = size); else one per quote at the mid.
   */
  readonly feedFrom?: 'bars' | 'quotes' | 'trades';
}

/** A corporate action applied at the first bar on or after `time` (the ex-date). */
export type CorporateAction =
  | { readonly kind: 'split'; readonly instrument: string; readonly time: number; readonly ratio: number }
  | { readonly kind: 'dividend'; readonly instrument: string; readonly time: number; readonly amount: number };

/** Kernel configuration shared by every mode. */
export interface KernelConfig {
  readonly account: AccountConfig;
  /** Configured exchange rates by pair (`'EUR/USD'`), for currencies no FX instrument of the run converts. */
  readonly fxRates?: FxRateTable;
  readonly risk: RiskConfig;
  /** Fee model, also used to reserve fees when sizing relative orders. */
  readonly fees: FeeModel;
  /** Annual borrow rate charged on short notional of cash instruments (0.03 = 3 %). */
  readonly borrowRate: number;
  /** Funding interval of perpetuals in µs (default 8 h). */
  readonly fundingInterval: number;
  readonly corporateActions: readonly CorporateAction[];
  /** Most log entries kept; later ones are counted, not stored. */
  readonly maxLogEntries: number;
  /** Rows to preallocate for the equity curve (it grows as needed). */
  readonly equityCapacity?: number;
}

/** One entry of the strategy's log. */
export interface LogEntry {
  readonly time: number;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/** A status change of an order, as recorded in results. */
export interface OrderEvent {
  readonly time: number;
  readonly orderId: number;
  readonly transition: string;
  readonly status: string;
  readonly reason: string;
}
