/** A typed column the engine's stores grow. */
export type Column = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array;

/** Returns a copy of `column` with room for `capacity` rows (the rows beyond the old length are zero). */
export function grow<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column as never);
  return next;
}

/**
 * Interns strings as small integers, so columns can hold tags and reason codes as numbers.
 * Index 0 is always the empty string.
 */
export class StringTable {
  readonly #index = new Map<string, number>([['', 0]]);
  readonly #texts: string[] = [''];

  /** The index of `text`, adding it on first sight. */
  intern(text: string): number {
    if (text === '') return 0;
    let index = this.#index.get(text);
    if (index === undefined) {
      index = this.#texts.length;
      this.#texts.push(text);
      this.#index.set(text, index);
    }
    return index;
  }

  /** The string at `index`. */
  text(index: number): string {
    return this.#texts[index] as string;
  }
}
