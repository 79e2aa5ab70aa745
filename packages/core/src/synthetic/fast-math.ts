/**
 * Exponentials and rounding for the generator's per-bar loop, where `Math.exp` (a call into
 * the runtime) and `Math.round` cost more than the arithmetic around them. Plain arithmetic on
 * doubles, so every platform gives the same bits; small enough for the optimiser to inline.
 */

// The bar loop needs all of these inlined, and the optimiser inlines by bytecode size within a
// budget per function: so the hot functions below write their constants as literals (a module
// constant costs a load and a check), notably 6755399441055744 = 1.5 × 2^52, which rounds a
// double below 2^51 to an integer when added and subtracted, and 2251799813685248 = 2^51.

/** 2^(i/64) for i in [0, 64). */
const FRACTION_POWERS = Float64Array.from({ length: 64 }, (_, i) => 2 ** (i / 64));
/** 2^k for k in [−64, 64), at index k + 64. */
const INTEGER_POWERS = Float64Array.from({ length: 128 }, (_, i) => 2 ** (i - 64));
const STEPS_PER_LN2 = 64 / Math.LN2;
// ln 2 / 64 in two parts (ln 2's classic split: 32 significant bits, then the rest), so that
// n × STEP_HIGH is exact and the reduction keeps ln 2's full precision.
const STEP_HIGH = 0.6931471803691238 / 64;
const STEP_LOW = 1.9082149292705877e-10 / 64;

/**
 * Returns e^x to within two ulps: x = (64k + i) ln2/64 + r with |r| ≤ ln2/128, so
 * e^x = 2^k · 2^(i/64) · e^r with two table look-ups and a short series for e^r. Falls back to
 * `Math.exp` for |x| ≥ 40.
 */
export function expFast(x: number): number {
  if (!(x > -40 && x < 40)) return Math.exp(x);
  const n = x * STEPS_PER_LN2 + 6755399441055744 - 6755399441055744;
  const r = x - n * STEP_HIGH - n * STEP_LOW;
  const i = n | 0;
  // |r| < 0.0055: the series' first omitted term, r^6 / 720, is below 4e-17.
  const series = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return (FRACTION_POWERS[i & 63] as number) * (INTEGER_POWERS[(i >> 6) + 64] as number) * series;
}

/**
 * Returns e^x, by a degree-7 series when |x| ≤ 0.03 (a bar's move: error below 2e-17
 * relative), else by `Math.exp`. The series is evaluated in Estrin's form: its terms are
 * computed in parallel, which matters in a loop bound by latency. (The fallback is the
 * builtin, not {@link expFast}: a call the optimiser does not inline would box the result.)
 */
export function expSmall(x: number): number {
  if (!(x <= 0.03 && x >= -0.03)) return Math.exp(x);
  const x2 = x * x;
  return 1 + x + x2 * (1 / 2 + x * (1 / 6)) + x2 * x2 * (1 / 24 + x * (1 / 120) + x2 * (1 / 720 + x * (1 / 5040)));
}

/** Returns x rounded to the nearest integer (ties to even below 2^51, else as `Math.round`). */
export function roundToInteger(x: number): number {
  return x < 2251799813685248 && x > -2251799813685248 ? x + 6755399441055744 - 6755399441055744 : Math.round(x);
}

/**
 * Returns `price` on the grid of `tick` (0: unchanged), never below one tick, printed as its
 * decimal: with `scale` = 10^decimals of the tick ({@link decimalScale}) and `units` = tick ×
 * scale, ticks × units / scale is the double nearest the decimal (35 × 0.01 is not 0.35).
 * `inverseTick` is 1 / tick.
 */
export function roundToTick(price: number, tick: number, inverseTick: number, scale: number, units: number): number {
  if (tick === 0) return price;
  const x = price * inverseTick;
  // roundToInteger for the positive x here, written out to keep this function small.
  let ticks = x < 2251799813685248 ? x + 6755399441055744 - 6755399441055744 : Math.round(x);
  if (ticks < 1) ticks = 1;
  return scale === 0 ? ticks * tick : (ticks * units) / scale;
}

/** Returns 10^decimals when `tick` has a short decimal form (0.01 → 100, 0.25 → 100), else 0. */
export function decimalScale(tick: number): number {
  for (let decimals = 0, scale = 1; decimals <= 10; decimals++, scale *= 10) {
    if (Math.abs(Math.round(tick * scale) - tick * scale) < 1e-9 * scale) return scale;
  }
  return 0;
}
