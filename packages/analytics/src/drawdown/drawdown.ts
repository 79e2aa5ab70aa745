import type { EquitySeries } from '../inputs.js';

/**
 * Returns the underwater curve: Eᵢ / max(E₀ … Eᵢ) − 1 at each bar, so 0 at a new high and
 * negative below it (−0.25 = 25 % under the running peak).
 */
export function underwaterCurve(equity: ArrayLike<number>): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (e > peak) peak = e;
    out[i] = e / peak - 1;
  }
  return out;
}

/** One drawdown: from a peak, through its trough, to the first bar back at or above the peak. */
export interface DrawdownEpisode {
  /** Depth at the trough as a positive fraction of the peak (0.25 = 25 % below it). */
  readonly depth: number;
  readonly peakIndex: number;
  readonly troughIndex: number;
  /** Index of the first bar at or above the peak, or −1 when the curve ends under water. */
  readonly recoveryIndex: number;
  readonly peakTime: number;
  readonly troughTime: number;
  /** Timestamp of the recovery bar, or NaN when not recovered. */
  readonly recoveryTime: number;
  /** Bars from the peak to the recovery (or to the last bar when not recovered). */
  readonly durationBars: number;
  /** µs from the peak to the recovery (or to the last bar when not recovered). */
  readonly durationMicros: number;
}

/**
 * Returns every drawdown episode of an equity curve in time order. An episode starts at the
 * last bar of a running high that the next bar falls below, and ends at the first bar whose
 * equity is at or above that high again.
 */
export function drawdownEpisodes(series: EquitySeries): DrawdownEpisode[] {
  const { time, equity } = series;
  const n = equity.length;
  const out: DrawdownEpisode[] = [];
  let peakIndex = 0;
  let troughIndex = -1;
  const close = (end: number, recovered: boolean): void => {
    const peak = equity[peakIndex] as number;
    out.push({
      depth: 1 - (equity[troughIndex] as number) / peak,
      peakIndex,
      troughIndex,
      recoveryIndex: recovered ? end : -1,
      peakTime: time[peakIndex] as number,
      troughTime: time[troughIndex] as number,
      recoveryTime: recovered ? (time[end] as number) : Number.NaN,
      durationBars: end - peakIndex,
      durationMicros: (time[end] as number) - (time[peakIndex] as number),
    });
  };
  for (let i = 1; i < n; i++) {
    const e = equity[i] as number;
    const peak = equity[peakIndex] as number;
    if (e >= peak) {
      if (troughIndex >= 0) {
        close(i, true);
        troughIndex = -1;
      }
      peakIndex = i;
    } else if (troughIndex < 0 || e < (equity[troughIndex] as number)) {
      troughIndex = i;
    }
  }
  if (troughIndex >= 0) close(n - 1, false);
  return out;
}

/** Summary figures of an equity curve's drawdowns; NaN or null where undefined. */
export interface DrawdownFigures {
  /** Depth of the deepest episode (positive fraction; 0 when the curve never falls). */
  readonly maxDrawdown: number;
  /** The deepest episode (the first of equal depths), or null when there is none. */
  readonly worst: DrawdownEpisode | null;
  /** Mean depth of all episodes, or 0 when there are none. */
  readonly averageDrawdown: number;
  /** Mean duration in bars of all episodes (unrecovered ones to the last bar), or 0. */
  readonly averageDurationBars: number;
  /** Longest episode in bars, or 0. */
  readonly longestDurationBars: number;
  /** Longest episode in µs, or 0. */
  readonly longestDurationMicros: number;
  readonly episodes: number;
  /** Depth below the running peak at the last bar (positive fraction). */
  readonly currentDrawdown: number;
  /** Ulcer index: √(mean of squared underwater values over all bars), a positive fraction. */
  readonly ulcerIndex: number;
}

/** Returns the drawdown figures of an equity curve. */
export function drawdownFigures(series: EquitySeries): DrawdownFigures {
  const episodes = drawdownEpisodes(series);
  let worst: DrawdownEpisode | null = null;
  let depthSum = 0;
  let durationSum = 0;
  let longestBars = 0;
  let longestMicros = 0;
  for (const episode of episodes) {
    if (worst === null || episode.depth > worst.depth) worst = episode;
    depthSum += episode.depth;
    durationSum += episode.durationBars;
    longestBars = Math.max(longestBars, episode.durationBars);
    longestMicros = Math.max(longestMicros, episode.durationMicros);
  }
  const underwater = underwaterCurve(series.equity);
  let squares = 0;
  for (let i = 0; i < underwater.length; i++) squares += (underwater[i] as number) ** 2;
  const count = episodes.length;
  return {
    maxDrawdown: worst?.depth ?? 0,
    worst,
    averageDrawdown: count > 0 ? depthSum / count : 0,
    averageDurationBars: count > 0 ? durationSum / count : 0,
    longestDurationBars: longestBars,
    longestDurationMicros: longestMicros,
    episodes: count,
    currentDrawdown: underwater.length > 0 ? -(underwater[underwater.length - 1] as number) : Number.NaN,
    ulcerIndex: underwater.length > 0 ? Math.sqrt(squares / underwater.length) : Number.NaN,
  };
}
