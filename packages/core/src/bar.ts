/** One OHLCV bar. `time` is the bar's open time in epoch microseconds (UTC). */
export interface Bar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** The price and volume columns every bar series has, in storage order. */
export const BAR_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** A price or volume column name. */
export type BarField = (typeof BAR_FIELDS)[number];
