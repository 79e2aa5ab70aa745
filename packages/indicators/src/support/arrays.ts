import { AlphintraError } from '@alphintra/core';

/** Returns a new array of `length` NaNs. */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** Throws unless every input has the same length; returns that length. */
export function commonLength(name: string, inputs: readonly Float64Array[]): number {
  const n = inputs[0]?.length ?? 0;
  for (const input of inputs) {
    if (input.length !== n) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${name}: expected inputs of equal length, got ${inputs.map((i) => i.length).join(' and ')}`,
      );
    }
  }
  return n;
}
