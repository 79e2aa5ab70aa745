/**
 * Which part of a candle a setting measures: the real body |close − open|, the full
 * high − low range, or the two shadows together.
 */
export const CandleRange = { RealBody: 0, HighLow: 1, Shadows: 2 } as const;

/** One of the {@link CandleRange} codes. */
export type CandleRangeType = (typeof CandleRange)[keyof typeof CandleRange];

/**
 * A candle setting: what "long", "short", "near" … mean, as a multiple (`factor`) of the
 * average of one kind of range over the `period` candles before the one judged. With a
 * period of 0 the candle's own range is used instead of an average.
 */
export interface CandleSetting {
  readonly name: string;
  readonly rangeType: CandleRangeType;
  readonly period: number;
  readonly factor: number;
}

function setting(name: string, rangeType: CandleRangeType, period: number, factor: number): CandleSetting {
  return Object.freeze({ name, rangeType, period, factor });
}

/** A long real body: longer than the average real body of the last 10 candles. */
export const BODY_LONG = setting('BodyLong', CandleRange.RealBody, 10, 1);
/** A very long real body: longer than 3 times the average real body of the last 10 candles. */
export const BODY_VERY_LONG = setting('BodyVeryLong', CandleRange.RealBody, 10, 3);
/** A short real body: shorter than the average real body of the last 10 candles. */
export const BODY_SHORT = setting('BodyShort', CandleRange.RealBody, 10, 1);
/** A doji body: at most 10% of the average high − low range of the last 10 candles. */
export const BODY_DOJI = setting('BodyDoji', CandleRange.HighLow, 10, 0.1);
/** A long shadow: longer than the candle's own real body. */
export const SHADOW_LONG = setting('ShadowLong', CandleRange.RealBody, 0, 1);
/** A very long shadow: longer than twice the candle's own real body. */
export const SHADOW_VERY_LONG = setting('ShadowVeryLong', CandleRange.RealBody, 0, 2);
/** A short shadow: shorter than the average single shadow of the last 10 candles. */
export const SHADOW_SHORT = setting('ShadowShort', CandleRange.Shadows, 10, 1);
/** A very short shadow: shorter than 10% of the average high − low range of the last 10 candles. */
export const SHADOW_VERY_SHORT = setting('ShadowVeryShort', CandleRange.HighLow, 10, 0.1);
/** "Near": within 20% of the average high − low range of the last 5 candles. */
export const NEAR = setting('Near', CandleRange.HighLow, 5, 0.2);
/** "Far": more than 60% of the average high − low range of the last 5 candles. */
export const FAR = setting('Far', CandleRange.HighLow, 5, 0.6);
/** "Equal": within 5% of the average high − low range of the last 5 candles. */
export const EQUAL = setting('Equal', CandleRange.HighLow, 5, 0.05);

/** TA-Lib's default candle settings, keyed by TA-Lib's names. */
export const CANDLE_SETTINGS = Object.freeze({
  BodyLong: BODY_LONG,
  BodyVeryLong: BODY_VERY_LONG,
  BodyShort: BODY_SHORT,
  BodyDoji: BODY_DOJI,
  ShadowLong: SHADOW_LONG,
  ShadowVeryLong: SHADOW_VERY_LONG,
  ShadowShort: SHADOW_SHORT,
  ShadowVeryShort: SHADOW_VERY_SHORT,
  Near: NEAR,
  Far: FAR,
  Equal: EQUAL,
});
