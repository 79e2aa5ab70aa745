// Correctly rounded sine and cosine, for the few tables where the last bit matters.
//
// Math.sin and Math.cos are only faithful (within one ulp), and which ulp they land on
// differs between engines and C libraries. The dominant-cycle phase takes atan of two DFT
// sums that cancel to rounding noise on a flat series, so their sign and size hang on the last
// bit of every sin/cos term. Evaluating in double-double arithmetic (about 106 bits) and
// rounding once gives the nearest double, identical on every engine. Table building only:
// this is far slower than Math.sin.

type DoubleDouble = readonly [hi: number, lo: number];

// π/2 split in three doubles whose exact sum carries about 160 bits of π/2.
const HALF_PI_1 = 1.5707963267948966;
const HALF_PI_2 = 6.123233995736766e-17;
const HALF_PI_3 = -1.4973849048591698e-33;
// Veltkamp's splitter for 53-bit doubles: 2^27 + 1.
const SPLITTER = 134217729;

function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

function mul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function divide(a: DoubleDouble, d: number): DoubleDouble {
  const q1 = a[0] / d;
  const [p, e] = twoProd(q1, d);
  const [s, f] = twoSum(a[0], -p);
  const q2 = (s + (f - e + a[1])) / d;
  return quickTwoSum(q1, q2);
}

/**
 * Returns [sin r, cos r] in double-double for |r| ≤ π/4, by Taylor series carried until the
 * terms fall below 2^-110 of the result.
 */
function sinCosReduced(r: DoubleDouble): [DoubleDouble, DoubleDouble] {
  const r2 = mul(r, r);
  let sin: DoubleDouble = r;
  let cos: DoubleDouble = [1, 0];
  let sinTerm: DoubleDouble = r;
  let cosTerm: DoubleDouble = [1, 0];
  for (let k = 1; k < 40; k++) {
    // Next terms: multiply by −r² and divide by the two new factorial factors.
    sinTerm = divide(mul(sinTerm, r2), -(2 * k) * (2 * k + 1));
    cosTerm = divide(mul(cosTerm, r2), -(2 * k - 1) * (2 * k));
    sin = add(sin, sinTerm);
    cos = add(cos, cosTerm);
    if (Math.abs(cosTerm[0]) < 1e-36 && Math.abs(sinTerm[0]) < 1e-36 * Math.abs(sin[0])) break;
  }
  return [sin, cos];
}

/** Returns [sin x, cos x], each the double nearest the exact value, for moderate |x|. */
function sinCosNearest(x: number): [number, number] {
  if (x === 0) return [x, 1];
  const k = Math.round(x / HALF_PI_1);
  // r = x − k·π/2, with k·π/2 taken exactly enough that r keeps ~106 good bits even near 0.
  let r: DoubleDouble = [x, 0];
  r = add(r, twoProd(-k, HALF_PI_1));
  r = add(r, twoProd(-k, HALF_PI_2));
  r = add(r, twoProd(-k, HALF_PI_3));
  const [s, c] = sinCosReduced(r);
  const sinR = s[0] + s[1];
  const cosR = c[0] + c[1];
  switch (((k % 4) + 4) % 4) {
    case 0:
      return [sinR, cosR];
    case 1:
      return [cosR, -sinR];
    case 2:
      return [-sinR, -cosR];
    default:
      return [-cosR, sinR];
  }
}

/** Returns sin(x) correctly rounded to the nearest double (for |x| up to about 1000). */
export function roundedSin(x: number): number {
  return sinCosNearest(x)[0];
}

/** Returns cos(x) correctly rounded to the nearest double (for |x| up to about 1000). */
export function roundedCos(x: number): number {
  return sinCosNearest(x)[1];
}
