/**
 * The standard normal distribution: density, distribution function and its inverse, accurate
 * to about 1e-15 absolute, with no dependency on an external maths library.
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** Returns the standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Returns the standard normal distribution function Φ(x).
 *
 * For |x| < 2.5 it sums Marsaglia's series Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), whose terms
 * are all of one sign; further out it evaluates the upper tail's continued fraction
 * Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), which converges fast there.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (Math.abs(x) < 2.5) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 3; k < 500; k += 2) {
      term *= x2 / k;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + normalPdf(x) * sum;
  }
  const tail = upperTail(Math.abs(x));
  return x > 0 ? 1 - tail : tail;
}

/** Q(x) = 1 − Φ(x) for x ≥ 2.5 by the continued fraction, evaluated bottom-up. */
function upperTail(x: number): number {
  let fraction = x;
  for (let k = 100; k >= 1; k--) fraction = x + k / fraction;
  return normalPdf(x) / fraction;
}

/**
 * Returns the quantile Φ⁻¹(p) of the standard normal distribution for p in (0, 1), −∞ at 0 and
 * +∞ at 1: Acklam's rational approximation, polished by one Halley step on {@link normalCdf}.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x = acklam(p);
  const e = normalCdf(x) - p;
  const u = e / normalPdf(x);
  x -= u / (1 + (x * u) / 2);
  return x;
}

// Acklam's coefficients, highest power first; the denominators have an implicit trailing 1.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const P_LOW = 0.02425;

function horner(coefficients: readonly number[], x: number): number {
  let acc = 0;
  for (const c of coefficients) acc = acc * x + c;
  return acc;
}

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(C, q) / horner(D, q);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -horner(C, q) / horner(D, q);
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / horner(B, r);
}
