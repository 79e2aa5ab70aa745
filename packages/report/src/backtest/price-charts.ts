import type { Trade } from '@alphintra/engine';
import { PALETTE } from '../charts/colors.js';
import { type MarkerInput, type TimeSeriesChart, timeSeriesChart } from '../charts/time-series.js';
import type { BacktestReportInput } from './report-input.js';

/** Returns the entry and exit markers of an instrument's trades. */
export function tradeMarkers(trades: readonly Trade[]): MarkerInput[] {
  const markers: MarkerInput[] = [];
  for (const t of trades) {
    const long = t.side === 'long';
    markers.push({
      time: t.entryTime,
      position: long ? 'belowBar' : 'aboveBar',
      shape: long ? 'arrowUp' : 'arrowDown',
      color: long ? PALETTE.long : PALETTE.short,
      text: '',
    });
    markers.push({
      time: t.exitTime,
      position: long ? 'aboveBar' : 'belowBar',
      shape: 'circle',
      color: PALETTE.exit,
      text: '',
    });
  }
  return markers;
}

/** A chart per instrument, or the reason there is none. */
export type PriceChart =
  | { readonly kind: 'chart'; readonly instrument: string; readonly chart: TimeSeriesChart }
  | { readonly kind: 'missing'; readonly instrument: string };

/**
 * Returns a candlestick chart per instrument of the run (in the manifest's order) with its
 * trades' entries (▲ long, ▼ short) and exits (●) marked at the bars they filled on.
 */
export function priceCharts({ result, options }: BacktestReportInput): PriceChart[] {
  return result.manifest.data.map((d, k) => {
    const prices = options.prices.find((p) => p.instrument === d.instrument);
    if (prices === undefined) return { kind: 'missing', instrument: d.instrument };
    const bars = prices.bars;
    const chart = timeSeriesChart({
      id: `price-chart-${k}`,
      title: `${d.instrument} price`,
      note: 'Candles of the bars the run used. ▲ long entry, ▼ short entry, ● exit, at the bar the fill happened on.',
      time: bars.time,
      series: [
        { kind: 'candlestick', name: d.instrument, open: bars.open, high: bars.high, low: bars.low, close: bars.close },
      ],
      valueFormat: 'price',
      markers: tradeMarkers(result.trades.filter((t) => t.instrument === d.instrument)),
      logScaleToggle: true,
      height: 340,
    });
    return { kind: 'chart', instrument: d.instrument, chart };
  });
}
