/**
 * Checks that a text input fed in chunks is UTF-8 without NUL bytes, as the whole-input
 * readers check their text, with chunks split anywhere (even inside a character).
 */
import { isUtf8 } from 'node:buffer';
import { joinChunks } from './byte-chunks.js';
import { readError } from './read-errors.js';
import { countLineEnds } from './read-session.js';

/** Returns how many bytes at the end of `bytes` are an incomplete UTF-8 character (0 to 3). */
export function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Validates consecutive chunks of one input. */
export class TextGuard {
  readonly #file: string | undefined;
  #tail = new Uint8Array(0);

  constructor(file?: string) {
    this.#file = file;
  }

  /**
   * Checks `chunk`, the next bytes of the input, and returns the bytes that are whole
   * characters: those of a character cut at the chunk's end are held back and come first in
   * the next call. Throws FILE_BINARY for a NUL byte (naming its line, counted from `line` at
   * the chunk's start) or invalid UTF-8.
   */
  take(chunk: Uint8Array, line: number): Uint8Array {
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      const at = line + countLineEnds(chunk, 0, nul);
      throw readError('FILE_BINARY', `line ${at} holds a NUL byte: the input is binary, not text`, this.#file, at);
    }
    const bytes = joinChunks([this.#tail, chunk]);
    const cut = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - cut);
    if (!isUtf8(whole)) this.#notText();
    this.#tail = bytes.slice(bytes.length - cut);
    return whole;
  }

  /** Says the input is over: a character cut at the very end is invalid too. */
  end(): void {
    if (this.#tail.length > 0) this.#notText();
  }

  #notText(): never {
    throw readError('FILE_BINARY', 'the input is not UTF-8 text', this.#file);
  }
}
