/**
 * @alphintra/data — market data for Alphintra: readers (CSV, JSON, NDJSON) with column
 * detection, validation reports, explicit cleaning, resampling, and a columnar binary
 * storage format with a content-addressed catalog.
 */

// Resampling is pure and lives in core (the engine builds higher timeframes live); it is
// re-exported here so data users find it beside the readers.
export type { ResampledBar, ResampleOptions, ResampleResult, SessionSpec } from '@alphintra/core';
export { BucketCalendar, bucketStart, resampleBars, StreamingResampler } from '@alphintra/core';
export type { LineageStep } from './lineage.js';
export { appendLineage } from './lineage.js';
export * from './read/index.js';
export * from './storage/index.js';
export * from './validate/index.js';
export * from './write/index.js';
