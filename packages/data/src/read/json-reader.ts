/**
 * The whole-text JSON and NDJSON reader: arrays of objects (keys matched like CSV headers),
 * arrays of arrays (like Binance klines), objects wrapping such an array (`{"data": [...]}`),
 * and column objects (`{"t": [...], "o": [...], ...}` as TradingView's UDF feeds send). The
 * readers stream instead (json-input.ts); this one serves layout detection on a sample, which
 * may be cut off, and column objects, whose rows are spread over several arrays.
 */
import { LINE_END } from './format-detection.js';
import { completePrefix, earlyEnd, type Row, rowsOf } from './json-document.js';
import { addRow, planFromRows } from './json-rows.js';
import { excerpt, readError } from './read-errors.js';
import { createState, finishResult } from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';
import { reportProblem } from './row-problems.js';

interface LineFailure {
  line: number;
  message: string;
  last: boolean;
}

/** Parses NDJSON lines; bad lines throw unless `collect`, and a cut last line is dropped when `sample`. */
function parseLines(
  text: string,
  collect: boolean,
  sample: boolean,
  file?: string,
): { rows: Row[]; lines: number[]; failures: LineFailure[] } {
  const rows: Row[] = [];
  const lines: number[] = [];
  const failures: LineFailure[] = [];
  const parts = text.split(LINE_END);
  for (let i = 0; i < parts.length; i++) {
    const line = parts[i]!.trim();
    if (line === '') continue;
    try {
      rows.push(JSON.parse(line) as Row);
      lines.push(i + 1);
    } catch (cause) {
      const last = parts.slice(i + 1).every((p) => p.trim() === '');
      if (sample && last) break;
      const message = `expected one JSON value per line, got ${excerpt(line)}`;
      if (!collect) {
        throw readError(
          last ? 'FILE_TRUNCATED' : 'PARSE_ERROR',
          last ? `input ends inside a row: ${message}` : message,
          file,
          i + 1,
          cause,
        );
      }
      failures.push({ line: i + 1, message, last });
    }
  }
  return { rows, lines, failures };
}

/**
 * Returns the parsed JSON document. A document that ends with a string, array or object still
 * open is FILE_TRUNCATED, any other invalid one PARSE_ERROR; a cut-off detection sample
 * (`sample`) is read up to its last complete row instead.
 */
function parseDocument(text: string, sample: boolean, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const early = earlyEnd(text);
    if (early === undefined) throw readError('PARSE_ERROR', `invalid JSON: ${message}`, file, undefined, cause);
    const prefix = sample ? completePrefix(text) : undefined;
    if (prefix !== undefined) {
      try {
        return JSON.parse(prefix);
      } catch {
        // Not repairable: report the cut itself.
      }
    }
    throw readError('FILE_TRUNCATED', `the JSON document ends early, ${early}`, file, undefined, cause);
  }
}

/**
 * Returns the bars of a JSON document or NDJSON text held whole. With `layoutOnly`, only the
 * layout is meaningful (used by detection on a sample).
 */
export function parseJsonText(
  text: string,
  format: 'json' | 'ndjson',
  options: ReadOptions,
  file: string | undefined,
  bytes: number,
  layoutOnly = false,
): ReadResult {
  if (text.trim() === '') throw readError('FILE_EMPTY', 'the input is empty', file);
  let rows: Row[];
  let lines: number[] | undefined;
  let failures: LineFailure[] = [];
  if (format === 'json') {
    rows = rowsOf(parseDocument(text, layoutOnly, file), file);
  } else {
    ({ rows, lines, failures } = parseLines(text, options.onInvalid === 'collect', layoutOnly, file));
  }
  const { plan, keys } = planFromRows(rows, format, options, file);
  const st = createState(plan, options, file, layoutOnly ? 0 : rows.length);
  if (!layoutOnly) {
    for (const failure of failures) {
      st.rows++;
      reportProblem(
        st,
        failure.last ? 'unterminated_quote' : 'wrong_field_count',
        failure.line,
        failure.message,
        failure.last,
      );
    }
    for (let i = 0; i < rows.length; i++) addRow(st, rows[i]!, keys, lines ? lines[i]! : i + 1);
    st.problems.sort((a, b) => a.line - b.line);
  } else {
    st.rows = rows.length;
  }
  return finishResult(st, bytes, options);
}
