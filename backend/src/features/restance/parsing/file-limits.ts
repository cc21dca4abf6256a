import { inflateRawSync } from 'node:zlib';

import { ParseError } from './danish-formats';

/**
 * Limits on an uploaded restanceliste. A monthly list holds at most ~100,000 tenancies with a dozen
 * columns; each limit leaves room for twice that, and refuses what no ERP export looks like before
 * it is read cell by cell (a 1.6 KB workbook can claim 16,384 × 1,048,576 cells).
 */
export const FILE_LIMITS = {
  /** Data rows plus header and title rows, in a sheet or a CSV file. */
  maxRows: 200_000,
  maxColumns: 200,
  /** Non-empty cells in the sheet (XLSX). */
  maxCells: 4_000_000,
  /** Characters on one line of a CSV file. */
  maxLineLength: 100_000,
  /** Share of control characters (other than tab, CR, LF) above which a file is not text. */
  maxControlShare: 0.01,
  zipMaxEntries: 1_000,
  /** Decompressed bytes of all entries together, and of one entry. */
  zipMaxTotalBytes: 100 * 1024 * 1024,
  /** Decompressed : compressed, checked for entries above `zipRatioFromBytes`. */
  zipMaxRatio: 100,
  zipRatioFromBytes: 1024 * 1024,
} as const;

/** Limits a file can be checked against: the defaults, or tighter ones in tests. */
export type FileLimits = { readonly [K in keyof typeof FILE_LIMITS]: number };

/** A file refused for its shape or size (not for a bad row): the Danish message says which limit. */
export class FileRejectedError extends Error {}

export const UNREADABLE_XLSX = 'Regnearket kan ikke læses (er det en gyldig .xlsx-fil?)';
const da = (n: number) => n.toLocaleString('da-DK');

export const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const isZip = (content: Buffer) => content.subarray(0, 4).equals(XLSX_MAGIC);

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The zip's central directory, read from the buffer without decompressing anything, and checked:
 * entry count, each entry's declared size and ratio, and the declared total. Zip64 is refused (an
 * honest list is far below 4 GB).
 */
export function readZipDirectory(content: Buffer, limits: FileLimits = FILE_LIMITS): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = content.length - 22; i >= Math.max(0, content.length - 22 - 0xffff); i--) {
    if (content.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ParseError(UNREADABLE_XLSX);
  const count = content.readUInt16LE(eocd + 10);
  const dirOffset = content.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ParseError(UNREADABLE_XLSX);
  if (count > limits.zipMaxEntries) {
    throw new FileRejectedError(
      `Regnearket indeholder for mange dele (${da(count)}; højst ${da(limits.zipMaxEntries)}). Gem det igen fra Excel.`,
    );
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ParseError(UNREADABLE_XLSX);
    }
    const nameLength = content.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localHeaderOffset: content.readUInt32LE(at + 42),
      name: content.toString('utf8', at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
    checkEntrySize(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.zipMaxTotalBytes) throw tooLarge(total, limits);
    entries.push(entry);
  }
  return entries;
}

function checkEntrySize(entry: ZipEntry, limits: FileLimits): void {
  if (entry.uncompressedSize > limits.zipMaxTotalBytes) throw tooLarge(entry.uncompressedSize, limits);
  if (
    entry.uncompressedSize > limits.zipRatioFromBytes &&
    entry.uncompressedSize > limits.zipMaxRatio * Math.max(1, entry.compressedSize)
  ) {
    throw new FileRejectedError(
      `Regnearket er pakket unaturligt tæt (en del fylder ${da(Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)))} gange mere udpakket; højst ${limits.zipMaxRatio}). Filen afvises som en mulig zip-bombe.`,
    );
  }
}

const tooLarge = (bytes: number, limits: FileLimits) =>
  new FileRejectedError(
    `Regnearket fylder for meget udpakket (over ${da(Math.floor(bytes / 1024 / 1024))} MB; højst ${da(limits.zipMaxTotalBytes / 1024 / 1024)} MB).`,
  );

/**
 * An entry's bytes, inflated with a cap at its declared size: an entry that inflates to more than
 * its central directory claims is refused, not read to the end.
 */
export function readZipEntry(content: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > content.length || content.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new ParseError(UNREADABLE_XLSX);
  }
  const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
  const data = content.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ParseError(UNREADABLE_XLSX);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    // Corrupt data, or more bytes than declared (RangeError from maxOutputLength): both unreadable.
    throw new ParseError(UNREADABLE_XLSX);
  }
  if (out.length !== entry.uncompressedSize) throw new ParseError(UNREADABLE_XLSX);
  return out;
}

