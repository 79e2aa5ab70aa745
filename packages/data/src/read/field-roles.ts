/**
 * Turning a field mapping into per-field roles for the parsers: each field feeds at most one
 * column directly; further columns fed by the same field are copied after the row is read.
 */
import { CLOSE, FIRST_EXTRA, HIGH, LOW, OPEN } from './column-builder.js';
import type { FieldMapping } from './column-mapping.js';
import { readError } from './read-errors.js';
import { ROLE_CLOCK, ROLE_DATE, ROLE_SKIP, ROLE_TIME } from './read-plan.js';

const FIELD_NAMES = ['open', 'high', 'low', 'close', 'volume'];

/** Roles of the fields, copies between numeric columns, and numeric columns no field feeds. */
export interface FieldRoles {
  roles: Int32Array;
  /** Pairs (from, to) of numeric column indices, applied in order after each row. */
  copies: Int32Array;
  absent: number[];
}

/**
 * Returns the role of each of `fieldCount` fields under `mapping`. A field mapped to several
 * numeric columns feeds the first and is copied into the others; when open, high and low are
 * all unmapped they copy close (a one-price file).
 */
export function assignRoles(
  mapping: FieldMapping,
  names: readonly string[],
  fieldCount: number,
  file?: string,
): FieldRoles {
  const roles = new Int32Array(fieldCount).fill(ROLE_SKIP);
  const inRange = (index: number): boolean => index >= 0 && index < fieldCount;
  for (const [index, role] of [
    [mapping.time, ROLE_TIME],
    [mapping.date, ROLE_DATE],
    [mapping.clock, ROLE_CLOCK],
  ] as const) {
    if (inRange(index)) roles[index] = role;
  }
  const copies: number[] = [];
  const absent: number[] = [];
  const feed = (index: number, column: number, label: string): void => {
    if (!inRange(index)) {
      absent.push(column);
      return;
    }
    const role = roles[index]!;
    if (role === ROLE_SKIP) roles[index] = column;
    else if (role >= 0) copies.push(role, column);
    else {
      throw readError(
        'INVALID_ARGUMENT',
        `column ${names[index]} cannot hold both the timestamp and the ${label}`,
        file,
      );
    }
  };
  const fields = [mapping.open, mapping.high, mapping.low, mapping.close, mapping.volume];
  const fillFromClose = mapping.open < 0 && mapping.high < 0 && mapping.low < 0;
  fields.forEach((index, k) => {
    if (!fillFromClose || k >= CLOSE) feed(index, OPEN + k, FIELD_NAMES[k]!);
  });
  mapping.extras.forEach(([name, index], k) => {
    feed(index, FIRST_EXTRA + k, name);
  });
  if (fillFromClose && inRange(mapping.close)) {
    const source = roles[mapping.close]!;
    for (const column of [OPEN, HIGH, LOW]) copies.push(source, column);
  }
  return { roles, copies: Int32Array.from(copies), absent };
}
