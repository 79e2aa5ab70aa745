// One contender per entry: each parses the same CSV into columnar Float64Arrays
// (epoch-microsecond timestamps + open/high/low/close/volume), the work a backtest needs.
import { readFileSync } from 'node:fs';
import { parseBars, readBars, readDatasetSync } from '@alphintra/data';
import { parse as csvParseSync } from 'csv-parse/sync';
import Papa from 'papaparse';

function toColumns(rows, skipHeader) {
  const n = rows.length - (skipHeader ? 1 : 0);
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let k = 0;
  for (let i = skipHeader ? 1 : 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.length < 6) continue;
    time[k] = Date.parse(r[0]) * 1000;
    open[k] = Number(r[1]);
    high[k] = Number(r[2]);
    low[k] = Number(r[3]);
    close[k] = Number(r[4]);
    volume[k] = Number(r[5]);
    k++;
  }
  return { rows: k, close };
}

/** name → function(csvPath, datasetPath) returning { rows, checksum }. */
export const contenders = {
  'alphintra readBars (file)': async (csv) => {
    const { series } = await readBars(csv);
    return { rows: series.length, check: series.close[series.length - 1] };
  },
  'alphintra parseBars (in memory)': async (csv) => {
    const { series } = parseBars(readFileSync(csv));
    return { rows: series.length, check: series.close[series.length - 1] };
  },
  'papaparse (fastMode)': async (csv) => {
    const text = readFileSync(csv, 'utf8');
    const { data } = Papa.parse(text, { fastMode: true, skipEmptyLines: true });
    const { rows, close } = toColumns(data, true);
    return { rows, check: close[rows - 1] };
  },
  'papaparse (dynamicTyping)': async (csv) => {
    const text = readFileSync(csv, 'utf8');
    const { data } = Papa.parse(text, { dynamicTyping: true, skipEmptyLines: true });
    const { rows, close } = toColumns(data, true);
    return { rows, check: close[rows - 1] };
  },
  'csv-parse (sync)': async (csv) => {
    const text = readFileSync(csv, 'utf8');
    const data = csvParseSync(text, { skip_empty_lines: true });
    const { rows, close } = toColumns(data, true);
    return { rows, check: close[rows - 1] };
  },
  'alphintra readDatasetSync (.alph)': async (_csv, dataset) => {
    const { series } = readDatasetSync(dataset);
    return { rows: series.length, check: series.close[series.length - 1] };
  },
};
