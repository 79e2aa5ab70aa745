/**
 * @alphintra/data — market data for Alphintra: readers (CSV, JSON, NDJSON) with column
 * detection, validation reports, explicit cleaning, resampling, and a columnar binary
 * storage format with a content-addressed catalog.
 */

export type { LineageStep } from './lineage.js';
export { appendLineage } from './lineage.js';
export * from './read/index.js';
export * from './resample/index.js';
export * from './storage/index.js';
export * from './validate/index.js';
export * from './write/index.js';
