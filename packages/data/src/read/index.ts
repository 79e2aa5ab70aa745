/**
 * Market-data readers: CSV/TSV, JSON and NDJSON into columnar bar series, with layout
 * detection, exact number parsing and clear errors.
 */

export { detectLayout, parseBars } from './parse-bars.js';
export type { FileReadOptions, StreamSummary } from './read-bars.js';
export { readBars, streamBars } from './read-bars.js';
export type { ColumnMapping, DetectedLayout, ReadOptions, ReadProblem, ReadResult } from './read-types.js';
