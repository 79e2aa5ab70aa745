import type { BarSeries } from '@alphintra/core';
import type { LineageStep } from '../lineage.js';

/** Where a stored dataset came from. */
export interface DatasetSource {
  /** The source file, as given when it was read. */
  readonly file?: string;
  /** The source format (`csv`, `json`, `ndjson`, `synthetic` …). */
  readonly format?: string;
  /** Size of the source file in bytes. */
  readonly bytes?: number;
  /** SHA-256 of the source file's bytes, lowercase hex. */
  readonly sha256?: string;
}

/** Descriptive metadata stored in a dataset file's header. Holds no wall-clock time. */
export interface DatasetMetadata {
  /** Instrument symbol; part of the content hash. */
  readonly symbol?: string;
  /** Canonical timeframe text (`1m`, `1d` …); part of the content hash. */
  readonly timeframe?: string;
  /** IANA time zone the source's local times were interpreted in. */
  readonly timeZone?: string;
  /** Source file facts. */
  readonly source?: DatasetSource;
  /** What was done to the data, in order. */
  readonly lineage: LineageStep[];
  /** Free text. */
  readonly description?: string;
}

/** A dataset loaded from storage. */
export interface StoredDataset {
  /** The bars; `series.meta` carries the symbol and parsed timeframe. */
  readonly series: BarSeries;
  /** Metadata from the file's header. */
  readonly metadata: DatasetMetadata;
  /** Content hash (SHA-256, lowercase hex) of the data; see {@link hashSeries}. */
  readonly hash: string;
  /** Number of bars. */
  readonly rows: number;
  /** The file it was read from. */
  readonly path?: string;
  /**
   * How the columns came into memory: `map`, as views over a memory mapping of the file
   * (copy-on-write: writing into them never changes the file); `read`, copied into arrays.
   */
  readonly loadedBy?: 'map' | 'read';
}

/** Facts from a dataset file's header, read without loading its columns. */
export interface DatasetHeaderInfo {
  readonly metadata: DatasetMetadata;
  readonly hash: string;
  readonly rows: number;
  /** Column names in stored order: the six base columns, then the extras. */
  readonly columns: string[];
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** Time of the first bar (epoch µs), or null when empty. */
  readonly start: number | null;
  /** Time of the last bar (epoch µs), or null when empty. */
  readonly end: number | null;
  /** Rows per row group (the last group may hold fewer). */
  readonly rowGroupRows: number;
}

/** Returns the short display form of a content hash: its first 12 hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
