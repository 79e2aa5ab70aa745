import { BarSeries, defineInstrument, type EquityInstrument, timeframe } from '@alphintra/core';
import { defineStrategy } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { type BacktestRun, executeBacktest } from './backtest.js';
import { backtestJson, printBacktestSummary } from './backtest-report.js';

const DAY = 86_400_000_000;
const JAN_1 = Date.UTC(2024, 0, 1) * 1000;

/** A run that buys 10 shares of a EUR stock at 50 in a USD account, EUR/USD at 1.1. */
function eurRun(): BacktestRun {
  const n = 3;
  const column = (value: number) => new Float64Array(n).fill(value);
  const series = BarSeries.fromColumns(
    {
      time: Float64Array.from({ length: n }, (_, i) => JAN_1 + i * DAY),
      open: column(50),
      high: column(50),
      low: column(50),
      close: column(50),
      volume: column(1_000),
    },
    { symbol: 'SAP', timeframe: timeframe('day') },
  );
  const instrument = defineInstrument<EquityInstrument>({ kind: 'equity', symbol: 'SAP', venue: 'X', currency: 'EUR' });
  const definition = defineStrategy({
    name: 'buy-once',
    parameters: {},
    create: (ctx) => ({ onBar: (bar) => void (bar.index === 0 && ctx.buy(10)) }),
  });
  return executeBacktest({
    strategy: { definition, file: 'buy-once.ts', codeHash: '0'.repeat(64) },
    sources: [{ input: 'sap.csv', data: { instrument, series, hash: 'x' } }],
    config: { currency: 'USD' },
    parameters: {},
    benchmark: { name: 'buy and hold SAP.X', input: null, prices: series },
    quiet: true,
    fxRates: { table: { 'EUR/USD': 1.1 }, files: {} },
  });
}

describe('the backtest report of a multi-currency run', () => {
  it('names the account currency and prints every balance', () => {
    const lines: string[] = [];
    printBacktestSummary(eurRun(), (line) => lines.push(line));
    expect(lines).toContain('  final equity     100,000.00 USD (from 100,000.00)');
    expect(lines).toContain('  balances         USD 100,000.00, EUR -500.00');
  });

  it('puts the final balances in the JSON document', () => {
    expect(backtestJson(eurRun()).balances).toEqual([
      { currency: 'USD', amount: 100_000, rate: 1, value: 100_000 },
      { currency: 'EUR', amount: -500, rate: 1.1, value: -550 },
    ]);
  });
});
