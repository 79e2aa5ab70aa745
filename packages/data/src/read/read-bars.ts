/**
 * File readers: `readBars` builds the whole series, `streamBars` yields it in fixed-size
 * pieces with constant memory. Both read the file in chunks into one reused buffer, carrying
 * an unfinished row (or quoted field, or JSON element) over to the next chunk.
 */
import type { BarSeries } from '@alphintra/core';
import { ColumnBuilder } from './column-builder.js';
import { parseDelimited, skipHeader } from './delimited-parser.js';
import { type InputFile, openInput, readInto, readWhole } from './file-source.js';
import { detectFormat } from './format-detection.js';
import { type ChunkReader, planJsonRead } from './json-input.js';
import { parseJsonText } from './json-reader.js';
import type { JsonRowSink } from './json-row-sink.js';
import type { JsonTarget } from './json-stream.js';
import { planDelimited } from './layout-detection.js';
import { readError, throwIfAborted } from './read-errors.js';
import {
  bomLength,
  checkNoNul,
  checkNotEmpty,
  createState,
  decodeSample,
  estimateRows,
  finishResult,
  SAMPLE_BYTES,
} from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';

/** Options of the file readers; `chunkBytes` sets the read size (default 4 MiB; tests use tiny ones). */
export type FileReadOptions = ReadOptions & { chunkBytes?: number };

/** What `streamBars` returns once it is done: the result without the series. */
export type StreamSummary = Omit<ReadResult, 'series'>;

const DEFAULT_CHUNK = 4 * 1024 * 1024;

/**
 * Feeds the input from `start` (after the BOM) to `reader` in chunks, yielding the sink's
 * pieces as they fill. The caller ends the reader.
 */
async function* feedPass(
  path: string,
  input: InputFile,
  options: FileReadOptions,
  start: number,
  reader: ChunkReader,
  sink: JsonRowSink,
  progress: boolean,
): AsyncGenerator<BarSeries, void> {
  const chunk = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK));
  const buffer = new Uint8Array(chunk);
  let position = start;
  for (;;) {
    throwIfAborted(options.signal, path);
    const n = await readInto(input, buffer, 0, chunk, position, path);
    if (n === 0) break;
    position += n;
    reader.feed(buffer.subarray(0, n));
    if (progress) options.onProgress?.(Math.min(position, input.size), input.size);
    while (sink.pieces.length > 0) {
      yield sink.pieces.shift() as BarSeries;
      throwIfAborted(options.signal, path);
    }
  }
}

/**
 * Reads a JSON or NDJSON file in chunks (see json-input.ts): a pass to locate the bar array
 * when the root is an object, then the pass that reads the rows. A column object is read whole.
 */
async function* readJsonPieces(
  path: string,
  input: InputFile,
  options: FileReadOptions,
  batch: number,
  format: 'json' | 'ndjson',
  bom: number,
  head: Uint8Array,
): AsyncGenerator<BarSeries, ReadResult> {
  const plan = planJsonRead(format, head, options, path, input.size, batch);
  let target: JsonTarget | undefined;
  if (plan.locator !== undefined) {
    yield* feedPass(path, input, options, bom, plan.locator, plan.sink, false);
    target = plan.locator.end();
    if (target.kind === 'columns') {
      const bytes = await readWhole(input, path);
      throwIfAborted(options.signal, path);
      options.onProgress?.(bytes.length, input.size);
      const text = decodeSample(bytes.subarray(bom), false, path);
      const result = parseJsonText(text, format, options, path, input.size);
      if (batch > 0) {
        for (let i = 0; i < result.series.length; i += batch) yield result.series.slice(i, i + batch).clone();
      }
      return result;
    }
  }
  const reader = plan.rows(target);
  yield* feedPass(path, input, options, bom, reader, plan.sink, true);
  reader.end();
  const result = plan.sink.finish(input.size);
  yield* plan.sink.pieces.splice(0);
  return result;
}

