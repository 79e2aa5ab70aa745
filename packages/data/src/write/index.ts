export type { CsvWriteOptions, TimeFormat } from './csv-writer.js';
export { csvHeader, formatCsvRows, writeCsv } from './csv-writer.js';
export { barRecord, writeJson } from './json-writer.js';
