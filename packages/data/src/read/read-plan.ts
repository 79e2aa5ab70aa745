/**
 * The internal plan that detection hands to the parsers: which field feeds which column and
 * how timestamps are written. {@link DetectedLayout} is its public description.
 */

import type { ColumnBuilder } from './column-builder.js';
import type { LocalTimeConverter } from './local-time.js';
import type { DetectedLayout, ReadProblem } from './read-types.js';
import type { EpochExponent } from './timestamp-parser.js';

/** Field role: ignored. Non-negative roles are ColumnBuilder.numeric indices. */
export const ROLE_SKIP = -1;
/** Field role: full timestamp. */
export const ROLE_TIME = -2;
/** Field role: date, combined with a clock field. */
export const ROLE_DATE = -3;
/** Field role: time of day that goes with the date field. */
export const ROLE_CLOCK = -4;

/** How to turn fields into bars. */
export interface ReadPlan {
  readonly layout: DetectedLayout;
  /** Fields per row. */
  readonly fieldCount: number;
  /** Role of each field. */
  readonly roles: Int32Array;
  /** Name of each field, for messages. */
  readonly fieldNames: readonly string[];
  /** Whether the timestamp is an epoch number (else calendar text). */
  readonly epoch: boolean;
  readonly epochExponent: EpochExponent;
  /** DATE_ORDER_* for dates whose year comes last. */
  readonly dateOrder: number;
  /** Numeric columns no field feeds (set to NaN per row). */
  readonly absent: readonly number[];
  /**
   * Pairs (from, to) of numeric columns: after a row is read, column `to` gets the value of
   * column `from`. One field feeding several columns, or open/high/low copying close.
   */
  readonly copies: Int32Array;
  /** Digits of compact times of day in the clock field (4 HHMM, 6 HHMMSS), or 0 for any style. */
  readonly clockWidth: 0 | 4 | 6;
  readonly extraNames: readonly string[];
  /** Delimiter byte (delimited formats). */
  readonly delimiter: number;
  readonly header: boolean;
}

/** Mutable state of one read, shared by the chunks of a file. */
export interface ParseState {
  readonly plan: ReadPlan;
  out: ColumnBuilder;
  readonly converter: LocalTimeConverter;
  readonly file: string | undefined;
  readonly collect: boolean;
  readonly maxProblems: number;
  readonly problems: ReadProblem[];
  problemCount: number;
  /** One-based line number of the next byte to parse. */
  line: number;
  /** Data rows seen, good and bad. */
  rows: number;
  /** Whether the input ended inside a row. */
  truncated: boolean;
  /** Unquoted field bytes. */
  scratch: Uint8Array;
}
