/**
 * Rounds a price to a multiple of `tick` in the given direction (+1 up, -1 down, 0 nearest).
 * Dividing by the tick's reciprocal when it is a whole number keeps decimal ticks exact
 * (`10001 / 100` is the double nearest 100.01, `10001 * 0.01` is not).
 */
export function roundToTick(price: number, tick: number, direction: -1 | 0 | 1): number {
  if (!(tick > 0) || !Number.isFinite(price)) return price;
  const inverse = 1 / tick;
  const wholeInverse = Math.abs(inverse - Math.round(inverse)) < 1e-9 ? Math.round(inverse) : 0;
  const steps = wholeInverse > 0 ? price * wholeInverse : price / tick;
  // A tolerance so that a price already on the grid (up to float noise) stays put.
  const snapped = Math.round(steps);
  let n: number;
  if (Math.abs(steps - snapped) < 1e-7) n = snapped;
  else if (direction > 0) n = Math.ceil(steps);
  else if (direction < 0) n = Math.floor(steps);
  else n = snapped;
  return wholeInverse > 0 ? n / wholeInverse : n * tick;
}

/** Rounds a quantity down to whole lots (toward zero), tolerant of float noise. */
export function roundToLots(quantity: number, lot: number): number {
  if (!(lot > 0) || !Number.isFinite(quantity)) return quantity;
  const inverse = 1 / lot;
  const wholeInverse = Math.abs(inverse - Math.round(inverse)) < 1e-9 ? Math.round(inverse) : 0;
  const steps = wholeInverse > 0 ? Math.abs(quantity) * wholeInverse : Math.abs(quantity) / lot;
  const snapped = Math.round(steps);
  const n = Math.abs(steps - snapped) < 1e-7 ? snapped : Math.floor(steps);
  const units = wholeInverse > 0 ? n / wholeInverse : n * lot;
  return quantity < 0 ? -units : units;
}
