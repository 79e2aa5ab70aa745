/** The tolerance TA-Lib uses when it guards a division: magnitudes below it count as zero. */
export const TALIB_EPSILON = 1e-14;

/** Returns whether `v` is within TA-Lib's epsilon of zero. */
export function isNearZero(v: number): boolean {
  return -TALIB_EPSILON < v && v < TALIB_EPSILON;
}
