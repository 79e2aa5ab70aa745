/**
 * An incremental JSON scanner: checks the grammar of a document fed in chunks of UTF-8 bytes
 * (split anywhere, even inside a token) and reports where values start and end, down to a
 * chosen depth. It builds no values: readers cut out the bytes of the values they want and
 * hand them to `JSON.parse`, so memory does not grow with the document.
 */
import { readError } from './read-errors.js';

/** What a scanner reports; offsets count bytes from the start of the document. */
export interface JsonScanEvents {
  /** A value starts at `at` (its first byte is `first`) inside `depth` open containers. */
  valueStart(depth: number, at: number, first: number): void;
  /** The value that started at `depth` ends just before `end`. */
  valueEnd(depth: number, end: number): void;
  /** An object key at `depth` (its value follows at the same depth), as raw JSON string content. */
  key(depth: number, raw: Uint8Array): void;
}

// Scanner states.
const VALUE = 0; // a value is expected
const AFTER = 1; // a value ended: `,` or a closing bracket (or, at the root, the end)
const KEY = 2; // an object key (string) is expected
const COLON = 3;
const STRING = 4;
const ESCAPE = 5; // after a backslash in a string
const UNICODE = 6; // inside \uXXXX
const NUMBER = 7;
const LITERAL = 8; // inside true, false or null
const DONE = 9; // the root value is complete: only white space may follow

// Number sub-states: what the bytes so far allow next.
const N_SIGN = 0; // `-`: a digit must follow
const N_ZERO = 1; // a leading 0: `.`, `e` or the end
const N_INT = 2;
const N_DOT = 3; // `.`: a digit must follow
const N_FRAC = 4;
const N_E = 5; // `e`: a sign or digit must follow
const N_E_SIGN = 6; // a digit must follow
const N_EXP = 7;

const LITERALS = ['true', 'false', 'null'].map((w) => new TextEncoder().encode(w));
const OBJECT = 123;
const ARRAY = 91;

function isDigit(b: number): boolean {
  return b >= 48 && b <= 57;
}

function isHex(b: number): boolean {
  return isDigit(b) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
}

function shown(b: number): string {
  if (b >= 0x20 && b < 0x7f) return `"${String.fromCharCode(b)}"`;
  return `byte 0x${b.toString(16).padStart(2, '0')}`;
}

/**
 * Scans one JSON document incrementally. `feed` takes the next bytes, `end` says there are no
 * more. Events fire for values inside at most `eventDepth` containers (0: the root only),
 * and for keys inside at most `keyDepth` (-1: none).
 * Grammar errors throw PARSE_ERROR naming the line; a document that stops early throws
 * FILE_TRUNCATED.
 */
export class JsonScanner {
  /** Bytes fed so far. */
  offset = 0;
  /** One-based line of the next byte (LF, CRLF and lone CR end lines). */
  line = 1;
  /** True once any byte other than white space was seen. */
  sawValue = false;

  readonly #events: JsonScanEvents;
  readonly #eventDepth: number;
  readonly #keyDepth: number;
  readonly #file: string | undefined;
  #state = VALUE;
  #stack = new Uint8Array(64);
  #depth = 0;
  // An empty container may close where a value or key is expected.
  #mayClose = false;
  #afterCr = false;
  #isKey = false;
  #keyBytes = new Uint8Array(64);
  #keyLength = 0;
  #capture = false;
  #number = N_SIGN;
  #literal: Uint8Array = LITERALS[0] as Uint8Array;
  #literalAt = 0;
  #hexLeft = 0;

  constructor(events: JsonScanEvents, eventDepth: number, keyDepth: number, file?: string) {
    this.#events = events;
    this.#eventDepth = eventDepth;
    this.#keyDepth = keyDepth;
    this.#file = file;
  }

  /** Number of containers open at the current position. */
  get depth(): number {
    return this.#depth;
  }

  /** True when the root value is complete. */
  get complete(): boolean {
    return this.#state === DONE || (this.#state === NUMBER && this.#depth === 0 && this.#numberMayEnd());
  }

