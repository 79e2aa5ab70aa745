/**
 * Public types of the market-data readers.
 */
import type { BarSeries } from '@alphintra/core';

/**
 * Which source column holds each bar field: a column name (case-insensitive) or a 0-based
 * index. One column may feed several fields; open, high and low, when all left out, copy close.
 */
export interface ColumnMapping {
  /** A full timestamp (date and time, or epoch number). */
  time?: string | number;
  /** A date, combined with `clock` when the time of day sits in its own column. */
  date?: string | number;
  /** The time of day that goes with `date`. */
  clock?: string | number;
  open?: string | number;
  high?: string | number;
  low?: string | number;
  close: string | number;
  volume?: string | number;
  /** Further numeric columns kept as series extras, keyed by the extra's name. */
  extras?: Record<string, string | number>;
}

/** Options of every reader; each one has a detected default. */
export interface ReadOptions {
  /** `auto` decides by content, then by extension. */
  format?: 'auto' | 'csv' | 'json' | 'ndjson';
  /** Field delimiter; detected among `,` `;` tab `|` and space when absent. */
  delimiter?: string;
  /** Whether the first line names the columns; detected when absent. */
  header?: boolean;
  /** Explicit column mapping when detection is not enough. */
  mapping?: ColumnMapping;
  /** Zone of timestamps written without one (default `UTC`). */
  timeZone?: string;
  /** Unit of epoch numbers; detected from their magnitude when absent. */
  epochUnit?: 's' | 'ms' | 'us' | 'ns';
  /** Pattern for ambiguous dates, such as `DD/MM/YYYY` or `MM/DD/YYYY`. */
  dateFormat?: string;
  /** `error` (default) throws at the first bad row; `collect` skips bad rows and records them. */
  onInvalid?: 'error' | 'collect';
  /** How many problems to keep (the count keeps counting). Default 1000. */
  maxProblems?: number;
  /** Symbol recorded in the series metadata. */
  symbol?: string;
  /** Refuses larger inputs with FILE_TOO_LARGE. */
  maxBytes?: number;
  /** Called after each chunk read. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops the read with an error when aborted. */
  signal?: AbortSignal;
}

/** One row that could not be read. */
export interface ReadProblem {
  /** One-based line of the row in the file. */
  line: number;
  kind: 'bad_timestamp' | 'bad_number' | 'wrong_field_count' | 'unterminated_quote';
  message: string;
}

/** What detection decided about an input, for display and for re-reading with overrides. */
export interface DetectedLayout {
  format: 'csv' | 'json' | 'ndjson';
  delimiter?: string;
  header: boolean;
  /** Column names as read (or `column1` … without a header). */
  columns: string[];
  mapping: ColumnMapping;
  /** Human description, e.g. `date+time fields, naive, read as UTC` or `epoch ms`. */
  timestamp: string;
  /** Recognised vendor layout: `yahoo`, `backtrader`, `binance-klines`, `metatrader`, `tradingview`. */
  vendor?: string;
}

/** The outcome of reading one input. */
export interface ReadResult {
  series: BarSeries;
  layout: DetectedLayout;
  /** Problems kept (at most `maxProblems`). */
  problems: ReadProblem[];
  /** All problems met, kept or not. */
  problemCount: number;
  /** Data rows seen, good and bad. */
  rows: number;
  bytes: number;
  file?: string;
  /** False when the input ended in the middle of a row (collect mode only; error mode throws). */
  complete: boolean;
}
