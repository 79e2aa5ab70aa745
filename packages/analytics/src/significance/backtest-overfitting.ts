import { AlphintraError } from '@alphintra/core';

/**
 * Per-trial, per-block sufficient statistics of period returns: for trial t and block b, index
 * t · blocks + b holds the number of returns, their sum and their sum of squares. They are all
 * combinatorially symmetric cross-validation needs, so an optimiser keeps 3 × blocks numbers
 * per trial instead of whole return series.
 */
export interface BlockStatistics {
  readonly trials: number;
  readonly blocks: number;
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly sumSquares: Float64Array;
}

/** The sufficient statistics of one return series cut into blocks (see {@link blockSummary}). */
export interface BlockSummary {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly sumSquares: Float64Array;
}

/** Options of {@link probabilityOfBacktestOverfitting}. */
export interface OverfittingOptions {
  /** Bins of the logit histogram; 20 by default. */
  readonly histogramBins?: number;
}

/** What combinatorially symmetric cross-validation found. */
export interface OverfittingReport {
  readonly trials: number;
  readonly blocks: number;
  /** Number of in-sample/out-of-sample splits evaluated: C(S, S/2). */
  readonly splits: number;
  /** Share of splits whose in-sample best ranks in the bottom half out of sample (logit ≤ 0); NaN with < 2 trials. */
  readonly pbo: number;
  /** Mean logit of the in-sample best's out-of-sample relative rank. */
  readonly meanLogit: number;
  /** Share of splits in which the in-sample best has a negative out-of-sample Sharpe ratio. */
  readonly probabilityOfLoss: number;
  /** Least-squares fit of out-of-sample on in-sample Sharpe (per period) of the selected trial: slope and intercept. */
  readonly degradation: { readonly slope: number; readonly intercept: number };
  /** Histogram of the logits: `edges` has one more entry than `counts`. */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
}

/**
 * Returns the count, sum and sum of squares of `returns` cut into `blocks` contiguous blocks
 * of (nearly) equal length: block b holds returns ⌊b·n/S⌋ … ⌊(b+1)·n/S⌋ − 1.
 *
 * @example
 * blockSummary(Float64Array.of(0.01, -0.02, 0.03, 0.01), 2).sum; // [-0.01, 0.04]
 */
export function blockSummary(returns: ArrayLike<number>, blocks: number): BlockSummary {
  const n = returns.length;
  if (!(Number.isInteger(blocks) && blocks >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer number of blocks, got ${blocks}`);
  }
  if (n < blocks) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected at least ${blocks} returns for ${blocks} blocks, got ${n}`);
  }
  const count = new Float64Array(blocks);
  const sum = new Float64Array(blocks);
  const sumSquares = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const from = Math.floor((b * n) / blocks);
    const to = Math.floor(((b + 1) * n) / blocks);
    let s = 0;
    let ss = 0;
    for (let i = from; i < to; i++) {
      const r = returns[i] as number;
      s += r;
      ss += r * r;
    }
    count[b] = to - from;
    sum[b] = s;
    sumSquares[b] = ss;
  }
  return { count, sum, sumSquares };
}