/** Parses `input` piece by piece; yields a series each time `batch` rows are ready (never when `batch` is 0). */
async function* readPieces(
  path: string,
  input: InputFile,
  options: FileReadOptions,
  batch: number,
): AsyncGenerator<BarSeries, ReadResult> {
  const size = input.size;
  if (size === 0) throw readError('FILE_EMPTY', 'the file is empty', path);
  const head = new Uint8Array(Math.min(size, SAMPLE_BYTES + 3));
  const headLength = await readInto(input, head, 0, head.length, 0, path);
  const bom = bomLength(head.subarray(0, headLength));
  const partial = headLength < size;
  const sample = decodeSample(head.subarray(bom, headLength), partial, path);
  const format = detectFormat(sample, options, path);
  const meta = options.symbol === undefined ? {} : { symbol: options.symbol };
  if (format !== 'csv')
    return yield* readJsonPieces(path, input, options, batch, format, bom, head.subarray(bom, headLength));
  const plan = planDelimited(sample, options, partial, path);
  const st = createState(plan, options, path, batch > 0 ? batch : estimateRows(head.subarray(bom, headLength), size));
  const chunk = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK));
  let buffer = new Uint8Array(Math.max(chunk, 64));
  let filled = 0;
  let pos = 0;
  let filePos = bom;
  let headerDone = !plan.header;
  let final = false;
  while (!final) {
    throwIfAborted(options.signal, path);
    if (filled === buffer.length) {
      const bigger = new Uint8Array(buffer.length * 2);
      bigger.set(buffer);
      buffer = bigger;
    }
    const n = await readInto(input, buffer, filled, Math.min(chunk, buffer.length - filled), filePos, path);
    filePos += n;
    // NUL bytes anywhere make the input binary; st.line is the line of `pos`.
    checkNoNul(buffer, filled, filled + n, pos, st.line, path);
    filled += n;
    final = n === 0;
    options.onProgress?.(Math.min(filePos, size), size);
    if (!headerDone) {
      const after = skipHeader(st, buffer, pos, filled, final);
      if (after < 0) continue;
      pos = after;
      headerDone = true;
    }
    for (;;) {
      const room = batch > 0 ? batch - st.out.length : Number.POSITIVE_INFINITY;
      pos = parseDelimited(st, buffer, pos, filled, final, room);
      if (batch === 0 || st.out.length < batch) break;
      yield st.out.toSeries(meta);
      throwIfAborted(options.signal, path);
      st.out = new ColumnBuilder(batch, plan.extraNames);
    }
    if (pos > 0) {
      buffer.copyWithin(0, pos, filled);
      filled -= pos;
      pos = 0;
    }
  }
  if (batch > 0 && st.out.length > 0) yield st.out.toSeries(meta);
  if (batch > 0) {
    checkNotEmpty(st);
    st.out = new ColumnBuilder(0, plan.extraNames);
  }
  return finishResult(st, filePos, options);
}

/**
 * Returns all bars of the file at `path` (CSV/TSV, JSON or NDJSON), with the detected layout
 * and any problems met. Reads in chunks (a JSON column object is read whole).
 *
 * @example
 * const { series, layout, problems } = await readBars('data/samples/orcl-1995-2014.txt', { symbol: 'ORCL' });
 * layout.vendor; // 'yahoo'
 */
export async function readBars(path: string, options: FileReadOptions = {}): Promise<ReadResult> {
  throwIfAborted(options.signal, path);
  const input = await openInput(path, options);
  try {
    const pieces = readPieces(path, input, options, 0);
    for (;;) {
      const next = await pieces.next();
      if (next.done) return next.value;
    }
  } finally {
    await input.handle.close();
  }
}

/**
 * Yields the bars of the file at `path` as series of at most `chunkRows` bars (default 65536),
 * in file order, with memory independent of the file's size (except for a JSON column object,
 * which is read whole).
 * Each yielded series owns its memory. The generator's return value summarises the read
 * (problems, rows, whether it was complete).
 *
 * @example
 * for await (const piece of streamBars('big.csv', { chunkRows: 100_000 })) store.append(piece);
 */
export async function* streamBars(
  path: string,
  options: FileReadOptions & { chunkRows?: number } = {},
): AsyncGenerator<BarSeries, StreamSummary> {
  const batch = Math.floor(options.chunkRows ?? 65536);
  if (!(batch >= 1)) throw readError('INVALID_ARGUMENT', `expected chunkRows of at least 1, got ${options.chunkRows}`);
  throwIfAborted(options.signal, path);
  const input = await openInput(path, options);
  try {
    const { series: _, ...summary } = yield* readPieces(path, input, options, batch);
    return summary;
  } finally {
    await input.handle.close();
  }
}
