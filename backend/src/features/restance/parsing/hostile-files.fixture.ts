// Test fixtures: hand-made XLSX bytes (a zip of five XML parts), so a test controls what the
// workbook claims (dimension, cell references, sizes) independently of any spreadsheet library.
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of `files`, deflated; `declared` overrides an entry's uncompressed size in both headers. */
export function zip(files: Record<string, string | Buffer>, declared: Record<string, number> = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const size = declared[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A one-sheet workbook around the given worksheet XML (or bytes). */
export function workbook(sheetXml: string | Buffer, declared: Record<string, number> = {}): Buffer {
  return zip(
    {
      '[Content_Types].xml': `${XML}<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      '_rels/.rels': `${XML}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `${XML}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Restancer" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheetXml,
    },
    declared,
  );
}

type Cell = [ref: string, value: string | number];

/** Worksheet XML with a `<dimension ref>` (or none) and rows of cells with explicit references. */
export function sheetXml(dimension: string | null, rows: [row: number, cells: Cell[]][]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = ([ref, v]: Cell) =>
    typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
  const body = rows.map(([r, cells]) => `<row r="${r}">${cells.map(cell).join('')}</row>`).join('');
  const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
  return `${XML}<worksheet xmlns="${NS}/spreadsheetml/2006/main">${dim}<sheetData>${body}</sheetData></worksheet>`;
}

/** The 1.6 KB workbook: a sheet that spans A1:XFD1048576 with three cells. */
export const fullSheetWorkbook = () =>
  workbook(
    sheetXml('A1:XFD1048576', [
      [1, [['A1', 'Afd.']]],
      [
        1048576,
        [
          ['A1048576', 1],
          ['XFD1048576', 2],
        ],
      ],
    ]),
  );

/** Its two-row variant: A1:XFD2. */
export const twoRowWorkbook = () =>
  workbook(
    sheetXml('A1:XFD2', [
      [
        1,
        [
          ['A1', 'Afd.'],
          ['XFD1', 'Lejemålsnr.'],
        ],
      ],
      [2, [['A2', 12]]],
    ]),
  );

/** A zip bomb: a sheet of `megabytes` MB of blank cells without references, a few KB packed. */
export function zipBombWorkbook(megabytes = 300): Buffer {
  const row = `<row>${'<c/>'.repeat(64)}</row>`;
  const head = `${XML}<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>`;
  const tail = '</sheetData></worksheet>';
  const body = Buffer.alloc(megabytes * 1024 * 1024 - head.length - tail.length, row);
  return workbook(Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]));
}

/** A CSV whose header line has `columns` columns. */
export const wideCsv = (columns = 1_000_000) => Buffer.from(`${'a;'.repeat(columns - 1)}a\r\n1;2\r\n`, 'utf8');

/** Random bytes (a fixed seed: the same file every run). */
export function randomBytes(length = 64 * 1024, seed = 13): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}
