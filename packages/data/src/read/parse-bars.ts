/**
 * The in-memory reader: a whole input already held as text or bytes.
 */
import { parseDelimited, skipHeader } from './delimited-parser.js';
import { detectFormat } from './format-detection.js';
import { parseJsonChunks } from './json-input.js';
import { parseJsonText } from './json-reader.js';
import { planDelimited } from './layout-detection.js';
import { throwIfAborted } from './read-errors.js';
import {
  bomLength,
  checkNoNul,
  checkSize,
  createState,
  decodeSample,
  estimateRows,
  finishResult,
  SAMPLE_BYTES,
} from './read-session.js';
import type { DetectedLayout, ReadOptions, ReadResult } from './read-types.js';

const encoder = new TextEncoder();

/**
 * Returns the bars in `input` (CSV/TSV, JSON or NDJSON text, or its UTF-8 bytes), with the
 * layout detection chose and any problems met. Synchronous; for files use `readBars`.
 *
 * @example
 * const { series, layout } = parseBars('Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n');
 * series.close[0]; // 1.5
 * layout.timestamp; // 'date only, naive, read as UTC'
 */
export function parseBars(input: string | Uint8Array, options: ReadOptions & { file?: string } = {}): ReadResult {
  const file = options.file;
  throwIfAborted(options.signal, file);
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  checkSize(bytes.length, options, file);
  const start = bomLength(bytes);
  const sampleEnd = Math.min(bytes.length, start + SAMPLE_BYTES);
  const partial = sampleEnd < bytes.length;
  const sample = decodeSample(bytes.subarray(start, sampleEnd), partial, file);
  if (partial) checkNoNul(bytes, sampleEnd, bytes.length, start, 1, file);
  const format = detectFormat(sample, options, file);
  if (format !== 'csv') return parseJsonChunks([bytes.subarray(start)], format, options, file, bytes.length);
  const plan = planDelimited(sample, options, partial, file);
  const st = createState(plan, options, file, estimateRows(bytes.subarray(start, sampleEnd), bytes.length - start));
  let pos = start;
  if (plan.header) pos = skipHeader(st, bytes, pos, bytes.length, true);
  parseDelimited(st, bytes, pos, bytes.length, true, Number.POSITIVE_INFINITY);
  options.onProgress?.(bytes.length, bytes.length);
  return finishResult(st, bytes.length, options);
}

/**
 * Returns the layout detection finds in `sample` (the start of an input) without reading rows.
 *
 * @example
 * detectLayout('2020.01.02,13:45,1.1210,1.1215,1.1205,1.1212,123\n').vendor; // 'metatrader'
 */
export function detectLayout(sample: string, options: ReadOptions = {}): DetectedLayout {
  const format = detectFormat(sample, options);
  if (format !== 'csv') return parseJsonText(sample, format, options, undefined, sample.length, true).layout;
  return planDelimited(sample, options, false).layout;
}
