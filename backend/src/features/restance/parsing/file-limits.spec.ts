import { ParseError } from './danish-formats';
import {
  checkCsvBytes,
  checkSheetXml,
  checkXlsx,
  columnNumber,
  FILE_LIMITS,
  FileRejectedError,
  readZipDirectory,
} from './file-limits';
import {
  fullSheetWorkbook,
  randomBytes,
  sheetXml,
  twoRowWorkbook,
  wideCsv,
  workbook,
  zip,
  zipBombWorkbook,
} from './hostile-files.fixture';
import { parseCsv, readTable } from './tabular';

const small = { ...FILE_LIMITS, maxRows: 10, maxColumns: 5, maxCells: 20, maxLineLength: 50 };

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileRejectedError) return error.message;
    throw error;
  }
  throw new Error('not rejected');
}

describe('file limits', () => {
  it.each([
    ['A', 1],
    ['Z', 26],
    ['AA', 27],
    ['XFD', 16384],
  ])('should read column %s as %i', (letters, n) => {
    expect(columnNumber(letters)).toBe(n);
  });

  describe(checkSheetXml.name, () => {
    it('should accept a sheet within the limits', () => {
      expect(() =>
        checkSheetXml(
          sheetXml('A1:E10', [
            [
              1,
              [
                ['A1', 'x'],
                ['E10', 1],
              ],
            ],
          ]),
          small,
        ),
      ).not.toThrow();
    });

    it.each([
      [
        'a dimension wider than the limit',
        sheetXml('A1:F2', [[1, [['A1', 'x']]]]),
        /for mange kolonner \(6; højst 5\)/,
      ],
      [
        'a dimension longer than the limit',
        sheetXml('A1:B11', [[1, [['A1', 'x']]]]),
        /for mange rækker \(11; højst 10\)/,
      ],
      ['the full-sheet dimension', sheetXml('A1:XFD1048576', []), /for mange kolonner \(16\.384/],
      ['a cell beyond the columns without a dimension', sheetXml(null, [[1, [['G1', 'x']]]]), /kolonner \(7/],
      ['a cell beyond the rows under a small dimension', sheetXml('A1', [[12, [['A12', 'x']]]]), /rækker \(12/],
      [
        'more cells than the limit',
        sheetXml(null, [[1, Array.from({ length: 21 }, () => ['A1', 1] as [string, number])]]),
        /for mange udfyldte celler \(over 20\)/,
      ],
    ])('should refuse %s', (_label, xml, message) => {
      expect(rejection(() => checkSheetXml(xml, small))).toMatch(message);
    });

    it('should refuse a merged range beyond the limits', () => {
      const xml = sheetXml('A1', [[1, [['A1', 'x']]]]).replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      );
      expect(rejection(() => checkSheetXml(xml, small))).toMatch(/for mange kolonner \(16\.384/);
      expect(() => checkSheetXml(xml.replace('XFD1048576', 'E10'), small)).not.toThrow();
    });

    it('should count cells without references too', () => {
      const xml = `<worksheet><sheetData><row>${'<c/>'.repeat(21)}</row></sheetData></worksheet>`;
      expect(rejection(() => checkSheetXml(xml, small))).toMatch(/udfyldte celler/);
    });
  });

  describe(checkXlsx.name, () => {
    it('should refuse the full-sheet workbook and its two-row variant before reading them', () => {
      expect(fullSheetWorkbook().length).toBeLessThan(2000);
      expect(rejection(() => checkXlsx(fullSheetWorkbook()))).toMatch(/16\.384; højst 200/);
      expect(rejection(() => checkXlsx(twoRowWorkbook()))).toMatch(/for mange kolonner/);
    });

    it('should refuse a zip bomb by its declared size', () => {
      const bomb = zipBombWorkbook(101);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(rejection(() => checkXlsx(bomb))).toMatch(/fylder for meget udpakket .*højst 100 MB/);
    });

    it('should refuse an entry that packs tighter than the ratio limit', () => {
      const xml = sheetXml(null, []).replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`);
      expect(rejection(() => checkXlsx(workbook(xml)))).toMatch(/zip-bombe/);
    });

    it('should refuse an entry that inflates to more than its header declares', () => {
      const xml = sheetXml('A1', [[1, [['A1', 'x'.repeat(5000)]]]]);
      expect(() => checkXlsx(workbook(xml, { 'xl/worksheets/sheet1.xml': 100 }))).toThrow(ParseError);
    });

    it('should refuse too many entries', () => {
      const files = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}.xml`, '<x/>']));
      expect(rejection(() => readZipDirectory(zip(files)))).toMatch(/for mange dele \(1\.001; højst 1\.000\)/);
    });

    it('should call a truncated zip unreadable', () => {
      expect(() => checkXlsx(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('junk')]))).toThrow(
        /kan ikke læses/,
      );
    });
  });

  describe(checkCsvBytes.name, () => {
    it('should accept a Danish list in Windows-1252', () => {
      expect(() => checkCsvBytes(Buffer.from('Afd.;Lejemålsnr.\r\n12;Æ-1\r\n', 'latin1'), small)).not.toThrow();
    });

    it.each([
      ['random bytes', randomBytes(), /hverken en CSV-fil eller et regneark/],
      ['a NUL byte', Buffer.from('a;b\r\n1;\u00002\r\n', 'latin1'), /hverken en CSV-fil/],
      ['a line longer than the limit', Buffer.from(`a;b\r\n${'x'.repeat(51)}\r\n`), /linje 2; højst 50 tegn/],
      ['more lines than the limit', Buffer.from('a\n'.repeat(11)), /for mange rækker \(11; højst 10\)/],
      ['a million columns', wideCsv(), /linje 1; højst 100\.000 tegn/],
    ])('should refuse %s', (_label, bytes, message) => {
      expect(rejection(() => checkCsvBytes(bytes, bytes.length > 1000 ? FILE_LIMITS : small))).toMatch(message);
    });

    it('should count characters, not bytes, against the line length', () => {
      expect(() => checkCsvBytes(Buffer.from(`${'æ'.repeat(50)}\n`, 'utf8'), small)).not.toThrow();
    });
  });

  it('should refuse a row wider than the column limit while splitting a CSV', () => {
    expect(() => parseCsv('a;b;c;d;e;f\n', ';', small)).toThrow(/for mange kolonner \(6; højst 5\)/);
    expect(parseCsv('a;b;c;d;e\n', ';', small)).toEqual([['a', 'b', 'c', 'd', 'e']]);
  });

  describe(readTable.name, () => {
    it('should read a workbook by its actual cells, padded to the widest row', async () => {
      const xml = sheetXml('A1:C3', [
        [
          1,
          [
            ['A1', 'Afd.'],
            ['B1', 'Lejemålsnr.'],
          ],
        ],
        [
          3,
          [
            ['A3', 12],
            ['C3', 'x'],
          ],
        ],
      ]);
      const table = await readTable(workbook(xml));
      expect(table.rows).toEqual([
        ['Afd.', 'Lejemålsnr.', null],
        [null, null, null],
        [12, null, 'x'],
      ]);
    });

    it('should refuse the full-sheet workbook quickly', async () => {
      const started = Date.now();
      await expect(readTable(fullSheetWorkbook())).rejects.toThrow(FileRejectedError);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('should refuse a CSV with a million columns quickly', async () => {
      const started = Date.now();
      await expect(readTable(wideCsv())).rejects.toThrow(/for lang/);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
});
