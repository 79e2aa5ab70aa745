/** Colours of the report, chosen to stay readable in print and for red–green colour blindness. */
export const PALETTE = {
  strategy: '#2962ff',
  benchmark: '#8d6e63',
  drawdown: '#d32f2f',
  sharpe: '#00897b',
  volatility: '#f57c00',
  long: '#1b5e20',
  short: '#b71c1c',
  exit: '#424242',
  axis: '#6b7280',
  bar: '#5c6bc0',
  expected: '#f57c00',
} as const;

const NEGATIVE: readonly [number, number, number] = [202, 0, 32];
const POSITIVE: readonly [number, number, number] = [5, 113, 176];

/**
 * Returns the fill of a value on a diverging scale centred at `center`: white at the centre,
 * deepening to red below and to blue above, full colour at `center ± scale` and beyond (red and
 * blue rather than red and green, which many readers cannot tell apart).
 */
export function divergingColor(value: number, scale: number, center = 0): string {
  if (!Number.isFinite(value)) return '#f3f4f6';
  const t = scale > 0 ? Math.min(1, Math.abs(value - center) / scale) : 0;
  const target = value < center ? NEGATIVE : POSITIVE;
  const channel = (c: number): number => Math.round(255 + (c - 255) * t);
  return `rgb(${channel(target[0])},${channel(target[1])},${channel(target[2])})`;
}

/** Returns a text colour that reads on a {@link divergingColor} fill of the same value. */
export function textColorOn(value: number, scale: number, center = 0): string {
  const t = scale > 0 && Number.isFinite(value) ? Math.abs(value - center) / scale : 0;
  return t > 0.6 ? '#ffffff' : '#111827';
}
