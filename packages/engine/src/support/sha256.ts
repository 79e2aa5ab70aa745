/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, so the pure engine can fingerprint its results
 * and inputs without a Node or Web Crypto dependency. Not constant-time: for identities, not secrets.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** Incremental SHA-256: `update` any number of times, then `digestHex`. */
export class Sha256 {
  readonly #h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  readonly #block = new Uint8Array(64);
  readonly #w = new Uint32Array(64);
  #used = 0;
  #length = 0;

  /** Adds bytes, or a string encoded as UTF-8. */
  update(data: Uint8Array | string): this {
    if (typeof data === 'string') return this.#updateString(data);
    this.#length += data.length;
    let i = 0;
    // Fill a partly used block first, then compress whole blocks straight from the input.
    if (this.#used > 0) {
      while (i < data.length && this.#used < 64) this.#block[this.#used++] = data[i++] as number;
      if (this.#used < 64) return this;
      this.#compress(this.#block, 0);
      this.#used = 0;
    }
    for (; i + 64 <= data.length; i += 64) this.#compress(data, i);
    while (i < data.length) this.#block[this.#used++] = data[i++] as number;
    return this;
  }

  #updateString(text: string): this {
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        this.#byte(code);
        continue;
      }
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        }
      }
      if (code < 0x800) {
        this.#byte(0xc0 | (code >> 6));
        this.#byte(0x80 | (code & 63));
      } else if (code < 0x10000) {
        this.#byte(0xe0 | (code >> 12));
        this.#byte(0x80 | ((code >> 6) & 63));
        this.#byte(0x80 | (code & 63));
      } else {
        this.#byte(0xf0 | (code >> 18));
        this.#byte(0x80 | ((code >> 12) & 63));
        this.#byte(0x80 | ((code >> 6) & 63));
        this.#byte(0x80 | (code & 63));
      }
    }
    return this;
  }

  #byte(value: number): void {
    this.#block[this.#used++] = value;
    this.#length++;
    if (this.#used === 64) {
      this.#compress(this.#block, 0);
      this.#used = 0;
    }
  }

  /** Finishes and returns the digest as 64 lowercase hex digits. */
  digestHex(): string {
    const bitLength = this.#length * 8;
    this.#block[this.#used++] = 0x80;
    if (this.#used > 56) {
      this.#block.fill(0, this.#used);
      this.#compress(this.#block, 0);
      this.#used = 0;
    }
    this.#block.fill(0, this.#used, 56);
    const high = Math.floor(bitLength / 0x100000000);
    const low = bitLength >>> 0;
    for (let i = 0; i < 4; i++) {
      this.#block[56 + i] = (high >>> (24 - 8 * i)) & 0xff;
      this.#block[60 + i] = (low >>> (24 - 8 * i)) & 0xff;
    }
    this.#compress(this.#block, 0);
    let hex = '';
    for (const word of this.#h) hex += word.toString(16).padStart(8, '0');
    return hex;
  }

  #compress(b: Uint8Array, offset: number): void {
    const w = this.#w;
    for (let i = 0; i < 16; i++) {
      const o = offset + 4 * i;
      w[i] =
        ((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    const h = this.#h;
    let a = h[0] as number;
    let bb = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let hh = h[7] as number;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] = ((h[0] as number) + a) | 0;
    h[1] = ((h[1] as number) + bb) | 0;
    h[2] = ((h[2] as number) + c) | 0;
    h[3] = ((h[3] as number) + d) | 0;
    h[4] = ((h[4] as number) + e) | 0;
    h[5] = ((h[5] as number) + f) | 0;
    h[6] = ((h[6] as number) + g) | 0;
    h[7] = ((h[7] as number) + hh) | 0;
  }
}

/** Returns the SHA-256 of bytes or of a UTF-8 string, as hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return new Sha256().update(data).digestHex();
}