  #fail(what: string, b: number, position: number): never {
    throw readError(
      'PARSE_ERROR',
      `invalid JSON at line ${this.line} (byte ${position}): expected ${what}, got ${shown(b)}`,
      this.#file,
      this.line,
    );
  }

  #numberMayEnd(): boolean {
    const n = this.#number;
    return n === N_ZERO || n === N_INT || n === N_FRAC || n === N_EXP;
  }

  #push(kind: number): void {
    if (this.#depth === this.#stack.length) {
      const bigger = new Uint8Array(this.#stack.length * 2);
      bigger.set(this.#stack);
      this.#stack = bigger;
    }
    this.#stack[this.#depth++] = kind;
  }

  // A scalar or container ended at `end` (exclusive).
  #valueDone(end: number): void {
    if (this.#depth <= this.#eventDepth) this.#events.valueEnd(this.#depth, end);
    this.#state = this.#depth === 0 ? DONE : AFTER;
  }

  #keyByte(b: number): void {
    if (this.#keyLength === this.#keyBytes.length) {
      const bigger = new Uint8Array(this.#keyBytes.length * 2);
      bigger.set(this.#keyBytes);
      this.#keyBytes = bigger;
    }
    this.#keyBytes[this.#keyLength++] = b;
  }

  /** Scans `bytes[start, end)`, the next bytes of the document. */
  feed(bytes: Uint8Array, start = 0, end = bytes.length): void {
    const base = this.offset - start;
    const events = this.#events;
    const eventDepth = this.#eventDepth;
    let i = start;
    while (i < end) {
      const b = bytes[i] as number;
      switch (this.#state) {
        case STRING: {
          // Run to the next quote or backslash in one go.
          let k = i;
          while (k < end) {
            const c = bytes[k] as number;
            if (c === 34 || c === 92) break;
            if (c < 0x20)
              this.#fail('a character allowed in a string (control characters must be escaped)', c, base + k);
            k++;
          }
          if (this.#capture) for (let j = i; j < k; j++) this.#keyByte(bytes[j] as number);
          i = k;
          if (k === end) continue;
          const c = bytes[k] as number;
          i++;
          if (c === 92) {
            if (this.#capture) this.#keyByte(c);
            this.#state = ESCAPE;
          } else if (this.#isKey) {
            if (this.#capture) events.key(this.#depth, this.#keyBytes.subarray(0, this.#keyLength));
            this.#state = COLON;
          } else {
            this.#valueDone(base + i);
          }
          continue;
        }
        case ESCAPE:
          if (this.#capture) this.#keyByte(b);
          if (b === 117) {
            this.#hexLeft = 4;
            this.#state = UNICODE;
          } else if (b === 34 || b === 92 || b === 47 || b === 98 || b === 102 || b === 110 || b === 114 || b === 116) {
            this.#state = STRING;
          } else {
            this.#fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', b, base + i);
          }
          i++;
          continue;
        case UNICODE:
          if (!isHex(b)) this.#fail('a hex digit in \\uXXXX', b, base + i);
          if (this.#capture) this.#keyByte(b);
          if (--this.#hexLeft === 0) this.#state = STRING;
          i++;
          continue;
        case NUMBER: {
          const n = this.#number;
          if (isDigit(b)) {
            if (n === N_ZERO) this.#fail('".", "e" or the end of the number after a leading 0', b, base + i);
            this.#number =
              n === N_SIGN
                ? b === 48
                  ? N_ZERO
                  : N_INT
                : n === N_DOT
                  ? N_FRAC
                  : n === N_E || n === N_E_SIGN
                    ? N_EXP
                    : n;
          } else if (b === 46 && (n === N_ZERO || n === N_INT)) {
            this.#number = N_DOT;
          } else if ((b === 101 || b === 69) && (n === N_ZERO || n === N_INT || n === N_FRAC)) {
            this.#number = N_E;
          } else if ((b === 43 || b === 45) && n === N_E) {
            this.#number = N_E_SIGN;
          } else {
            if (!this.#numberMayEnd()) this.#fail('a digit', b, base + i);
            this.#valueDone(base + i);
            continue; // the byte after the number is scanned again in the new state
          }
          i++;
          continue;
        }
        case LITERAL:
          if (b !== this.#literal[this.#literalAt]) {
            this.#fail(`"${new TextDecoder().decode(this.#literal)}"`, b, base + i);
          }
          i++;
          if (++this.#literalAt === this.#literal.length) this.#valueDone(base + i);
          continue;
        default:
          break;
      }
      // White space between tokens: the only place line ends can be.
      if (b === 32 || b === 9 || b === 10 || b === 13) {
        if (b === 13) this.line++;
        else if (b === 10 && !this.#afterCr) this.line++;
        this.#afterCr = b === 13;
        i++;
        continue;
      }
      this.#afterCr = false;
      const at = base + i;
      switch (this.#state) {
        case VALUE: {
          if (this.#mayClose && b === 93) {
            this.#close(b, at);
            break;
          }
          this.#mayClose = false;
          this.sawValue = true;
          const depth = this.#depth;
          if (depth <= eventDepth) events.valueStart(depth, at, b);
          if (b === 123 || b === 91) {
            this.#push(b);
            this.#state = b === 123 ? KEY : VALUE;
            this.#mayClose = true;
          } else if (b === 34) {
            this.#isKey = false;
            this.#capture = false;
            this.#state = STRING;
          } else if (b === 45 || isDigit(b)) {
            this.#number = b === 45 ? N_SIGN : b === 48 ? N_ZERO : N_INT;
            this.#state = NUMBER;
          } else if (b === 116 || b === 102 || b === 110) {
            this.#literal = LITERALS[b === 116 ? 0 : b === 102 ? 1 : 2] as Uint8Array;
            this.#literalAt = 1;
            this.#state = LITERAL;
          } else {
            this.#fail('a value', b, at);
          }
          break;
        }
        case KEY:
          if (this.#mayClose && b === 125) {
            this.#close(b, at);
            break;
          }
          this.#mayClose = false;
          if (b !== 34) this.#fail('a key in double quotes', b, at);
          this.#isKey = true;
          this.#capture = this.#depth <= this.#keyDepth;
          this.#keyLength = 0;
          this.#state = STRING;
          break;
        case COLON:
          if (b !== 58) this.#fail('":" after a key', b, at);
          this.#state = VALUE;
          break;
        case AFTER: {
          const open = this.#stack[this.#depth - 1];
          if (b === 44) {
            this.#state = open === OBJECT ? KEY : VALUE;
          } else if ((b === 93 && open === ARRAY) || (b === 125 && open === OBJECT)) {
            this.#close(b, at);
          } else {
            this.#fail(
              open === ARRAY ? '"," or "]" after an array element' : '"," or "}" after an object member',
              b,
              at,
            );
          }
          break;
        }
        default:
          this.#fail('nothing after the end of the JSON document', b, at);
      }
      i++;
    }
    this.offset = base + end;
  }

  #close(b: number, at: number): void {
    const open = this.#stack[this.#depth - 1];
    if ((b === 93 && open !== ARRAY) || (b === 125 && open !== OBJECT)) this.#fail('a matching bracket', b, at);
    this.#depth--;
    this.#mayClose = false;
    this.#valueDone(at + 1);
  }

  /**
   * Says the document is over. Throws FILE_TRUNCATED when it stops inside a string or with
   * arrays or objects open, PARSE_ERROR when it stops inside a root scalar.
   */
  end(): void {
    if (this.#state === DONE) return;
    if (this.#state === NUMBER && this.#depth === 0 && this.#numberMayEnd()) {
      this.#valueDone(this.offset);
      return;
    }
    const inString = this.#state === STRING || this.#state === ESCAPE || this.#state === UNICODE;
    const open = this.#depth;
    if (!inString && open === 0) {
      throw readError('PARSE_ERROR', `invalid JSON at line ${this.line}: the document ends inside a value`, this.#file);
    }
    const how = inString
      ? 'inside a string'
      : `with ${open} ${open === 1 ? 'array or object' : 'arrays or objects'} still open`;
    throw readError('FILE_TRUNCATED', `the JSON document ends early, ${how}`, this.#file, this.line);
  }
}
