import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex } from './sha256.js';

const reference = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('sha256Hex', () => {
  it('matches the published digests of the empty string and "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto on strings of any length and alphabet', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
        (text) => sha256Hex(text) === reference(text),
      ),
    );
  });

  it('agrees with node:crypto on bytes fed in arbitrary pieces', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600, size: 'max' }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (bytes, cuts) => {
          const hash = new Sha256();
          let at = 0;
          for (const cut of cuts) {
            const end = Math.min(bytes.length, at + cut);
            hash.update(bytes.subarray(at, end));
            at = end;
          }
          hash.update(bytes.subarray(at));
          return hash.digestHex() === reference(bytes);
        },
      ),
    );
  });
});
