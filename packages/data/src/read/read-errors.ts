/**
 * Construction of the readers' errors, so that every message has the same shape.
 */
import { AlphintraError, type ErrorCode } from '@alphintra/core';
import type { ReadProblem } from './read-types.js';

/** Returns an AlphintraError for `file` (and `line` when known). */
export function readError(
  code: ErrorCode,
  message: string,
  file?: string,
  line?: number,
  cause?: unknown,
): AlphintraError {
  return new AlphintraError(code, message, { file, line, cause });
}

/** Returns the error code that a row problem raises in `error` mode. */
export function problemCode(kind: ReadProblem['kind'], truncated: boolean): ErrorCode {
  if (truncated) return 'FILE_TRUNCATED';
  switch (kind) {
    case 'bad_timestamp':
      return 'BAD_TIMESTAMP';
    case 'bad_number':
      return 'BAD_NUMBER';
    case 'unterminated_quote':
      return 'FILE_TRUNCATED';
    default:
      return 'PARSE_ERROR';
  }
}

/** Returns `text` shortened for an error message. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Throws ABORTED when `signal` has been aborted, so a partial read never passes as complete. */
export function throwIfAborted(signal: AbortSignal | undefined, file?: string): void {
  if (signal?.aborted) {
    throw readError('ABORTED', 'read aborted before the end of the input', file, undefined, signal.reason);
  }
}
