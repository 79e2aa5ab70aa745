/**
 * Where the streaming JSON and NDJSON readers put their rows: the first rows are held back
 * until detection has seen enough of them (SAMPLE_ROWS), then every row goes straight into
 * the columns, which `streamBars` takes away in pieces.
 */
import type { BarSeries } from '@alphintra/core';
import { ColumnBuilder } from './column-builder.js';
import type { Row } from './json-document.js';
import { addRow, planFromRows, SAMPLE_ROWS } from './json-rows.js';
import type { ParseState } from './read-plan.js';
import { checkNotEmpty, createState, finishResult } from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';
import { reportProblem } from './row-problems.js';

interface Held {
  row: Row | undefined;
  line: number;
  message: string;
  last: boolean;
}

/** Collects the rows of one JSON or NDJSON input into columns. */
export class JsonRowSink {
  /** Finished pieces of `batch` rows, for the caller to take (streaming only). */
  readonly pieces: BarSeries[] = [];
  readonly #format: 'json' | 'ndjson';
  readonly #options: ReadOptions;
  readonly #file: string | undefined;
  readonly #size: number;
  readonly #batch: number;
  #held: Held[] = [];
  #heldRows = 0;
  #heldEnd = 0;
  #st: ParseState | undefined;
  #keys: string[] = [];

  /**
   * `size` is the input's byte count (to size the columns), `batch` the rows per piece (0:
   * one series at the end).
   */
  constructor(format: 'json' | 'ndjson', options: ReadOptions, file: string | undefined, size: number, batch: number) {
    this.#format = format;
    this.#options = options;
    this.#file = file;
    this.#size = size;
    this.#batch = batch;
  }

  /** Adds a parsed row; `line` is its record number (JSON) or file line (NDJSON), `end` the byte offset after it. */
  add(row: Row, line: number, end: number): void {
    const st = this.#st;
    if (st === undefined) {
      this.#held.push({ row, line, message: '', last: false });
      this.#heldEnd = end;
      if (++this.#heldRows >= SAMPLE_ROWS) this.#plan(false);
      return;
    }
    addRow(st, row, this.#keys, line);
    if (this.#batch > 0 && st.out.length >= this.#batch) this.#cut(st);
  }

  /** Records a line that is not valid JSON (collect mode); `last` when nothing but blank lines follows it. */
  fail(line: number, message: string, last: boolean): void {
    const st = this.#st;
    if (st === undefined) {
      this.#held.push({ row: undefined, line, message, last });
      return;
    }
    st.rows++;
    reportProblem(st, last ? 'unterminated_quote' : 'wrong_field_count', line, message, last);
  }

  #cut(st: ParseState): void {
    this.pieces.push(st.out.toSeries(this.#meta()));
    st.out = new ColumnBuilder(this.#batch, st.plan.extraNames);
  }

  #meta(): { symbol?: string } {
    return this.#options.symbol === undefined ? {} : { symbol: this.#options.symbol };
  }

  // Detection on the rows held so far, then those rows into the columns.
  #plan(atEnd: boolean): ParseState {
    const rows = this.#held.filter((h) => h.row !== undefined).map((h) => h.row as Row);
    const { plan, keys } = planFromRows(rows, this.#format, this.#options, this.#file);
    const perRow = this.#heldEnd / Math.max(1, rows.length);
    const estimate = atEnd ? rows.length : Math.min(Math.ceil((this.#size / perRow) * 1.02) + 16, 1 << 27);
    const st = createState(plan, this.#options, this.#file, this.#batch > 0 ? this.#batch : estimate);
    this.#st = st;
    this.#keys = keys;
    const held = this.#held;
    this.#held = [];
    for (const h of held) {
      if (h.row !== undefined) this.add(h.row, h.line, 0);
      else this.fail(h.line, h.message, h.last);
    }
    return st;
  }

  /** Ends the input of `bytes` bytes; returns the result (with the last rows as a piece when streaming). */
  finish(bytes: number): ReadResult {
    const st = this.#st ?? this.#plan(true);
    st.problems.sort((a, b) => a.line - b.line);
    if (this.#batch > 0) {
      if (st.out.length > 0) this.#cut(st);
      checkNotEmpty(st);
      st.out = new ColumnBuilder(0, st.plan.extraNames);
    }
    return finishResult(st, bytes, this.#options);
  }
}
