/**
 * Streaming JSON documents: finding where the bar array is without holding the document
 * (`JsonLocator`), then cutting that array's elements out chunk by chunk and parsing them in
 * batches with `JSON.parse` (`JsonRowReader`). Memory holds one chunk and the element that
 * runs past it, whatever the document's size.
 */
import { joinChunks } from './byte-chunks.js';
import { noBarsError, type Row } from './json-document.js';
import type { JsonRowSink } from './json-row-sink.js';
import { type JsonScanEvents, JsonScanner } from './json-scanner.js';
import { readError } from './read-errors.js';
import { TextGuard } from './text-guard.js';

const decoder = new TextDecoder();
const COLUMN_KEYS = ['t', 'time', 'timestamp', 'date'];

/** Where the rows of a document are. */
export type JsonTarget =
  | { kind: 'array'; depth: number; offset: number }
  /** A column object (`{"t": [...], "c": [...]}`): read whole, its rows come from several arrays. */
  | { kind: 'columns' };

interface Member {
  /** Key order of a parsed object: integer-like keys first, ascending, then first-seen order. */
  readonly order: number;
  offset: number;
  first: number;
  /** For arrays: the first byte of the first element (0 when empty) and the element count. */
  elementFirst: number;
  elements: number;
  /** For objects: their own members. */
  inner: Map<string, Member> | undefined;
}

