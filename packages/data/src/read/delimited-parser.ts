/**
 * The byte-level parser of delimited text (CSV, TSV …): rows go straight from a Uint8Array
 * into Float64Array columns without a string per field. Quoted fields take a slower path
 * through a scratch buffer. The parser stops before a row the buffer does not hold entirely,
 * so a streaming caller can carry that row over to the next chunk.
 */
import { lastNumberWasBad, lastScanEnd, parseNumberBytes, scanNumberField } from './byte-number.js';
import { excerpt } from './read-errors.js';
import { type ParseState, ROLE_CLOCK, ROLE_DATE, ROLE_TIME } from './read-plan.js';
import { reportProblem } from './row-problems.js';
import {
  lastZoneOffset,
  parseCalendarBytes,
  parseClockBytes,
  parseCompactClockBytes,
  parseEpochBytes,
} from './timestamp-parser.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const HASH = 35;

const NEED_MORE = -1;
const UNTERMINATED = -2;

let scratchLength = 0;
let quotedNewlines = 0;

const decoder = new TextDecoder();
function text(src: Uint8Array, start: number, end: number): string {
  return decoder.decode(src.subarray(start, end));
}

/** Copies the quoted field at `pos` into the scratch buffer; returns the position after it. */
function unquote(st: ParseState, buf: Uint8Array, pos: number, end: number, delim: number, final: boolean): number {
  let scratch = st.scratch;
  let n = 0;
  let newlines = 0;
  let i = pos + 1;
  for (;;) {
    if (i >= end) return final ? UNTERMINATED : NEED_MORE;
    const b = buf[i]!;
    if (b === QUOTE) {
      if (i + 1 >= end && !final) return NEED_MORE;
      // Bytes past `end` are stale (a reused buffer): never look at them.
      if (i + 1 >= end || buf[i + 1] !== QUOTE) {
        i++;
        break;
      }
      i++;
    } else if (b === LF || (b === CR && (i + 1 >= end || buf[i + 1] !== LF))) {
      // A CR counts as a line end unless an LF follows (CRLF); at the buffer's end the
      // field is incomplete anyway unless this is the final chunk.
      newlines++;
    }
    if (n === scratch.length) {
      const bigger = new Uint8Array(scratch.length * 2);
      bigger.set(scratch);
      st.scratch = scratch = bigger;
    }
    scratch[n++] = b;
    i++;
  }
  // Text after the closing quote (`"a"b`) is kept, as lenient readers do.
  let b: number;
  while (i < end && (b = buf[i]!) !== delim && b !== LF && b !== CR) {
    if (n === scratch.length) {
      const bigger = new Uint8Array(scratch.length * 2);
      bigger.set(scratch);
      st.scratch = scratch = bigger;
    }
    scratch[n++] = b;
    i++;
  }
  scratchLength = n;
  quotedNewlines = newlines;
  return i;
}

/**
 * Skips the header record starting at `pos` (and blank and `#` comment lines before it);
 * returns the position after it, or -1 when the buffer does not hold all of it yet.
 */
export function skipHeader(st: ParseState, buf: Uint8Array, pos: number, end: number, final: boolean): number {
  let line = st.line;
  while (pos < end) {
    const b = buf[pos];
    if (b === LF) {
      pos++;
      line++;
    } else if (b === CR) {
      if (pos + 1 >= end && !final) return NEED_MORE;
      pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
      line++;
    } else if (b === HASH) {
      while (pos < end && buf[pos] !== LF && buf[pos] !== CR) pos++;
      if (pos >= end && !final) return NEED_MORE;
    } else {
      break;
    }
  }
  let quoted = false;
  for (let i = pos; i < end; i++) {
    const b = buf[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) {
      st.line = line + 1;
      return i + 1;
    } else if (b === CR && !quoted) {
      // CRLF, or a lone CR as old Mac files end their lines.
      if (i + 1 >= end && !final) return NEED_MORE;
      st.line = line + 1;
      return i + 1 < end && buf[i + 1] === LF ? i + 2 : i + 1;
    } else if (b === LF || (b === CR && (i + 1 >= end || buf[i + 1] !== LF))) line++;
  }
  if (!final) return NEED_MORE;
  st.line = line + 1;
  return end;
}

function isBlank(src: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (src[i] !== 32 && src[i] !== 9) return false;
  return true;
}

/**
 * Parses rows from `buf[start, end)` into `st.out` until the buffer ends, an incomplete row
 * is met (unless `final`) or `maxRows` rows were added. Returns where parsing stopped.
 */
