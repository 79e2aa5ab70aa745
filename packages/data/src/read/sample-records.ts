/**
 * Splitting a decoded text sample into records, and choosing its delimiter. Used on the
 * first chunk only, so clarity wins over speed here.
 */

/** Delimiters tried, in order of preference on ties. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|', ' '];

/**
 * Returns up to `maxRecords` records of `text` split on `delimiter` (RFC 4180 quoting), with
 * the one-based line each starts on. When `partial`, the last record, which may be cut off,
 * is dropped. Blank lines and `#` comment lines are skipped.
 */
export function splitRecords(
  text: string,
  delimiter: string,
  maxRecords: number,
  partial: boolean,
): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  let sawContent = false;
  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) {
      records.push(fields);
      lines.push(recordLine);
    }
    fields = [];
    field = '';
    sawContent = false;
  };
  while (i < n && records.length < maxRecords) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '#' && field === '' && fields.length === 0) {
      // A comment runs to the line end, quotes and delimiters included.
      while (i + 1 < n && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if (ch === '"' && field === '') {
      quoted = true;
      sawContent = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      sawContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (!sawContent) recordLine = line;
      sawContent = true;
      field += ch;
    }
    i++;
  }
  if (i >= n && records.length < maxRecords && (field !== '' || fields.length > 0) && !partial) endRecord();
  return { records, lines };
}

function mode(values: number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  let best = { value: 0, count: 0 };
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > best.count) best = { value: v, count: c };
  }
  return best;
}

/**
 * Returns the delimiter that splits the sample's lines into the most consistent number of
 * fields (at least two), or undefined when none does.
 */
export function detectDelimiter(text: string, partial: boolean): string | undefined {
  let best: { delimiter: string; score: number; fields: number } | undefined;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const { records } = splitRecords(text, delimiter, 60, partial);
    if (records.length === 0) continue;
    const counts = records.map((r) => r.length);
    let data = counts.length > 1 ? counts.slice(1) : counts;
    // The last line may be cut off; let it not vote.
    if (data.length >= 2) data = data.slice(0, -1);
    const m = mode(data);
    if (m.value < 2 || m.count * 2 <= data.length) continue;
    // The header may name one column fewer than the rows (date and time in one name).
    const headerFits = counts[0] === m.value || counts[0] === m.value - 1 ? 1 : 0;
    const score = m.count + headerFits;
    // Space splits ISO date-times; take it only when nothing else works.
    const penalty = delimiter === ' ' ? 0.5 : 1;
    const weighted = score * penalty;
    if (
      best === undefined ||
      weighted > best.score ||
      (weighted === best.score && m.value > best.fields && delimiter !== ' ')
    ) {
      best = { delimiter, score: weighted, fields: m.value };
    }
  }
  return best?.delimiter;
}
