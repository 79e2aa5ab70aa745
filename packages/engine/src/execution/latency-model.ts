import { AlphintraError, type Rng } from '@alphintra/core';

/** Returns how long (µs) an order takes from the strategy to the venue. */
export type LatencyModel = (rng: Rng) => number;

/** Serialisable latency configuration: a fixed delay plus an optional uniform jitter, in µs. */
export interface LatencyConfig {
  readonly fixed: number;
  readonly jitter?: number;
}

/**
 * Builds a latency model. With jitter the delay is drawn uniformly from `[fixed, fixed + jitter)`
 * with the run's seeded generator, so runs stay deterministic.
 *
 * @example
 * createLatencyModel({ fixed: 50_000 }); // every order reaches the venue 50 ms after submission
 */
export function createLatencyModel(config: LatencyConfig | LatencyModel | undefined): LatencyModel {
  if (config === undefined) return () => 0;
  if (typeof config === 'function') return config;
  const fixed = config.fixed;
  const jitter = config.jitter ?? 0;
  if (!Number.isFinite(fixed) || fixed < 0)
    throw new AlphintraError('INVALID_ARGUMENT', `expected latency ≥ 0 µs, got ${fixed}`);
  if (!Number.isFinite(jitter) || jitter < 0)
    throw new AlphintraError('INVALID_ARGUMENT', `expected jitter ≥ 0 µs, got ${jitter}`);
  if (jitter === 0) return () => fixed;
  return (rng) => fixed + Math.floor(rng.nextFloat() * jitter);
}
