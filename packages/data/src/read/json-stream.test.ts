import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonChunks } from './json-input.js';
import { parseJsonText } from './json-reader.js';
import { JsonScanner } from './json-scanner.js';
import type { ReadOptions, ReadResult } from './read-types.js';

const encoder = new TextEncoder();
const bytesOf = (a: Float64Array): number[] => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];

/** What two reads must agree on: every column bit for bit, the layout and the problems. */
function summary(r: ReadResult): unknown {
  const s = r.series;
  const columns = ['time', 'open', 'high', 'low', 'close', 'volume'].map((n) => bytesOf(s[n as 'time']));
  const extras = s.extraNames.map((n) => [n, bytesOf(s.extra(n) as Float64Array)]);
  return { columns, extras, layout: r.layout, problems: r.problems, rows: r.rows, complete: r.complete };
}

/** The outcome of a read: its summary, or the error's code, line and message. */
function outcome(read: () => ReadResult): unknown {
  try {
    return summary(read());
  } catch (error) {
    const e = error as { code?: string; line?: number; message: string };
    return { code: e.code, line: e.line, message: e.message };
  }
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(bytes.length, c)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(at, p));
    at = p;
  }
  chunks.push(bytes.subarray(at));
  return chunks;
}

const read = (chunks: Uint8Array[], format: 'json' | 'ndjson', options: ReadOptions = {}) =>
  parseJsonChunks(
    chunks,
    format,
    options,
    'bars.json',
    chunks.reduce((n, c) => n + c.length, 0),
  );

/** Expects the same outcome from the text in one chunk and split in two at every position. */
function expectSameAtEverySplit(text: string, format: 'json' | 'ndjson', options: ReadOptions = {}): unknown {
  const bytes = encoder.encode(text);
  const whole = outcome(() => read([bytes], format, options));
  for (let cut = 0; cut <= bytes.length; cut++) {
    expect(
      outcome(() => read(split(bytes, [cut]), format, options)),
      `split at byte ${cut}`,
    ).toEqual(whole);
  }
  return whole;
}

// Random bars as JSON, with the shapes and spellings real feeds use.
const price = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 1e6 }),
  fc.double({ min: 0, max: 1e4, noNaN: true }).map(String),
);
const bar = fc.record({
  t: fc.integer({ min: 946_684_800, max: 1_893_456_000 }),
  o: price,
  h: price,
  l: price,
  c: price,
  v: price,
  note: fc.string({ maxLength: 6, unit: 'grapheme' }),
});
type Bar = typeof bar extends fc.Arbitrary<infer T> ? T : never;
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '\r');

const document = fc.record({
  bars: fc.array(bar, { minLength: 1, maxLength: 4 }),
  shape: fc.constantFrom('objects', 'arrays', 'wrapped', 'nested', 'wrapped-late'),
  pad: space,
});

function renderDocument(d: { bars: Bar[]; shape: string; pad: string }): string {
  const p = d.pad;
  const objects = d.bars.map(
    (b) =>
      `{${p}"Date":${p}${b.t},"open":${JSON.stringify(b.o)},"High":${JSON.stringify(b.h)},` +
      `"low":${JSON.stringify(b.l)},"close":${JSON.stringify(b.c)},"volume":${JSON.stringify(b.v)},"note":${JSON.stringify(b.note)}}`,
  );
  const arrays = d.bars.map((b) => JSON.stringify([b.t * 1000, b.o, b.h, b.l, b.c, b.v]));
  const list = (items: string[]) => `[${p}${items.join(`,${p}`)}${p}]`;
  switch (d.shape) {
    case 'arrays':
      return list(arrays);
    case 'wrapped':
      return `{"status":"ok",${p}"count":${d.bars.length},"bars":${list(objects)}}`;
    case 'nested':
      return `{"meta":{"n":[1,2]},"result":{"x":"\\u00e9\\"","candles":${list(objects)}}}`;
    case 'wrapped-late':
      // An array of scalars and a nested list first: the top-level list still wins.
      return `{"ids":[1,2,3],"deep":{"rows":[{"a":1}]},"data":${list(objects)},"tail":{"k":[true,null]}}`;
    default:
      return `${p}${list(objects)}${p}`;
  }
}

