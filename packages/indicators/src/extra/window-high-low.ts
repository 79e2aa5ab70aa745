/**
 * Fills `outHigh[i]` with the highest of `high` and `outLow[i]` with the lowest of `low` over
 * the `timeperiod` bars ending at `i`, from `i = timeperiod − 1` on (earlier entries are left
 * as they are). One fused pass: each extreme is carried from bar to bar and its window
 * rescanned only when it leaves. Ties go to the latest bar, which keeps the extreme in the
 * window longest and so rescans least; the values do not depend on it.
 */
export function computeWindowHighLow(
  high: Float64Array,
  low: Float64Array,
  timeperiod: number,
  outHigh: Float64Array,
  outLow: Float64Array,
): void {
  const n = high.length;
  const first = timeperiod - 1;
  let highAt = -1;
  let lowAt = -1;
  let highest = 0;
  let lowest = 0;
  for (let i = first; i < n; i++) {
    const trailing = i - first;
    const h = high[i] as number;
    const l = low[i] as number;
    if (highAt < trailing) {
      highAt = trailing;
      highest = high[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = high[j] as number;
        if (v >= highest) {
          highest = v;
          highAt = j;
        }
      }
    } else if (h >= highest) {
      highest = h;
      highAt = i;
    }
    if (lowAt < trailing) {
      lowAt = trailing;
      lowest = low[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = low[j] as number;
        if (v <= lowest) {
          lowest = v;
          lowAt = j;
        }
      }
    } else if (l <= lowest) {
      lowest = l;
      lowAt = i;
    }
    outHigh[i] = highest;
    outLow[i] = lowest;
  }
}
