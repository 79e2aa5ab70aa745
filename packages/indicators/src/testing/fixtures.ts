// Test-only helpers that read the committed TA-Lib fixtures (see scripts/talib-fixtures).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/talib/', import.meta.url));

/** Decodes a base64 little-endian float64 array. */
export function decode(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

type Columns = Record<'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;

let datasetsCache: Record<string, Columns> | undefined;

/** Returns the fixture input datasets by name (random, random2, orcl, gap, zerovolume, flat, short). */
export function datasets(): Record<string, Columns> {
  if (datasetsCache === undefined) {
    const raw = JSON.parse(readFileSync(`${dir}_datasets.json`, 'utf8')).datasets as Record<
      string,
      Record<string, string>
    >;
    datasetsCache = Object.fromEntries(
      Object.entries(raw).map(([name, cols]) => [
        name,
        Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, decode(v)])) as Columns,
      ]),
    );
  }
  return datasetsCache;
}

/** TA-Lib's metadata for one function, as probed by the fixture generator. */
export interface TalibMetadata {
  group: string;
  inputs: string[];
  parameters: Array<{ name: string; type: string; default: number; min?: number; max?: number }>;
  outputs: Array<{ name: string; type: string }>;
}

/** Returns TA-Lib's metadata for every function. */
export function talibMetadata(): Record<string, TalibMetadata> {
  return JSON.parse(readFileSync(`${dir}_metadata.json`, 'utf8'));
}

/** One reference case. */
export interface TalibCase {
  dataset: string;
  params: Record<string, number>;
  error?: string;
  begIndex?: number;
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

/** Returns the reference cases of a function. */
export function talibCases(name: string): TalibCase[] {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')).cases;
}

/** Names of every function with fixtures. */
export function talibFunctions(): string[] {
  return readdirSync(dir)
    .filter((f) => /^[A-Z0-9_]+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Bar times for inputs that need them: one-minute bars of a 390-minute session starting
 * 14:30 UTC on consecutive weekdays from 2020-01-02, so several sessions are covered.
 */
export function sessionTimes(n: number): Float64Array {
  const out = new Float64Array(n);
  const day = 86_400_000_000;
  let date = Date.UTC(2020, 0, 2) * 1000;
  let minute = 0;
  for (let i = 0; i < n; i++) {
    out[i] = date + (14 * 60 + 30 + minute) * 60_000_000;
    if (++minute === 390) {
      minute = 0;
      do date += day;
      while ([0, 6].includes(new Date(date / 1000).getUTCDay()));
    }
  }
  return out;
}

/** Input columns of a case, in the order of `inputNames`. */
export function caseInputs(c: TalibCase, inputNames: readonly string[]): Float64Array[] {
  const ds = datasets()[c.dataset] as Columns;
  const partner = datasets()[c.dataset === 'random' ? 'random2' : 'random'] as Columns;
  return inputNames.map((name) => {
    if (c.inputs?.[name] !== undefined) return decode(c.inputs[name] as string);
    if (name === 'real' || name === 'real0') return ds.close;
    if (name === 'real1') return partner.close.slice(0, ds.close.length);
    if (name === 'time') return sessionTimes(ds.close.length);
    return ds[name as keyof Columns];
  });
}

/** Whether `actual` equals `expected` to `tolerance` relative (NaN equals NaN). */
export function close(actual: number, expected: number, tolerance = 1e-9): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= tolerance * Math.max(1e-3, Math.abs(expected), Math.abs(actual));
}
