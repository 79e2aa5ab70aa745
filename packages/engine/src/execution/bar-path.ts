/**
 * Which extreme of a bar the price visits first. A bar only says where price opened, closed
 * and how far it went; when a stop and a target are both inside one bar the order matters,
 * so the assumption is explicit:
 *
 * - `pessimistic` (default): the extreme against the position at that moment comes first
 *   (the low for a long, the high for a short; for a flat book, the extreme nearer the open);
 * - `optimistic`: the favourable extreme first (useful only to bound results from above);
 * - `nearest-first`: the extreme nearer the open first, whatever the position;
 * - `high-first` / `low-first`: always that order.
 */
export type BarPath = 'pessimistic' | 'optimistic' | 'nearest-first' | 'high-first' | 'low-first';

/** All bar-path assumptions, for validation and help text. */
export const BAR_PATHS: readonly BarPath[] = ['pessimistic', 'optimistic', 'nearest-first', 'high-first', 'low-first'];

function nearestIsHigh(open: number, high: number, low: number): boolean {
  // Ties go to the low: the usual adverse move for the long side, which most strategies hold.
  return high - open < open - low;
}

/**
 * Returns whether the high is visited before the low under `path`, given the signed position
 * held when the path starts.
 */
export function highFirst(path: BarPath, position: number, open: number, high: number, low: number): boolean {
  switch (path) {
    case 'high-first':
      return true;
    case 'low-first':
      return false;
    case 'nearest-first':
      return nearestIsHigh(open, high, low);
    case 'pessimistic':
      if (position > 0) return false;
      if (position < 0) return true;
      return nearestIsHigh(open, high, low);
    case 'optimistic':
      if (position > 0) return true;
      if (position < 0) return false;
      return nearestIsHigh(open, high, low);
  }
}
