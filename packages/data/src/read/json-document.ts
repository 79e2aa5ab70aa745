/**
 * The structure of a JSON document: where its bar rows are, and whether a document that does
 * not parse was cut off (brackets or a string still open at the end) or is simply invalid.
 */
import type { AlphintraError } from '@alphintra/core';
import { readError } from './read-errors.js';

/** One bar in JSON: an array of values or an object of named values. */
export type Row = unknown[] | Record<string, unknown>;

/** Returns true when `value` is an array of objects or arrays (or empty). */
export function isRowList(value: unknown): value is Row[] {
  return Array.isArray(value) && (value.length === 0 || (typeof value[0] === 'object' && value[0] !== null));
}

/** Returns the rows of a column object (`{"t": [...], "o": [...]}`), or undefined when `doc` is none. */
function columnRows(doc: Record<string, unknown>): Row[] | undefined {
  const columns = Object.entries(doc).filter(([, v]) => Array.isArray(v) && !isRowList(v));
  const t = columns.find(([k]) => ['t', 'time', 'timestamp', 'date'].includes(k.toLowerCase()));
  if (t === undefined || columns.length < 2) return undefined;
  const n = (t[1] as unknown[]).length;
  const same = columns.filter(([, v]) => (v as unknown[]).length === n);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const [k, v] of same) row[k] = (v as unknown[])[i];
    rows.push(row);
  }
  return rows;
}

/**
 * Returns the rows inside a parsed JSON document (an array of rows, an object wrapping one,
 * one level deeper, or a column object), or undefined when it holds none.
 */
export function findRows(doc: unknown): Row[] | undefined {
  if (isRowList(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const record = doc as Record<string, unknown>;
  const columns = columnRows(record);
  if (columns !== undefined) return columns;
  const values = Object.values(record);
  for (const v of values) if (isRowList(v) && v.length > 0) return v;
  for (const v of values) {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const inner of Object.values(v)) if (isRowList(inner) && inner.length > 0) return inner;
    }
  }
  return undefined;
}

/** Returns the UNKNOWN_FORMAT error for a JSON document that holds no array of bars. */
export function noBarsError(file?: string): AlphintraError {
  return readError('UNKNOWN_FORMAT', 'found no array of bars in the JSON document', file);
}

/** Returns the rows inside a parsed JSON document, throwing UNKNOWN_FORMAT when it holds none. */
export function rowsOf(doc: unknown, file?: string): Row[] {
  const rows = findRows(doc);
  if (rows === undefined) throw noBarsError(file);
  return rows;
}

interface Scan {
  /** Brackets and braces open at the end, outermost first. */
  open: string;
  /** Whether the text ends inside a string. */
  inString: boolean;
  /** End of the last complete array element that sits inside another array, or -1. */
  lastElementEnd: number;
  /** Brackets open right after that element. */
  openThere: string;
}

/** Scans `text` for structure only (strings, escapes, brackets), ignoring every other error. */
function scanStructure(text: string): Scan {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  let lastElementEnd = -1;
  let openThere = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      stack.push(c === 91 ? ']' : '}');
    } else if (c === 93 || c === 125) {
      stack.pop();
      if (stack.length > 0 && stack[stack.length - 1] === ']') {
        lastElementEnd = i + 1;
        openThere = stack.join('');
      }
    }
  }
  return { open: stack.join(''), inString, lastElementEnd, openThere };
}

/**
 * Returns how `text`, which does not parse, ends before its structure is complete (inside a
 * string, or with arrays or objects open), or undefined when it is complete. Decided from the
 * text, not from the parser's message.
 */
export function earlyEnd(text: string): string | undefined {
  const scan = scanStructure(text);
  if (scan.inString) return 'inside a string';
  if (scan.open.length === 0) return undefined;
  return `with ${scan.open.length} ${scan.open.length === 1 ? 'array or object' : 'arrays or objects'} still open`;
}

/**
 * Returns the complete rows at the start of a cut-off document: the text up to the last
 * complete element of an array, with the open brackets closed. Undefined when there is none.
 */
export function completePrefix(text: string): string | undefined {
  const scan = scanStructure(text);
  if (scan.lastElementEnd < 0) return undefined;
  const closers = [...scan.openThere].reverse().join('');
  return text.slice(0, scan.lastElementEnd) + closers;
}
