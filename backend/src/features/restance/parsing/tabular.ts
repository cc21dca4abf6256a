import ExcelJS from 'exceljs';

import { ParseError } from './danish-formats';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  rows: unknown[][];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a CSV (any of ; , tab; UTF-8 with or without BOM, or Windows-1252) or an XLSX file into rows of cells. */
export async function readTable(content: Buffer): Promise<Table> {
  if (content.length === 0) throw new ParseError('Filen er tom');
  if (content.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(content);
  const { text, encoding } = decode(content);
  if (text.trim() === '') throw new ParseError('Filen er tom');
  const delimiter = detectDelimiter(text);
  return { format: 'csv', encoding, delimiter, rows: parseCsv(text, delimiter) };
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

/** RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ParseError('Regnearket kan ikke læses (er det en gyldig .xlsx-fil?)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ParseError('Regnearket har ingen ark');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r, rowNumber) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellValue(r.getCell(c)));
    rows[rowNumber - 1] = cells;
  });
  return { format: 'xlsx', encoding: 'xlsx', delimiter: null, rows: Array.from(rows, (r) => r ?? []) };
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