const isIndex = (key: string): boolean => /^(0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

function ordered(members: Map<string, Member>): [string, Member][] {
  return [...members].sort(([a, x], [b, y]) => {
    const ai = isIndex(a);
    const bi = isIndex(b);
    if (ai !== bi) return ai ? -1 : 1;
    return ai ? Number(a) - Number(b) : x.order - y.order;
  });
}

// An array whose first element is an object or array (or that is empty), as isRowList says.
const isRowList = (m: Member): boolean =>
  m.first === 91 && (m.elements === 0 || m.elementFirst === 123 || m.elementFirst === 91);

/**
 * Scans a document whose root is an object for the array of bars, choosing it as `findRows`
 * does on the parsed document: a column object first, then the first non-empty array of rows
 * among the members, then one level deeper. Stores only keys and a few facts per member.
 */
export class JsonLocator implements JsonScanEvents {
  readonly scanner: JsonScanner;
  readonly #guard: TextGuard;
  readonly #file: string | undefined;
  #members = new Map<string, Member>();
  #current: Member | undefined;
  #currentInner: Member | undefined;
  #key = '';
  #innerKey = '';

  constructor(file?: string) {
    this.#file = file;
    this.scanner = new JsonScanner(this, 3, 2, file);
    this.#guard = new TextGuard(file);
  }

  key(depth: number, raw: Uint8Array): void {
    const key = JSON.parse(`"${decoder.decode(raw)}"`) as string;
    if (depth === 1) this.#key = key;
    else if (depth === 2) this.#innerKey = key;
  }

  #member(map: Map<string, Member>, key: string, at: number, first: number): Member {
    const old = map.get(key);
    // A repeated key keeps its place and takes the later value, as JSON.parse does.
    const m: Member = {
      order: old?.order ?? map.size,
      offset: at,
      first,
      elementFirst: 0,
      elements: 0,
      inner: undefined,
    };
    if (first === 123) m.inner = new Map();
    map.set(key, m);
    return m;
  }

  valueStart(depth: number, at: number, first: number): void {
    if (depth === 0) {
      if (first !== 123) throw noBarsError(this.#file);
    } else if (depth === 1) {
      this.#current = this.#member(this.#members, this.#key, at, first);
      this.#currentInner = undefined;
    } else if (depth === 2) {
      const parent = this.#current as Member;
      if (parent.first === 91) {
        if (parent.elements++ === 0) parent.elementFirst = first;
      } else if (parent.inner !== undefined) {
        this.#currentInner = this.#member(parent.inner, this.#innerKey, at, first);
      }
    } else if (depth === 3) {
      const inner = this.#currentInner;
      if (inner !== undefined && inner.first === 91 && inner.elements++ === 0) inner.elementFirst = first;
    }
  }

  valueEnd(): void {}

  /** Scans the next bytes. */
  feed(chunk: Uint8Array): void {
    this.scanner.feed(this.#guard.take(chunk, this.scanner.line));
  }

  /** Ends the scan and returns where the rows are; throws UNKNOWN_FORMAT when there are none. */
  end(): JsonTarget {
    this.#guard.end();
    this.scanner.end();
    const members = ordered(this.#members);
    const columns = members.filter(([, m]) => m.first === 91 && !isRowList(m));
    if (columns.length >= 2 && columns.some(([k]) => COLUMN_KEYS.includes(k.toLowerCase()))) return { kind: 'columns' };
    for (const [, m] of members)
      if (isRowList(m) && m.elements > 0) return { kind: 'array', depth: 1, offset: m.offset };
    for (const [, m] of members) {
      if (m.inner === undefined) continue;
      for (const [, inner] of ordered(m.inner)) {
        if (isRowList(inner) && inner.elements > 0) return { kind: 'array', depth: 2, offset: inner.offset };
      }
    }
    throw noBarsError(this.#file);
  }
}

/**
 * Reads the elements of the array at `target` as rows into `sink`, numbering them from 1
 * (`offset` -1: the root, which must then be an array).
 * Complete elements of each chunk are parsed together with one `JSON.parse`; the element cut
 * by the chunk's end is kept for the next one.
 */
export class JsonRowReader implements JsonScanEvents {
  readonly scanner: JsonScanner;
  readonly #sink: JsonRowSink;
  readonly #guard: TextGuard;
  readonly #file: string | undefined;
  readonly #depth: number;
  readonly #offset: number;
  #inTarget = false;
  #seen = false;
  // Bytes from offset #base on: the element cut by the last chunk, then the new chunk.
  #work: Uint8Array = new Uint8Array(0);
  #base = 0;
  #batchStart = -1;
  #batchEnd = -1;
  #openStart = -1;
  #records = 0;

  constructor(target: { depth: number; offset: number }, sink: JsonRowSink, file?: string) {
    this.#depth = target.depth;
    this.#offset = target.offset;
    this.#sink = sink;
    this.#file = file;
    this.scanner = new JsonScanner(this, target.depth + 1, -1, file);
    this.#guard = new TextGuard(file);
  }

  key(): void {}

  valueStart(depth: number, at: number, first: number): void {
    if (depth === this.#depth) {
      if (this.#offset < 0 && first !== 91) {
        throw noBarsError(this.#file);
      }
      if (at === this.#offset || this.#offset < 0) this.#inTarget = true;
      return;
    }
    if (!this.#inTarget || depth !== this.#depth + 1) return;
    if (!this.#seen) {
      this.#seen = true;
      if (first !== 123 && first !== 91) {
        throw noBarsError(this.#file);
      }
    }
    this.#openStart = at;
    if (this.#batchStart < 0) this.#batchStart = at;
  }

  valueEnd(depth: number, end: number): void {
    if (!this.#inTarget) return;
    if (depth === this.#depth) {
      this.#inTarget = false;
      return;
    }
    if (depth === this.#depth + 1) {
      this.#batchEnd = end;
      this.#openStart = -1;
    }
  }

  /** Scans the next bytes and adds the rows completed in them. */
  feed(input: Uint8Array): void {
    const chunk = this.#guard.take(input, this.scanner.line);
    const start = this.scanner.offset;
    if (this.#work.length === 0) this.#base = start;
    const work = joinChunks([this.#work, chunk]);
    this.scanner.feed(chunk);
    this.#flush(work);
    // Keep the unfinished element (copied: the caller reuses its chunk buffer).
    if (this.#openStart >= 0) {
      this.#work = work.slice(this.#openStart - this.#base);
      this.#base = this.#openStart;
    } else {
      this.#work = new Uint8Array(0);
    }
  }

  #flush(work: Uint8Array): void {
    if (this.#batchStart < 0 || this.#batchEnd <= this.#batchStart) return;
    const text = decoder.decode(work.subarray(this.#batchStart - this.#base, this.#batchEnd - this.#base));
    const rows = JSON.parse(`[${text}]`) as Row[];
    const end = this.#batchEnd;
    for (const row of rows) this.#sink.add(row, ++this.#records, end);
    this.#batchStart = this.#openStart;
    this.#batchEnd = -1;
  }

  /** Ends the document (throwing FILE_TRUNCATED when it stops early). */
  end(): void {
    this.#guard.end();
    if (!this.scanner.sawValue) throw readError('FILE_EMPTY', 'the input is empty', this.#file);
    this.scanner.end();
  }
}
