import type { TradeInput } from '../inputs.js';
import { type TradeFigures, tradeFigures } from './trade-statistics.js';

/** The statistics of a subset of trades (one side, or one instrument). */
export type TradeSplit = Pick<
  TradeFigures,
  | 'count'
  | 'winners'
  | 'losers'
  | 'winRate'
  | 'grossProfit'
  | 'grossLoss'
  | 'netProfit'
  | 'profitFactor'
  | 'expectancy'
  | 'averageReturn'
  | 'payoffRatio'
  | 'sqn'
  | 'sqnBasis'
  | 'totalFees'
  | 'averageBars'
  | 'exposureTime'
>;

/** Trade statistics split by side and by instrument. */
export interface TradeSplits {
  readonly bySide: { readonly long: TradeSplit; readonly short: TradeSplit };
  /** One entry per instrument traded, keyed by instrument id, in id order. */
  readonly byInstrument: Readonly<Record<string, TradeSplit>>;
}

function split(trades: readonly TradeInput[], span: readonly [number, number]): TradeSplit {
  const f = tradeFigures(trades, span);
  return {
    count: f.count,
    winners: f.winners,
    losers: f.losers,
    winRate: f.winRate,
    grossProfit: f.grossProfit,
    grossLoss: f.grossLoss,
    netProfit: f.netProfit,
    profitFactor: f.profitFactor,
    expectancy: f.expectancy,
    averageReturn: f.averageReturn,
    payoffRatio: f.payoffRatio,
    sqn: f.sqn,
    sqnBasis: f.sqnBasis,
    totalFees: f.totalFees,
    averageBars: f.averageBars,
    exposureTime: f.exposureTime,
  };
}

/**
 * Returns the statistics of the long and the short trades, and of each instrument's trades,
 * each with the definitions of `tradeFigures` (exposure over the same span).
 *
 * @example
 * tradeSplits(result.trades, [time[0], time[time.length - 1]]).bySide.short.winRate;
 */
export function tradeSplits(trades: readonly TradeInput[], span: readonly [number, number]): TradeSplits {
  const instruments = [...new Set(trades.map((t) => t.instrument))].sort();
  const byInstrument: Record<string, TradeSplit> = {};
  for (const id of instruments)
    byInstrument[id] = split(
      trades.filter((t) => t.instrument === id),
      span,
    );
  return {
    bySide: {
      long: split(
        trades.filter((t) => t.side === 'long'),
        span,
      ),
      short: split(
        trades.filter((t) => t.side === 'short'),
        span,
      ),
    },
    byInstrument,
  };
}