/** "XFD" → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const tooManyColumns = (columns: number, limits: Pick<FileLimits, 'maxColumns'>) =>
  new FileRejectedError(
    `Filen har for mange kolonner (${da(columns)}; højst ${da(limits.maxColumns)}). Slet tomme kolonner, eller gem kun restancelisten.`,
  );
const tooManyRows = (rows: number, limits: Pick<FileLimits, 'maxRows'>) =>
  new FileRejectedError(
    `Filen har for mange rækker (${da(rows)}; højst ${da(limits.maxRows)}). Slet tomme rækker, eller del listen op.`,
  );

export function assertColumns(columns: number, limits: Pick<FileLimits, 'maxColumns'> = FILE_LIMITS): void {
  if (columns > limits.maxColumns) throw tooManyColumns(columns, limits);
}

export function assertRows(rows: number, limits: Pick<FileLimits, 'maxRows'> = FILE_LIMITS): void {
  if (rows > limits.maxRows) throw tooManyRows(rows, limits);
}

const DIMENSION = /<(?:\w+:)?dimension\s[^>]*?ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/;
const CELL_REF = /<(?:\w+:)?c\s[^>]*?r="([A-Z]{1,3})(\d+)"/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\s[^>]*?ref="[A-Z]{1,3}\d+:([A-Z]{1,3})(\d+)"/g;
const CELL_TAG = /<(?:\w+:)?c[\s/>]/g;

/**
 * Checks a worksheet's XML before a spreadsheet library reads it: the declared `<dimension ref>`,
 * then every cell's own reference (the dimension is optional and may lie), merged ranges, and the
 * number of cells.
 */
export function checkSheetXml(xml: string, limits: FileLimits = FILE_LIMITS): void {
  const dimension = DIMENSION.exec(xml.slice(0, 4096));
  if (dimension) {
    const to = dimension[3] ? [dimension[3], dimension[4]] : [dimension[1], dimension[2]];
    assertColumns(columnNumber(to[0]), limits);
    assertRows(Number(to[1]), limits);
  }
  let maxColumn = 0;
  let maxRow = 0;
  for (const m of xml.matchAll(CELL_REF)) {
    const column = columnNumber(m[1]);
    const row = Number(m[2]);
    if (column > maxColumn) assertColumns((maxColumn = column), limits);
    if (row > maxRow) assertRows((maxRow = row), limits);
  }
  // A merged range becomes one cell per position when read: it may not reach past the limits either.
  for (const m of xml.matchAll(MERGE_REF)) {
    assertColumns(columnNumber(m[1]), limits);
    assertRows(Number(m[2]), limits);
  }
  let cells = 0;
  CELL_TAG.lastIndex = 0;
  while (CELL_TAG.exec(xml)) {
    if (++cells > limits.maxCells) {
      throw new FileRejectedError(
        `Regnearket har for mange udfyldte celler (over ${da(limits.maxCells)}). Gem kun restancelisten.`,
      );
    }
  }
}

/** The first worksheet's entry: via workbook.xml and its relationships, else the first sheet file. */
export function firstSheetEntry(content: Buffer, entries: ZipEntry[]): ZipEntry {
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? readZipEntry(content, e).toString('utf8') : '';
  };
  const sheetRid = /<(?:\w+:)?sheet\s[^>]*?r:id="([^"]+)"/.exec(text('xl/workbook.xml'))?.[1];
  if (sheetRid) {
    const rels = text('xl/_rels/workbook.xml.rels');
    for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
      if (m[0].includes(`Id="${sheetRid}"`)) {
        const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        const entry = byName.get(path.replace(/\/\.\//g, '/'));
        if (entry) return entry;
      }
    }
  }
  const fallback = entries
    .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  if (!fallback) throw new FileRejectedError('Regnearket har ingen ark');
  return fallback;
}

/**
 * Everything about an XLSX that can be checked before the spreadsheet is loaded: the zip's
 * directory, then the first sheet's XML (inflated with a cap).
 */
export function checkXlsx(content: Buffer, limits: FileLimits = FILE_LIMITS): void {
  const entries = readZipDirectory(content, limits);
  const sheet = firstSheetEntry(content, entries);
  checkSheetXml(readZipEntry(content, sheet).toString('utf8'), limits);
}

/**
 * Byte-level checks of a CSV before it is decoded: a text file (no NUL bytes, hardly any control
 * characters), line length and line count. Columns are counted when the rows are split (parseCsv).
 */
export function checkCsvBytes(content: Buffer, limits: FileLimits = FILE_LIMITS): void {
  let control = 0;
  for (let i = 0; i < content.length; i++) {
    const b = content[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      if (b === 0 || ++control > content.length * limits.maxControlShare + 8) {
        throw new FileRejectedError(
          'Filen er hverken en CSV-fil eller et regneark (.xlsx). Gem listen som CSV eller .xlsx, og prøv igen.',
        );
      }
    }
  }
  let lines = 0;
  for (let start = 0; start < content.length;) {
    let end = content.indexOf(0x0a, start);
    if (end < 0) end = content.length;
    if (end - start > limits.maxLineLength && charactersIn(content, start, end) > limits.maxLineLength) {
      throw new FileRejectedError(
        `En linje i filen er for lang (linje ${da(lines + 1)}; højst ${da(limits.maxLineLength)} tegn). Er det den rigtige fil?`,
      );
    }
    assertRows(++lines, limits);
    start = end + 1;
  }
}

/** Characters in a UTF-8 byte range (continuation bytes do not start one). */
function charactersIn(content: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((content[i] & 0xc0) !== 0x80) n++;
  return n;
}
