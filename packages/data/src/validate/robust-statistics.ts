/**
 * Rearranges `values[from..to)` so that position `k` holds the value it would hold if the
 * range were sorted (Hoare's selection, median-of-three pivots; O(n) on average). NaN-free
 * input only.
 */
function select(values: Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = values[i] as number;
        values[i] = values[j] as number;
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/** Returns the median of `values`, reordering the array in place. NaN for an empty array. */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const upper = select(values, 0, n, n >> 1);
  if (n % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper middle after selection.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) if ((values[i] as number) > lower) lower = values[i] as number;
  return (lower + upper) / 2;
}

/** Consistency factor turning a median absolute deviation into a normal standard deviation. */
export const MAD_TO_SIGMA = 1.4826;
/** Consistency factor turning a mean absolute deviation into a normal standard deviation. */
export const MEAN_AD_TO_SIGMA = Math.sqrt(Math.PI / 2);

/**
 * Returns the median and a robust standard deviation of `values`: 1.4826 × the median
 * absolute deviation, or, when more than half the values equal the median (prices on a tick
 * grid often do not move from bar to bar), √(π/2) × the mean absolute deviation from the
 * median. Does not modify `values`.
 */
export function robustSpread(values: Float64Array): { median: number; sigma: number } {
  return robustSpreadInPlace(values.slice());
}

/** Like {@link robustSpread}, but reorders and overwrites `work` instead of copying it. */
export function robustSpreadInPlace(work: Float64Array): { median: number; sigma: number } {
  const median = medianInPlace(work);
  let meanAbsolute = 0;
  for (let i = 0; i < work.length; i++) {
    // A permutation of the values has the same deviations, so the reordered array serves.
    const deviation = Math.abs((work[i] as number) - median);
    work[i] = deviation;
    meanAbsolute += deviation;
  }
  const mad = medianInPlace(work);
  if (mad > 0) return { median, sigma: MAD_TO_SIGMA * mad };
  return { median, sigma: work.length === 0 ? 0 : (MEAN_AD_TO_SIGMA * meanAbsolute) / work.length };
}
