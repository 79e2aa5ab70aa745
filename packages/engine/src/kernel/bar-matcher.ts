/** The venue's bar-matching face, present when the venue is simulated (backtest and paper). */
export interface BarMatcher {
  matchBar(instrumentIndex: number, bar: number): void;
  fillAtClose(instrumentIndex: number, bar: number): void;
  /** Matches against tick `index` of an instrument that trades on ticks. */
  matchTick(instrumentIndex: number, index: number): void;
}

/** A stream of market data of one instrument. */
export const STREAM_BARS = 0;
export const STREAM_QUOTES = 1;
export const STREAM_TRADES = 2;
