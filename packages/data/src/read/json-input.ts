/**
 * Reading JSON and NDJSON inputs in chunks: which passes a document needs and in what order.
 * A document whose root is an array is read in one pass. One whose root is an object is
 * scanned once to find its bar array and read in a second pass, except a column object,
 * which is parsed whole (its rows are spread over several arrays).
 */
import { InvariantError } from '@alphintra/core';
import { joinChunks } from './byte-chunks.js';
import { parseJsonText } from './json-reader.js';
import { JsonRowSink } from './json-row-sink.js';
import { JsonLocator, JsonRowReader, type JsonTarget } from './json-stream.js';
import { NdjsonReader } from './ndjson-stream.js';
import { decodeSample } from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';

/** A reader of one pass over the input's bytes. */
export interface ChunkReader {
  feed(chunk: Uint8Array): void;
  end(): unknown;
}

/** The passes of one read, with the sink that receives the rows. */
export interface JsonReadPlan {
  readonly sink: JsonRowSink;
  /** The locating pass, when the document's root is an object. */
  readonly locator: JsonLocator | undefined;
  /** Returns the reading pass, given where the locator found the rows (undefined: root array or NDJSON). */
  rows(target: JsonTarget | undefined): ChunkReader;
}

/** Returns the first byte that is not JSON white space, or -1. */
export function firstByte(bytes: Uint8Array): number {
  for (const b of bytes) if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return b;
  return -1;
}

/**
 * Plans the read of a JSON or NDJSON input of `size` bytes whose first bytes (after any BOM)
 * are `head`; `batch` rows per piece for streaming (0: one series at the end).
 */
export function planJsonRead(
  format: 'json' | 'ndjson',
  head: Uint8Array,
  options: ReadOptions,
  file: string | undefined,
  size: number,
  batch: number,
): JsonReadPlan {
  const sink = new JsonRowSink(format, options, file, size, batch);
  if (format === 'ndjson') {
    return { sink, locator: undefined, rows: () => new NdjsonReader(sink, options.onInvalid === 'collect', file) };
  }
  const locator = firstByte(head) === 123 ? new JsonLocator(file) : undefined;
  return {
    sink,
    locator,
    rows: (target) => {
      if (target?.kind === 'columns') throw new InvariantError('a column object is read whole, not in passes');
      return new JsonRowReader(target ?? { depth: 0, offset: -1 }, sink, file);
    },
  };
}

/** Returns the first byte that is not JSON white space in any of `chunks`, or -1. */
function firstByteOf(chunks: readonly Uint8Array[]): number {
  for (const chunk of chunks) {
    const b = firstByte(chunk);
    if (b >= 0) return b;
  }
  return -1;
}

/**
 * Returns the bars of a JSON or NDJSON input given as consecutive chunks of its bytes (after
 * any BOM), read exactly as a file is read in chunks of those sizes; `size` is the input's
 * size for the result. `parseBars` passes one chunk; tests pass the input split anywhere.
 */
export function parseJsonChunks(
  chunks: readonly Uint8Array[],
  format: 'json' | 'ndjson',
  options: ReadOptions,
  file: string | undefined,
  size: number,
): ReadResult {
  const head = new Uint8Array([Math.max(0, firstByteOf(chunks))]);
  const plan = planJsonRead(format, head, options, file, size, 0);
  let target: JsonTarget | undefined;
  if (plan.locator !== undefined) {
    for (const chunk of chunks) plan.locator.feed(chunk);
    target = plan.locator.end();
    if (target.kind === 'columns') {
      return parseJsonText(decodeSample(joinChunks(chunks), false, file), format, options, file, size);
    }
  }
  const reader = plan.rows(target);
  for (const chunk of chunks) reader.feed(chunk);
  reader.end();
  return plan.sink.finish(size);
}
