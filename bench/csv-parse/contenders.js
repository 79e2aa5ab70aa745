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

// Sums one column with four accumulators, so that the pass is bound by memory, not by the
// latency of one chain of additions.
function sumColumn(column) {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const n = column.length - (column.length % 4);
  let i = 0;
  for (; i < n; i += 4) {
    a += column[i];
    b += column[i + 1];
    c += column[i + 2];
    d += column[i + 3];
  }
  for (; i < column.length; i++) a += column[i];
  return a + b + c + d;
}

/**
 * Reads every value of the six columns. Run after a load, it makes a lazily mapped file fault
 * in every page, so that loaders are compared on data actually brought into memory.
 */
export function checksum(series) {
  return (
    sumColumn(series.time) +
    sumColumn(series.open) +
    sumColumn(series.high) +
    sumColumn(series.low) +
    sumColumn(series.close) +
    sumColumn(series.volume)
  );
}

// Warm sumColumn up, on arrays of both kinds of backing store, so that it runs optimised from
// its first timed call: unoptimised it costs ten times as much and would swamp what it is
// there to expose.
{
  const heap = new Float64Array(4096).fill(1);
  const external = new Float64Array(new ArrayBuffer(1 << 20)).fill(1);
  for (let i = 0; i < 300; i++) sumColumn(i % 2 === 0 ? heap : external);
}

const loadDataset = (load) => (_csv, dataset) => {
  const { series, loadedBy } = readDatasetSync(dataset, { load });
  if (loadedBy !== (load === 'read' ? 'read' : 'map')) throw new Error(`expected load ${load}, got ${loadedBy}`);
  return { rows: series.length, check: series.close[series.length - 1], series };
};

const touched = (run) => async (csv, dataset) => {
  const r = await run(csv, dataset);
  return { ...r, sum: checksum(r.series) };
};

const readBarsFile = async (csv) => {
  const { series } = await readBars(csv);
  return { rows: series.length, check: series.close[series.length - 1], series };
};

/**
 * name → function(csvPath, datasetPath) returning { rows, check, series? , sum? }. The
 * `+ checksum` contenders also read every value after loading (see {@link checksum}).
 */
export const contenders = {
  'alphintra readBars (file)': readBarsFile,
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
  '.alph mapped (default)': loadDataset('map'),
  '.alph lazily mapped': loadDataset('map-lazy'),
  '.alph read (no addon)': loadDataset('read'),
  'readBars + checksum': touched(readBarsFile),
  '.alph mapped + checksum': touched(loadDataset('map')),
  '.alph lazily mapped + checksum': touched(loadDataset('map-lazy')),
  '.alph read + checksum': touched(loadDataset('read')),
};
