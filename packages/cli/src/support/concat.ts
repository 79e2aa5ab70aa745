import { BarSeries } from '@alphintra/core';

/** Concatenates series with the same extra columns into one new series (copies). */
export function concatSeries(parts: readonly BarSeries[]): BarSeries {
  const first = parts[0];
  if (first === undefined) return BarSeries.empty(1);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = BarSeries.empty(total, first.meta, first.extraNames);
  const extras = new Float64Array(first.extraNames.length);
  for (const part of parts) {
    const columns = part.extraNames.map((name) => part.extra(name) as Float64Array);
    for (let i = 0; i < part.length; i++) {
      for (let k = 0; k < columns.length; k++) extras[k] = (columns[k] as Float64Array)[i] as number;
      out.append(
        part.time[i] as number,
        part.open[i] as number,
        part.high[i] as number,
        part.low[i] as number,
        part.close[i] as number,
        part.volume[i] as number,
        extras,
      );
    }
  }
  return out;
}