describe('streaming JSON documents', () => {
  it('reads every shape the same whole and split at every byte, and as the whole-document reader', () => {
    fc.assert(
      fc.property(document, (d) => {
        const text = renderDocument(d);
        const streamed = expectSameAtEverySplit(text, 'json');
        const whole = outcome(() => parseJsonText(text, 'json', {}, 'bars.json', encoder.encode(text).length));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 20 },
    );
  });

  it('reads a document split into many random chunks as it reads it whole', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat({ max: 2000 }), { maxLength: 30 }), (d, cuts) => {
        const bytes = encoder.encode(renderDocument(d));
        expect(outcome(() => read(split(bytes, cuts), 'json'))).toEqual(outcome(() => read([bytes], 'json')));
      }),
      { numRuns: 150 },
    );
  });

  it('reports the same errors at every split: cut off, invalid, a bad value, binary', () => {
    const good = '[{"time":"2024-01-02","close":1},{"time":"2024-01-03","close":2}]';
    const cases: [string, string][] = [
      [good.slice(0, 40), 'FILE_TRUNCATED'],
      ['[{"time":"2024-01-02","close":1},\n{"time":"2024-01-03" "close":2}]', 'PARSE_ERROR'],
      ['[{"time":"2024-01-02","close":1},{"time":"2024-01-03","close":"x"}]', 'BAD_NUMBER'],
      ['[{"time":"2024-01-02","close":1}] [', 'PARSE_ERROR'],
      ['[1,2,3]', 'UNKNOWN_FORMAT'],
      ['{"nothing":[1]}', 'UNKNOWN_FORMAT'],
      ['[]', 'FILE_EMPTY'],
      ['  \n ', 'FILE_EMPTY'],
      ['[{"time":"2024-01-02","close":1,"x":"\u0000"}]', 'FILE_BINARY'],
    ];
    for (const [text, code] of cases) {
      expect(expectSameAtEverySplit(text, 'json'), text).toMatchObject({ code });
    }
  });

  it('names the line of a grammar error', () => {
    const text = '[\n{"time": "2024-01-02", "close": 1},\n{"time": "2024-01-03", "close": 2,}\n]';
    expect(outcome(() => read([encoder.encode(text)], 'json'))).toMatchObject({
      code: 'PARSE_ERROR',
      line: 3,
      message: expect.stringMatching(/line 3.*expected a key/),
    });
  });

  it('rejects invalid UTF-8 even when a character is cut by a chunk boundary', () => {
    const good = encoder.encode('[{"time":"2024-01-02","close":1,"n":"é€😀"}]');
    for (let cut = 0; cut <= good.length; cut++) {
      expect(outcome(() => read(split(good, [cut]), 'json'))).toMatchObject({ rows: 1 });
    }
    const bad = Uint8Array.from([...good.subarray(0, 36), 0xc3, 0x28, ...good.subarray(36)]);
    for (let cut = 0; cut <= bad.length; cut++) {
      expect(outcome(() => read(split(bad, [cut]), 'json'))).toMatchObject({ code: 'FILE_BINARY' });
    }
  });

  it('reads a column object whole, as before', () => {
    const doc = '{"s":"ok","t":[1704153600,1704240000],"o":[1,2],"h":[2,3],"l":[0.5,1],"c":[1.5,2.5],"v":[10,20]}';
    expect(expectSameAtEverySplit(doc, 'json')).toMatchObject({ rows: 2 });
  });
});

describe('streaming NDJSON', () => {
  const lines = fc.record({
    bars: fc.array(bar, { minLength: 1, maxLength: 5 }),
    ends: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n  \r\n'), { minLength: 8, maxLength: 8 }),
    bad: fc.option(fc.nat({ max: 7 })),
    final: fc.boolean(),
  });

  function renderLines(l: { bars: Bar[]; ends: string[]; bad: number | null; final: boolean }): string {
    const out = l.bars.map((b, i) => {
      const text = JSON.stringify({ timestamp: b.t, open: b.o, high: b.h, low: b.l, close: b.c, volume: b.v });
      return i === l.bad ? text.slice(0, -3) : text;
    });
    return out.map((line, i) => line + (i < out.length - 1 || l.final ? l.ends[i] : '')).join('');
  }

  it('reads the same whole and split at every byte, and as the whole-text reader, in both modes', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom<ReadOptions['onInvalid']>('error', 'collect'), (l, onInvalid) => {
        const text = renderLines(l);
        const options: ReadOptions = { onInvalid };
        const streamed = expectSameAtEverySplit(text, 'ndjson', options);
        const whole = outcome(() => parseJsonText(text, 'ndjson', options, 'bars.json', encoder.encode(text).length));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('names the file line of a bad line and of a bad value', () => {
    const ok = '{"timestamp": 1704153600, "close": 1}';
    expect(outcome(() => read([encoder.encode(`${ok}\r\n\r\n{"oops"\r\n${ok}\r\n`)], 'ndjson'))).toMatchObject({
      code: 'PARSE_ERROR',
      line: 3,
    });
    const badValue = `${ok}\r${ok.replace('1}', '"x"}')}\r`;
    expect(expectSameAtEverySplit(badValue, 'ndjson')).toMatchObject({ code: 'BAD_NUMBER', line: 2 });
  });
});

describe('JsonScanner', () => {
  const events = { valueStart: () => {}, valueEnd: () => {}, key: () => {} };
  const accepts = (text: string, cuts: number[] = []): boolean => {
    const scanner = new JsonScanner(events, 0, -1);
    try {
      for (const chunk of split(encoder.encode(text), cuts)) scanner.feed(chunk);
      scanner.end();
      return true;
    } catch {
      return false;
    }
  };
  const parses = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('accepts exactly what JSON.parse accepts, however the text is split', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '0', '-', '.', 'e', ' ', 'tru', '\\', ':'))
      .map(([json, at, insert]) => {
        const k = at % (json.length + 1);
        return json.slice(0, k) + insert + json.slice(k + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), fc.array(fc.nat({ max: 200 }), { maxLength: 4 }), (text, cuts) => {
        expect(accepts(text, cuts)).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('checks numbers, literals, escapes and nesting like JSON.parse', () => {
    for (const text of ['-0', '1e5', '1E+5', '-1.5e-7', '01', '1.', '.5', '-', '1e', '+1', 'nul', 'true', 'truex']) {
      expect(accepts(text), text).toBe(parses(text));
    }
    for (const text of ['"\\u00e9"', '"\\u00g9"', '"\\x"', '"a\tb"', '[1,]', '{"a":1,}', '{"a" 1}', '[[[]]]', '[}']) {
      expect(accepts(text), text).toBe(parses(text));
    }
  });
});
