/**
 * Streaming NDJSON: one JSON value per line, fed in chunks split anywhere. Complete lines are
 * decoded and parsed as they arrive; only the line cut by a chunk's end is kept.
 */
import { joinChunks } from './byte-chunks.js';
import { LINE_END } from './format-detection.js';
import type { Row } from './json-document.js';
import type { JsonRowSink } from './json-row-sink.js';
import { excerpt, readError } from './read-errors.js';
import { TextGuard } from './text-guard.js';

const decoder = new TextDecoder();

interface Failure {
  line: number;
  message: string;
  cause: unknown;
}

/** Reads NDJSON lines into `sink`; in error mode a bad line throws, else it is recorded. */
export class NdjsonReader {
  readonly #sink: JsonRowSink;
  readonly #collect: boolean;
  readonly #file: string | undefined;
  readonly #guard: TextGuard;
  #carry: Uint8Array = new Uint8Array(0);
  /** Line number of the first line in the carry. */
  #line = 1;
  #offset = 0;
  #sawText = false;
  // A bad line is reported once the next non-blank line shows whether it was the last.
  #pending: Failure | undefined;

  constructor(sink: JsonRowSink, collect: boolean, file?: string) {
    this.#sink = sink;
    this.#collect = collect;
    this.#file = file;
    this.#guard = new TextGuard(file);
  }

  /** Reads the next bytes. */
  feed(input: Uint8Array): void {
    const chunk = this.#guard.take(input, this.#line);
    const work = joinChunks([this.#carry, chunk]);
    // Complete lines end at the last LF, or at the last CR unless it is the final byte (a
    // CRLF may be split across chunks).
    let end = work.length;
    while (end > 0 && work[end - 1] !== 10 && !(work[end - 1] === 13 && end < work.length)) end--;
    if (end > 0) {
      const parts = decoder.decode(work.subarray(0, end)).split(LINE_END);
      parts.pop(); // the empty text after the final line end
      this.#lines(parts, this.#offset + end);
    }
    this.#offset += end;
    this.#carry = work.slice(end);
  }

  #lines(parts: string[], end: number): void {
    for (const part of parts) {
      const line = this.#line++;
      const text = part.trim();
      if (text === '') continue;
      this.#sawText = true;
      if (this.#pending !== undefined) this.#report(this.#pending, false);
      this.#pending = undefined;
      let row: Row;
      try {
        row = JSON.parse(text) as Row;
      } catch (cause) {
        this.#pending = { line, message: `expected one JSON value per line, got ${excerpt(text)}`, cause };
        continue;
      }
      this.#sink.add(row, line, end);
    }
  }

  #report(failure: Failure, last: boolean): void {
    const { line, message, cause } = failure;
    if (this.#collect) {
      this.#sink.fail(line, message, last);
      return;
    }
    throw readError(
      last ? 'FILE_TRUNCATED' : 'PARSE_ERROR',
      last ? `input ends inside a row: ${message}` : message,
      this.#file,
      line,
      cause,
    );
  }

  /** Ends the input: the last line needs no line end. */
  end(): void {
    this.#guard.end();
    const rest = this.#carry;
    this.#carry = new Uint8Array(0);
    this.#offset += rest.length;
    if (rest.length > 0) this.#lines(decoder.decode(rest).split(LINE_END), this.#offset);
    if (!this.#sawText) throw readError('FILE_EMPTY', 'the input is empty', this.#file);
    if (this.#pending !== undefined) this.#report(this.#pending, true);
    this.#pending = undefined;
  }
}
