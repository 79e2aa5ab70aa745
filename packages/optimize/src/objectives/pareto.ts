/** Non-domination ranks and crowding distances of a set of points. */
export interface ParetoRanking {
  /** Front of each point: 0 for the non-dominated (Pareto) front, 1 for the next, … */
  readonly rank: Int32Array;
  /** Crowding distance of each point within its front (∞ at a front's extremes). */
  readonly crowding: Float64Array;
}

/** Returns whether `a` dominates `b`: at least as good everywhere and better somewhere (larger is better). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x < y) return false;
    if (x > y) better = true;
  }
  return better;
}

/**
 * Sorts points into non-dominated fronts (Deb et al., 2002: "fast non-dominated sort", O(M·N²))
 * with every coordinate oriented so that larger is better, and computes each point's crowding
 * distance: the sum over objectives of the normalised gap between its neighbours in its front.
 * Equal points do not dominate each other and share a front.
 *
 * @example
 * paretoRanking([[1, 0], [0, 1], [0, 0]]).rank; // [0, 0, 1]
 */
export function paretoRanking(points: readonly (readonly number[])[]): ParetoRanking {
  const n = points.length;
  const rank = new Int32Array(n);
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = points[i] as readonly number[];
      const b = points[j] as readonly number[];
      if (dominates(a, b)) {
        (dominating[i] as number[]).push(j);
        dominatedBy[j]++;
      } else if (dominates(b, a)) {
        (dominating[j] as number[]).push(i);
        dominatedBy[i]++;
      }
    }
  }
  const crowding = new Float64Array(n);
  let front: number[] = [];
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) front.push(i);
  let level = 0;
  while (front.length > 0) {
    const next: number[] = [];
    for (const i of front) {
      rank[i] = level;
      for (const j of dominating[i] as number[]) {
        dominatedBy[j]--;
        if (dominatedBy[j] === 0) next.push(j);
      }
    }
    assignCrowding(points, front, crowding);
    front = next.sort((a, b) => a - b);
    level++;
  }
  return { rank, crowding };
}

function assignCrowding(
  points: readonly (readonly number[])[],
  front: readonly number[],
  crowding: Float64Array,
): void {
  const m = front.length === 0 ? 0 : (points[front[0] as number] as readonly number[]).length;
  for (const i of front) crowding[i] = 0;
  for (let k = 0; k < m; k++) {
    const sorted = [...front].sort(
      (a, b) =>
        ((points[a] as readonly number[])[k] as number) - ((points[b] as readonly number[])[k] as number) || a - b,
    );
    const low = (points[sorted[0] as number] as readonly number[])[k] as number;
    const high = (points[sorted[sorted.length - 1] as number] as readonly number[])[k] as number;
    crowding[sorted[0] as number] = Number.POSITIVE_INFINITY;
    crowding[sorted[sorted.length - 1] as number] = Number.POSITIVE_INFINITY;
    const span = high - low;
    if (!(span > 0) || !Number.isFinite(span)) continue;
    for (let s = 1; s < sorted.length - 1; s++) {
      const below = (points[sorted[s - 1] as number] as readonly number[])[k] as number;
      const above = (points[sorted[s + 1] as number] as readonly number[])[k] as number;
      crowding[sorted[s] as number] += (above - below) / span;
    }
  }
}

/**
 * Returns the indexes of points ordered best first. One objective: by score, ties to the
 * earlier point. Several: by front, then by crowding distance (wider first), then by the
 * objectives in order, then by index — the order NSGA-II selects in.
 */
export function rankOrder(points: readonly (readonly number[])[]): number[] {
  const indexes = points.map((_, i) => i);
  if (points.length === 0) return indexes;
  if ((points[0] as readonly number[]).length === 1) {
    return indexes.sort(
      (a, b) => compareDescending((points[a] as number[])[0] as number, (points[b] as number[])[0] as number) || a - b,
    );
  }
  const { rank, crowding } = paretoRanking(points);
  return indexes.sort((a, b) => {
    const byRank = (rank[a] as number) - (rank[b] as number);
    if (byRank !== 0) return byRank;
    const byCrowding = compareDescending(crowding[a] as number, crowding[b] as number);
    if (byCrowding !== 0) return byCrowding;
    const pa = points[a] as readonly number[];
    const pb = points[b] as readonly number[];
    for (let k = 0; k < pa.length; k++) {
      const c = compareDescending(pa[k] as number, pb[k] as number);
      if (c !== 0) return c;
    }
    return a - b;
  });
}

function compareDescending(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
