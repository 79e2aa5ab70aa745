/**
 * Prints rows as an aligned plain-text table; a column of numeric-looking cells (or the
 * placeholders `-` and `n/a`, with an optional footnote mark) is right-aligned.
 */
export function printTable(headers: string[], rows: string[][], out: (line: string) => void): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^-?[\d,.]+%?$|^$|^-$|^n\/a\*?$/.test(r[i] ?? '')),
  );
  const format = (cells: string[]): string =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  out(format(headers));
  out(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) out(format(row));
}
