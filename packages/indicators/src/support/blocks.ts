/**
 * Bars per call of a batch kernel's block function.
 *
 * Why kernels with running state loop in blocks: V8 optimises a long loop that it enters
 * once by on-stack replacement (OSR), and in OSR code a double carried from one iteration
 * to the next (a running average, the window's extreme) is kept boxed, which allocates a
 * heap number per bar and runs at half speed. A kernel is called a few times at most, so
 * that OSR code is what it would run. A function called once per block instead gets
 * ordinary optimised code after the first few blocks; the running state crosses calls in a
 * small Float64Array. 4096 bars make the call negligible and keep a block's data in cache.
 * See docs/indicators/performance.md.
 */
export const BLOCK_BARS = 4096;

/**
 * Bars of a kernel's first block: few enough that it runs whole in the interpreter, which
 * records type feedback for every part of the block function. Code compiled after a block
 * entered by OSR would otherwise lack feedback for the code after the loop (OSR code records
 * none) and be thrown away on reaching it, sending later blocks back to OSR code.
 */
export const FIRST_BLOCK_BARS = 64;

/**
 * Returns the end (exclusive) of the block starting at `from`, for a kernel whose blocks
 * start at `start` and whose input has `n` bars.
 *
 * @example
 * for (let from = start; from < n; from = to) { to = blockEnd(from, start, n); block(…, from, to); }
 */
export function blockEnd(from: number, start: number, n: number): number {
  // A comparison rather than Math.min, whose result can be a heap number even for integers;
  // the block function, which expects small integers, would then be deoptimised.
  const end = from + (from === start ? FIRST_BLOCK_BARS : BLOCK_BARS);
  // biome-ignore lint/complexity/useMathMinMax: Math.min's result can be a heap number.
  return end < n ? end : n;
}