export function parseDelimited(
  st: ParseState,
  buf: Uint8Array,
  start: number,
  end: number,
  final: boolean,
  maxRows: number,
): number {
  const plan = st.plan;
  const roles = plan.roles;
  const nf = plan.fieldCount;
  const delim = plan.delimiter;
  const epoch = plan.epoch;
  const exponent = plan.epochExponent;
  const order = plan.dateOrder;
  const absent = plan.absent;
  const copies = plan.copies;
  const clockWidth = plan.clockWidth;
  const converter = st.converter;
  const out = st.out;
  let numeric = out.numeric;
  let time = out.time;
  let pos = start;
  let line = st.line;
  let added = 0;
  rows: while (added < maxRows && pos < end) {
    const rowStart = pos;
    const rowLine = line;
    let c = buf[pos]!;
    if (c === LF) {
      pos++;
      line++;
      continue;
    }
    if (c === CR) {
      if (pos + 1 >= end && !final) break;
      pos++;
      if (pos < end && buf[pos] === LF) pos++;
      line++;
      continue;
    }
    if (c === HASH) {
      while (pos < end && (c = buf[pos]!) !== LF && c !== CR) pos++;
      if (pos >= end && !final) {
        pos = rowStart;
        break;
      }
      continue;
    }
    if (out.length === out.capacity) {
      out.reserve();
      numeric = out.numeric;
      time = out.time;
    }
    const row = out.length;
    let local = Number.NaN;
    let offset = Number.NaN;
    let clock = 0;
    let problem: 'bad_timestamp' | 'bad_number' | undefined;
    let message = '';
    let unterminated = false;
    let f = 0;
    let src = buf;
    let fs = pos;
    let fe = pos;
    for (;;) {
      if (pos < end && buf[pos] === QUOTE) {
        const next = unquote(st, buf, pos, end, delim, final);
        if (next === NEED_MORE) {
          pos = rowStart;
          line = rowLine;
          break rows;
        }
        if (next === UNTERMINATED) {
          unterminated = true;
          pos = end;
          f++;
          break;
        }
        pos = next;
        line += quotedNewlines;
        src = st.scratch;
        fs = 0;
        fe = scratchLength;
      } else if (f < nf && roles[f]! >= 0) {
        // Plain numbers are parsed while their end is found (the hot path).
        fs = pos;
        const value = scanNumberField(buf, pos, end, delim);
        pos = lastScanEnd();
        if (pos < end || final) {
          numeric[roles[f]!]![row] = value;
          if (lastNumberWasBad() && problem === undefined) {
            problem = 'bad_number';
            message = `expected a number in column ${plan.fieldNames[f]}, got "${excerpt(text(buf, fs, pos))}"`;
          }
          fe = pos;
          src = buf;
          f++;
          if (pos < end && buf[pos] === delim) {
            pos++;
            continue;
          }
          break;
        }
        fe = pos;
        src = buf;
      } else {
        fs = pos;
        while (pos < end && (c = buf[pos]!) !== delim && c !== LF && c !== CR) pos++;
        fe = pos;
        src = buf;
      }
      if (pos >= end && !final) {
        pos = rowStart;
        line = rowLine;
        break rows;
      }
      if (f < nf) {
        const role = roles[f]!;
        if (role >= 0) {
          numeric[role]![row] = parseNumberBytes(src, fs, fe);
          if (lastNumberWasBad() && problem === undefined) {
            problem = 'bad_number';
            message = `expected a number in column ${plan.fieldNames[f]}, got "${excerpt(text(src, fs, fe))}"`;
          }
        } else if (role === ROLE_TIME || role === ROLE_DATE) {
          local =
            epoch && role === ROLE_TIME
              ? parseEpochBytes(src, fs, fe, exponent)
              : parseCalendarBytes(src, fs, fe, order);
          offset = lastZoneOffset();
          if (Number.isNaN(local) && problem === undefined) {
            problem = 'bad_timestamp';
            message = `expected a ${role === ROLE_TIME ? 'timestamp' : 'date'} in column ${plan.fieldNames[f]}, got "${excerpt(text(src, fs, fe))}"`;
          }
        } else if (role === ROLE_CLOCK) {
          clock = clockWidth === 0 ? parseClockBytes(src, fs, fe) : parseCompactClockBytes(src, fs, fe, clockWidth);
          if (Number.isNaN(clock) && problem === undefined) {
            problem = 'bad_timestamp';
            message = `expected a time of day in column ${plan.fieldNames[f]}, got "${excerpt(text(src, fs, fe))}"`;
          }
        }
      }
      f++;
      if (pos < end && buf[pos] === delim) {
        pos++;
        continue;
      }
      break;
    }
    const atEnd = pos >= end;
    if (!atEnd) {
      if (buf[pos] === CR) {
        pos++;
        if (pos >= end && !final) {
          pos = rowStart;
          line = rowLine;
          break;
        }
        if (pos < end && buf[pos] === LF) pos++;
      } else {
        pos++;
      }
      line++;
    }
    if (f === 1 && nf > 1 && !unterminated && isBlank(src, fs, fe)) continue;
    st.rows++;
    if (unterminated) {
      reportProblem(
        st,
        'unterminated_quote',
        rowLine,
        'a quoted field is not closed before the end of the input',
        true,
      );
      continue;
    }
    if (f !== nf) {
      const cut = atEnd && f < nf;
      reportProblem(st, 'wrong_field_count', rowLine, `expected ${nf} fields, got ${f}`, cut);
      continue;
    }
    if (problem !== undefined) {
      reportProblem(st, problem, rowLine, message, false);
      continue;
    }
    local += clock;
    time[row] = !Number.isNaN(offset) ? local : converter.convert(local);
    for (let k = 0; k < absent.length; k++) numeric[absent[k]!]![row] = Number.NaN;
    for (let k = 0; k < copies.length; k += 2) numeric[copies[k + 1]!]![row] = numeric[copies[k]!]![row]!;
    out.length = row + 1;
    added++;
  }
  st.line = line;
  return pos;
}
