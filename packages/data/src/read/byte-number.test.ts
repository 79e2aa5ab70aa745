import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastNumberWasBad, lastScanEnd, parseNumberBytes, parseNumberText, scanNumberField } from './byte-number.js';

const encoder = new TextEncoder();
function parse(text: string): { value: number; bad: boolean } {
  const bytes = encoder.encode(`#${text}#`);
  const value = parseNumberBytes(bytes, 1, bytes.length - 1);
  return { value, bad: lastNumberWasBad() };
}

/** Decimal texts as data files write them: sign, integer digits, optional fraction. */
const decimalText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.stringMatching(/^[0-9]{1,20}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,25}$/), { nil: undefined }),
  )
  .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}`);

describe('parseNumberBytes', () => {
  it('returns exactly what Number() returns for random decimal texts', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const { value, bad } = parse(text);
        expect(bad).toBe(false);
        expect(Object.is(value, Number(text))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('returns exactly what Number() returns for the shortest text of any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        expect(Object.is(parse(text).value, Number(text))).toBe(true);
        const fixed = Math.abs(x) < 1e15 ? x.toFixed(8) : text;
        expect(Object.is(parse(fixed).value, Number(fixed))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('reads exponents, leading dots and surrounding spaces like Number()', () => {
    for (const text of [
      '1e5',
      '-2.5E-3',
      '.5',
      '5.',
      ' 42 ',
      '0.1',
      '-0',
      '9007199254740993',
      '1.7976931348623157e308',
    ]) {
      const { value, bad } = parse(text);
      expect(bad).toBe(false);
      expect(Object.is(value, Number(text))).toBe(true);
    }
  });

  it('treats empty fields and NaN, null, NA, N/A and - as missing, not as bad', () => {
    for (const text of ['', 'NaN', 'nan', 'null', 'NA', 'N/A', '-', ' ']) {
      const { value, bad } = parse(text);
      expect(value).toBeNaN();
      expect(bad).toBe(false);
    }
  });

  it('flags text that is not a number', () => {
    for (const text of ['abc', '1.2.3', '12a', '0x10', '1,5', '--1', '.']) {
      const { value, bad } = parse(text);
      expect(value).toBeNaN();
      expect(bad, text).toBe(true);
    }
  });
});

describe('parseNumberText', () => {
  it('follows the same rules for strings', () => {
    expect(parseNumberText('3602.25')).toBe(3602.25);
    expect(parseNumberText('N/A')).toBeNaN();
    expect(lastNumberWasBad()).toBe(false);
    expect(parseNumberText('abc')).toBeNaN();
    expect(lastNumberWasBad()).toBe(true);
  });
});

describe('scanNumberField', () => {
  it('finds the end of a field and gives the same value as parsing the field alone', () => {
    fc.assert(
      fc.property(
        fc.oneof(decimalText, fc.constantFrom('', 'NaN', '1e5', 'abc', ' 2 ', '+3')),
        fc.constantFrom(',', '\t', '\n', '\r\n', ''),
        (text, after) => {
          const bytes = encoder.encode(`${text}${after}9`);
          const end = after === '' ? bytes.length - 1 : bytes.length;
          const value = scanNumberField(bytes, 0, end, after === '\t' ? 9 : 44);
          const bad = lastNumberWasBad();
          const stop = lastScanEnd();
          const expected = parse(text);
          expect(stop).toBe(encoder.encode(text).length);
          expect(Object.is(value, expected.value)).toBe(true);
          expect(bad).toBe(expected.bad);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('infinite values', () => {
  it.each(['Infinity', '-Infinity', '+Infinity', '1e999'])('calls %s a bad number', (text) => {
    expect(parse(text).bad).toBe(true);
    expect(Number.isNaN(parseNumberText(text))).toBe(true);
    expect(lastNumberWasBad()).toBe(true);
  });

  it('makes Infinity in a CSV price a bad_number', () => {
    // The reader path is covered here because the fast path never yields Infinity itself.
    const bytes = encoder.encode('Infinity,');
    expect(Number.isNaN(scanNumberField(bytes, 0, bytes.length, 44))).toBe(true);
    expect(lastNumberWasBad()).toBe(true);
  });
});
