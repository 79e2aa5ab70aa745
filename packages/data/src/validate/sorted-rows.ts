/**
 * Returns the row indices of `time` in ascending time order, ties in row order (a stable
 * sort), or `undefined` when the rows are already in order (the common case, one pass).
 */
export function sortedOrder(time: Float64Array): Uint32Array | undefined {
  const n = time.length;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if ((time[i] as number) < (time[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return undefined;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
  return order;
}

/**
 * Returns the rows in time order with repeated timestamps removed (the first row of each
 * time, in original row order, is kept).
 */
export function uniqueSortedRows(time: Float64Array, order: Uint32Array | undefined): Uint32Array {
  const n = time.length;
  const rows = new Uint32Array(n);
  let m = 0;
  let last = Number.NaN;
  for (let k = 0; k < n; k++) {
    const row = order === undefined ? k : (order[k] as number);
    const t = time[row] as number;
    if (t === last) continue;
    rows[m++] = row;
    last = t;
  }
  return m === n ? rows : rows.slice(0, m);
}
