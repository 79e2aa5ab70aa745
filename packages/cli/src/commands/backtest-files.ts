import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIsoMicros } from '@alphintra/core';
import { type BacktestResult, resultToJson } from '@alphintra/engine';
import type { BacktestRun } from './backtest.js';
import { manifestOf, metricsOf } from './backtest-report.js';

type Cell = string | number | boolean | null;

function cell(value: Cell): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Returns CSV text (comma-separated, one header line, `\n` line ends, empty cells for missing values). */
export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [headers.join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

const time = (micros: number): string => (Number.isFinite(micros) ? formatIsoMicros(micros) : '');

/** Closed trades, one row each, times in ISO 8601 UTC. */
export function tradesCsv(result: BacktestResult): string {
  return toCsv(
    [
      'id',
      'instrument',
      'side',
      'entry_time',
      'entry_price',
      'quantity',
      'exit_time',
      'exit_price',
      'pnl',
      'return',
      'fees',
      'bars',
      'duration_us',
      'mae',
      'mfe',
    ],
    result.trades.map((t) => [
      t.id,
      t.instrument,
      t.side,
      time(t.entryTime),
      t.entryPrice,
      t.quantity,
      time(t.exitTime),
      t.exitPrice,
      t.pnl,
      t.returnFraction,
      t.fees,
      t.bars,
      t.duration,
      t.mae,
      t.mfe,
    ]),
  );
}

/** The equity curve, one row per timestamp of the run. */
export function equityCsv(result: BacktestResult): string {
  const e = result.equity;
  const rows: Cell[][] = [];
  for (let i = 0; i < e.time.length; i++) {
    rows.push([
      time(e.time[i] as number),
      e.equity[i] as number,
      e.cash[i] as number,
      e.netExposure[i] as number,
      e.grossExposure[i] as number,
    ]);
  }
  return toCsv(['time', 'equity', 'cash', 'net_exposure', 'gross_exposure'], rows);
}

/** Every order with its final state. */
export function ordersCsv(result: BacktestResult): string {
  return toCsv(
    [
      'id',
      'instrument',
      'side',
      'kind',
      'quantity',
      'filled_quantity',
      'average_price',
      'limit_price',
      'stop_price',
      'time_in_force',
      'status',
      'reason',
      'tag',
      'parent_id',
      'submit_time',
      'update_time',
      'fees',
    ],
    result.orders.map((o) => [
      o.id,
      o.instrument,
      o.side,
      o.kind,
      o.quantity,
      o.filledQuantity,
      o.averagePrice,
      o.limitPrice,
      o.stopPrice,
      o.timeInForce,
      o.status,
      o.reason,
      o.tag,
      o.parentId,
      time(o.submitTime),
      time(o.updateTime),
      o.fees,
    ]),
  );
}

/** The files `--out` writes, in the order they are written. */
export const OUTPUT_FILES = [
  'result.json',
  'trades.csv',
  'equity.csv',
  'orders.csv',
  'manifest.json',
  'metrics.json',
] as const;

/**
 * Writes a run to `dir` (created if missing): result.json (the engine's full result),
 * trades.csv, equity.csv, orders.csv and manifest.json. Equal runs write equal bytes.
 */
export async function writeBacktestFiles(dir: string, run: BacktestRun): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof OUTPUT_FILES)[number], string> = {
    'result.json': `${JSON.stringify(resultToJson(run.result))}\n`,
    'trades.csv': tradesCsv(run.result),
    'equity.csv': equityCsv(run.result),
    'orders.csv': ordersCsv(run.result),
    'manifest.json': `${JSON.stringify(manifestOf(run), null, 2)}\n`,
    'metrics.json': `${JSON.stringify(metricsOf(run), null, 2)}\n`,
  };
  const written: string[] = [];
  for (const name of OUTPUT_FILES) {
    const path = join(dir, name);
    await writeFile(path, contents[name]);
    written.push(path);
  }
  return written;
}
