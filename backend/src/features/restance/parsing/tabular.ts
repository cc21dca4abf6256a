import { CsvError, Options, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { ParseError } from './danish-formats';
import {
  assertColumns,
  assertRows,
  checkCsvBytes,
  checkXlsx,
  FILE_LIMITS,
  FileLimits,
  isZip,
  UNREADABLE_XLSX,
} from './file-limits';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  rows: unknown[][];
}

/**
 * Reads a CSV (any of ; , tab; UTF-8 with or without BOM, or Windows-1252) or an XLSX file into rows of
 * cells. The file's shape is checked against `limits` before it is read (FileRejectedError).
 */
export async function readTable(content: Buffer, limits: FileLimits = FILE_LIMITS): Promise<Table> {
  if (content.length === 0) throw new ParseError('Filen er tom');
  if (isZip(content)) {
    checkXlsx(content, limits);
    return readXlsx(content, limits);
  }
  checkCsvBytes(content, limits);
  const { text, encoding } = decode(content);
  if (text.trim() === '') throw new ParseError('Filen er tom');
  const delimiter = detectDelimiter(text);
  return { format: 'csv', encoding, delimiter, rows: parseCsv(text, delimiter, limits) };
}

export function decode(content: Buffer): { text: string; encoding: string } {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(content.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Danish Windows exports are Windows-1252 (æøå as single bytes).
    return { text: new TextDecoder('windows-1252').decode(content), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the first lines most consistently (outside quotes). */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best = ';';
  let bestScore = -1;
  for (const d of [';', ',', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const min = Math.min(...counts);
    const score = min > 0 ? min * 10 + counts.filter((c) => c === counts[0]).length : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * RFC 4180 by csv-parse: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF
 * and a lone CR all end a row. Lenient like the exports it reads: a quote inside an unquoted field is a
 * quote, rows may differ in width, and a quote left open runs to the end of the file. Text right after
 * a closing quote keeps the field as written, quotes and all (csv-parse's reading). An empty last line
 * is no row. Each row's width is checked against `limits` as it is read.
 */
export function parseCsv(
  text: string,
  delimiter: string,
  limits: Pick<FileLimits, 'maxColumns'> = { maxColumns: Infinity },
): string[][] {
  const options: Options = {
    delimiter,
    record_delimiter: lineBreaks(text),
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  };
  let rows: string[][];
  try {
    rows = parse(text, options) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code !== 'CSV_QUOTE_NOT_CLOSED') throw new ParseError('Filen kan ikke læses som CSV');
    // Close the open quote: its field is the rest of the file.
    rows = parse(`${text}"`, options) as string[][];
  }
  // A lone empty field after the last line break ("" or an open quote at the very end) is no row.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && !/[\r\n]$/.test(text)) rows.pop();
  // The file's line length limit (checkCsvBytes) already bounds a row's width while it is read.
  for (const row of rows) if (row.length > limits.maxColumns) assertColumns(row.length, limits);
  return rows;
}

/** The file's line break when it uses one kind only (csv-parse is faster so), else all three. */
function lineBreaks(text: string): string | string[] {
  if (!text.includes('\r')) return '\n';
  if (!text.includes('\n')) return '\r';
  if (!/\r(?!\n)|(?<!\r)\n/.test(text)) return '\r\n';
  return ['\r\n', '\n', '\r'];
}

async function readXlsx(content: Buffer, limits: FileLimits): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ParseError(UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ParseError('Regnearket har ingen ark');
  // Only the cells that exist, each row padded to the widest: never up to a claimed column count.
  const rows: unknown[][] = [];
  let width = 0;
  sheet.eachRow((r, rowNumber) => {
    assertRows(rowNumber, limits);
    const cells: unknown[] = [];
    r.eachCell((cell, column) => {
      assertColumns(column, limits);
      cells[column - 1] = cellValue(cell);
    });
    width = Math.max(width, cells.length);
    rows[rowNumber - 1] = cells;
  });
  const table = Array.from(rows, (r) => {
    const cells = r ?? [];
    for (let c = 0; c < width; c++) cells[c] ??= null;
    return cells;
  });
  return { format: 'xlsx', encoding: 'xlsx', delimiter: null, rows: table };
}

function cellValue(cell: ExcelJS.Cell): unknown {
  // Merged cells report the master cell's value, which is what a merged header means.
  const v = cell.isMerged ? cell.master.value : cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result ?? null; // formula
  if (typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}
