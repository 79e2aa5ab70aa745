/**
 * Joining byte chunks, for the readers that carry the end of one chunk into the next.
 */

/** Returns `chunks` as one array: the only chunk itself, or a new array holding them all. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const nonEmpty = chunks.filter((c) => c.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0] as Uint8Array;
  const out = new Uint8Array(nonEmpty.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of nonEmpty) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