/** Stacks per-trial block summaries (all with the same number of blocks) into one table. */
export function stackBlockSummaries(summaries: readonly BlockSummary[]): BlockStatistics {
  const trials = summaries.length;
  const blocks = trials === 0 ? 0 : (summaries[0] as BlockSummary).count.length;
  const count = new Float64Array(trials * blocks);
  const sum = new Float64Array(trials * blocks);
  const sumSquares = new Float64Array(trials * blocks);
  summaries.forEach((s, t) => {
    if (s.count.length !== blocks) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected ${blocks} blocks for trial ${t}, got ${s.count.length}`);
    }
    count.set(s.count, t * blocks);
    sum.set(s.sum, t * blocks);
    sumSquares.set(s.sumSquares, t * blocks);
  });
  return { trials, blocks, count, sum, sumSquares };
}

/**
 * Returns the per-period Sharpe ratio of returns given by their count, sum and sum of squares:
 * mean / sample std. With no spread it is 0 for a zero mean and ±∞ otherwise, so a flat trial
 * ranks between losers and winners; NaN with fewer than two returns.
 */
export function sharpeFromSums(count: number, sum: number, sumSquares: number): number {
  if (count < 2) return Number.NaN;
  const mean = sum / count;
  const variance = Math.max(0, (sumSquares - sum * mean) / (count - 1));
  const std = Math.sqrt(variance);
  if (std <= 1e-12 * Math.max(1, Math.abs(mean))) return mean === 0 ? 0 : mean > 0 ? Infinity : -Infinity;
  return mean / std;
}

/** Returns C(n, k) exactly for the small arguments CSCV uses. */
export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Calls `visit` with every k-element subset of 0 … n − 1 as a bit mask, in increasing order. */
function forEachSubset(n: number, k: number, visit: (mask: number) => void): void {
  // Gosper's hack walks the k-bit masks below 2^n in increasing order.
  let mask = (1 << k) - 1;
  const limit = 1 << n;
  while (mask < limit) {
    visit(mask);
    const low = mask & -mask;
    const ripple = mask + low;
    mask = (((ripple ^ mask) >>> 2) / low) | ripple;
  }
}

function histogram(values: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return { edges: [], counts: [] };
  const bound = Math.max(1, Math.ceil(Math.max(...finite.map(Math.abs))));
  const width = (2 * bound) / bins;
  // Rounded to 12 significant digits, so edges read -1.2 rather than -1.2000000000000002.
  const edges = Array.from({ length: bins + 1 }, (_, i) => Number((-bound + i * width).toPrecision(12)) || 0);
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.floor((v + bound) / width))]++;
  return { edges, counts };
}

/**
 * Returns the probability of backtest overfitting by combinatorially symmetric
 * cross-validation (Bailey, Borwein, López de Prado and Zhu, 2017). The returns of every trial
 * are cut into the same S blocks; for each of the C(S, S/2) ways to pick half the blocks as
 * in-sample (the rest out-of-sample) the trial with the best in-sample Sharpe ratio is
 * selected, its out-of-sample Sharpe ranked among all trials' (relative rank ω = rank / (N + 1),
 * ties averaged) and turned into a logit λ = ln(ω / (1 − ω)). PBO is the share of splits with
 * λ ≤ 0: how often the in-sample winner is no better than the median out of sample.
 * In-sample ties go to the lowest trial index.
 *
 * @example
 * const stats = stackBlockSummaries(trialReturns.map((r) => blockSummary(r, 16)));
 * probabilityOfBacktestOverfitting(stats).pbo; // ≈ 0.5 for skill-less trials
 */
export function probabilityOfBacktestOverfitting(
  stats: BlockStatistics,
  options: OverfittingOptions = {},
): OverfittingReport {
  const { trials, blocks } = stats;
  if (!(Number.isInteger(blocks) && blocks >= 2 && blocks % 2 === 0 && blocks <= 24)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected an even number of blocks from 2 to 24, got ${blocks}`);
  }
  const half = blocks / 2;
  // Every split's complement is a split too, with in- and out-of-sample swapped: one pass over
  // the trials gives the Sharpe ratios of both (the same sums in the same order, so the same
  // bits). Splits are still reported in Gosper order.
  const masks: number[] = [];
  forEachSubset(blocks, half, (mask) => masks.push(mask));
  const full = (1 << blocks) - 1;
  const indexOf = new Map(masks.map((mask, i) => [mask, i]));
  const splitCount = masks.length;
  const logitOf = new Float64Array(splitCount);
  const chosenIs = new Float64Array(splitCount);
  const chosenOos = new Float64Array(splitCount);
  const left = new Float64Array(trials);
  const right = new Float64Array(trials);
  const measure = (isSharpe: Float64Array, oosSharpe: Float64Array, split: number): void => {
    let best = 0;
    for (let t = 1; t < trials; t++) if ((isSharpe[t] as number) > (isSharpe[best] as number)) best = t;
    const chosen = oosSharpe[best] as number;
    let below = 0;
    let ties = 0;
    for (let t = 0; t < trials; t++) {
      if (t === best) continue;
      const v = oosSharpe[t] as number;
      if (v < chosen) below++;
      else if (v === chosen) ties++;
    }
    const omega = (1 + below + ties / 2) / (trials + 1);
    logitOf[split] = Math.log(omega / (1 - omega));
    chosenIs[split] = isSharpe[best] as number;
    chosenOos[split] = chosen;
  };
  if (trials >= 2) {
    for (let i = 0; i < splitCount; i++) {
      const mask = masks[i] as number;
      const twin = indexOf.get(full ^ mask) as number;
      if (twin < i) continue; // measured with its twin
      for (let t = 0; t < trials; t++) {
        let n1 = 0;
        let s1 = 0;
        let q1 = 0;
        let n2 = 0;
        let s2 = 0;
        let q2 = 0;
        const base = t * blocks;
        for (let b = 0; b < blocks; b++) {
          const k = base + b;
          if ((mask >>> b) & 1) {
            n1 += stats.count[k] as number;
            s1 += stats.sum[k] as number;
            q1 += stats.sumSquares[k] as number;
          } else {
            n2 += stats.count[k] as number;
            s2 += stats.sum[k] as number;
            q2 += stats.sumSquares[k] as number;
          }
        }
        left[t] = sharpeFromSums(n1, s1, q1);
        right[t] = sharpeFromSums(n2, s2, q2);
      }
      measure(left, right, i);
      if (twin !== i) measure(right, left, twin);
    }
  }
  const logits: number[] = trials < 2 ? [] : Array.from(logitOf);
  let losses = 0;
  const selected: [number, number][] = [];
  for (let i = 0; i < logits.length; i++) {
    if ((chosenOos[i] as number) < 0) losses++;
    selected.push([chosenIs[i] as number, chosenOos[i] as number]);
  }
  const splits = binomial(blocks, half);
  const values = Float64Array.from(logits);
  const pbo = values.length === 0 ? Number.NaN : values.filter((v) => v <= 0).length / values.length;
  const meanLogit = values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    trials,
    blocks,
    splits,
    pbo,
    meanLogit,
    probabilityOfLoss: values.length === 0 ? Number.NaN : losses / values.length,
    degradation: leastSquares(selected),
    histogram: histogram(values, options.histogramBins ?? 20),
  };
}

function leastSquares(points: readonly [number, number][]): { slope: number; intercept: number } {
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const n = finite.length;
  if (n < 2) return { slope: Number.NaN, intercept: Number.NaN };
  let mx = 0;
  let my = 0;
  for (const [x, y] of finite) {
    mx += x / n;
    my += y / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of finite) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  const slope = sxx > 0 ? sxy / sxx : Number.NaN;
  return { slope, intercept: Number.isFinite(slope) ? my - slope * mx : Number.NaN };
}
