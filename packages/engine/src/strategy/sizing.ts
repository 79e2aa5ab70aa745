import { AlphintraError } from '@alphintra/core';

const check = (name: string, value: number, positive = true): number => {
  if (!Number.isFinite(value) || (positive ? value <= 0 : value < 0)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected ${positive ? 'a positive' : 'a non-negative'} ${name}, got ${value}`,
    );
  }
  return value;
};

/**
 * Units to buy so that `fraction` of equity is invested at `price`: `⌊fraction·equity / (price·multiplier)⌋`.
 *
 * @example
 * fixedFractionQuantity(100_000, 0.1, 50); // 200
 */
export function fixedFractionQuantity(equity: number, fraction: number, price: number, multiplier = 1): number {
  return Math.floor(
    (check('equity', equity, false) * check('fraction', fraction)) / (check('price', price) * multiplier),
  );
}

/**
 * Fraction of equity to hold so the position's volatility matches a target:
 * `targetVolatility / instrumentVolatility`, capped at `maxLeverage`. Both volatilities in the
 * same units (e.g. annualised).
 *
 * @example
 * volatilityTargetFraction(0.10, 0.25); // 0.4
 */
export function volatilityTargetFraction(
  targetVolatility: number,
  instrumentVolatility: number,
  maxLeverage = 1,
): number {
  check('target volatility', targetVolatility);
  if (!(instrumentVolatility > 0)) return 0;
  return Math.min(maxLeverage, targetVolatility / instrumentVolatility);
}

/**
 * Units such that being stopped out loses `riskFraction` of equity:
 * `⌊riskFraction·equity / (|entry − stop|·multiplier)⌋`.
 *
 * @example
 * riskPerTradeQuantity(100_000, 0.01, 50, 48); // 500: a $2 stop risks $1,000
 */
export function riskPerTradeQuantity(
  equity: number,
  riskFraction: number,
  entryPrice: number,
  stopPrice: number,
  multiplier = 1,
): number {
  const distance = Math.abs(check('entry price', entryPrice) - check('stop price', stopPrice));
  if (distance === 0)
    throw new AlphintraError('INVALID_ARGUMENT', 'expected a stop price different from the entry price');
  return Math.floor((check('equity', equity, false) * check('risk fraction', riskFraction)) / (distance * multiplier));
}

/**
 * The Kelly fraction for a bet won with probability `winRate` paying `winLossRatio` times
 * what a loss costs: `p − (1 − p) / b`, scaled by `scale` (½ for "half Kelly"), floored at 0.
 *
 * @example
 * kellyFraction(0.55, 1); // 0.1
 */
export function kellyFraction(winRate: number, winLossRatio: number, scale = 1): number {
  if (!(winRate >= 0 && winRate <= 1))
    throw new AlphintraError('INVALID_ARGUMENT', `expected a win rate in [0, 1], got ${winRate}`);
  check('win/loss ratio', winLossRatio);
  return Math.max(0, (winRate - (1 - winRate) / winLossRatio) * scale);
}
