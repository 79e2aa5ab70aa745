/**
 * Choosing the format of an input from its first chunk: JSON, NDJSON or delimited text.
 */
import type { ReadOptions } from './read-types.js';

/** Matches any line end: LF, CRLF or a lone CR. */
export const LINE_END = /\r\n|\r|\n/;

/**
 * Returns the format of a sample. Text starting with `[` is JSON. Text starting with `{` is
 * NDJSON when the file is named `.ndjson`/`.jsonl`, or when its first non-blank line is a
 * whole JSON object and either more follows it or that object is a bar itself (it holds no
 * array or object, as a wrapper `{"data": [...]}` or a column object does); otherwise JSON.
 * Anything else is delimited text.
 */
export function detectFormat(sample: string, options: ReadOptions, file?: string): 'csv' | 'json' | 'ndjson' {
  if (options.format !== undefined && options.format !== 'auto') return options.format;
  const text = sample.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  const lower = file?.toLowerCase() ?? '';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  const match = LINE_END.exec(text);
  const first = match === null ? text : text.slice(0, match.index);
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    // The first line is not a whole value: a document spread over lines (or cut off).
    return 'json';
  }
  const rest = match === null ? '' : text.slice(match.index + match[0].length);
  // After a whole value a single JSON document may hold only white space.
  if (rest.trim() !== '') return 'ndjson';
  const nested = Object.values(value as object).some((v) => typeof v === 'object' && v !== null);
  return nested ? 'json' : 'ndjson';
}
