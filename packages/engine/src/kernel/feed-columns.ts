/**
 * Bar columns an indicator can read. Kept apart from the indicator feed so that the
 * higher-timeframe view can name them without importing the feed (and through it the
 * strategy API, which imports the view: a cycle).
 */
export interface FeedColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}
