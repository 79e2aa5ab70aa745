import type { Rng } from '@alphintra/core';
import type { BarPath } from './bar-path.js';
import type { FeeModel } from './fee-model.js';
import type { LatencyModel } from './latency-model.js';
import type { SlippageModel } from './slippage-model.js';

/** When a market order submitted on a bar fills. */
export type FillTiming = 'next-open' | 'close';

/** What the venue does with an order that reaches it while the market is closed. */
export type WhenClosed = 'wait' | 'reject';

/** The simulated venue's rules. */
export interface SimulatedExchangeConfig {
  readonly fillTiming: FillTiming;
  readonly barPath: BarPath;
  /** Largest fraction of a bar's volume one instrument may fill in that bar (Infinity: no limit). */
  readonly volumeLimit: number;
  /** Whether a limit fills when price only touches it (true) or must trade through it. */
  readonly limitFillOnTouch: boolean;
  readonly slippage: SlippageModel;
  readonly fees: FeeModel;
  readonly latency: LatencyModel;
  readonly rng: Rng;
  /**
   * Orders reaching the venue outside their instrument's session (intraday bars) wait for the
   * open (`wait`, default) or are rejected with `MARKET_CLOSED`.
   */
  readonly whenClosed?: WhenClosed;
}
