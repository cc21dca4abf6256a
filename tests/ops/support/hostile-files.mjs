// Generated hostile uploads for the operations tests (the backend's unit tests build the same
// shapes in backend/src/features/restance/parsing/hostile-files.fixture.ts).
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of `files`, deflated. */
export function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
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
const SHEET_HEAD = `${XML}<worksheet xmlns="${NS}/spreadsheetml/2006/main">`;

/** A one-sheet workbook around the given worksheet XML (string or bytes). */
export function workbook(sheet) {
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Restancer" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  });
}

const cell = ([ref, v]) =>
  typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

/** Worksheet XML with a `<dimension ref>` and rows of `[ref, value]` cells. */
export function sheetXml(dimension, rows) {
  const body = rows.map(([r, cells]) => `<row r="${r}">${cells.map(cell).join('')}</row>`).join('');
  return `${SHEET_HEAD}<dimension ref="${dimension}"/><sheetData>${body}</sheetData></worksheet>`;
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

/** Its two-row variant (A1:XFD2). */
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

/** A zip bomb: a sheet of `megabytes` MB of blank cells, a few hundred KB packed. */
export function zipBombWorkbook(megabytes = 300) {
  const tail = Buffer.from('</sheetData></worksheet>');
  const head = Buffer.from(`${SHEET_HEAD}<sheetData>`);
  const body = Buffer.alloc(megabytes * 1024 * 1024 - head.length - tail.length, `<row>${'<c/>'.repeat(64)}</row>`);
  return workbook(Buffer.concat([head, body, tail]));
}

/**
 * A workbook inside every limit that takes long to read: `rows` × 20 numeric cells (~4 million at
 * the default), which packs to a few MB. It meets the parse time budget.
 */
export function slowWorkbook(rows = 195_000) {
  const chunks = [`${SHEET_HEAD}<dimension ref="A1:T${rows}"/><sheetData>`];
  const columns = 'ABCDEFGHIJKLMNOPQRST';
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns.length; c++) row += `<c r="${columns[c]}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
    chunks.push(`${row}</row>`);
  }
  chunks.push('</sheetData></worksheet>');
  return workbook(Buffer.from(chunks.join(''), 'utf8'));
}

/** A CSV whose header line has `columns` columns. */
export const wideCsv = (columns = 1_000_000) => Buffer.from(`${'a;'.repeat(columns - 1)}a\r\n1;2\r\n`, 'utf8');

/** Random bytes from a fixed seed (the same file every run). */
export function randomBytes(length = 64 * 1024, seed = 13) {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}
