import ExcelJS from 'exceljs';

import { parseAmount, parseDate } from './danish-formats';
import { DEFAULT_ALIASES, parseRestanceliste } from './restance-parser';

const HEADER =
  'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Ældste forfald;Påkrav;Ophævelse;Betalingsaftale;Bemærkning';

describe('Danish formats', () => {
  it.each([
    ['12.345,50', 12345.5],
    ['-1.200,00 kr.', -1200],
    ['1200', 1200],
    ['1 200,5', 1200.5],
    ['(300,00)', -300],
    ['300,00-', -300],
    ['DKK 1.234', 1234],
    ['1,234.56', 1234.56],
    [' ', null],
    [4711.129, 4711.13],
  ])('should read the amount %p as %p', (raw, expected) => {
    expect(parseAmount(raw)).toBe(expected);
  });

  it.each(['12,34,5', 'abc', '1.2.3,4,5', '--5'])('should reject the amount %p with a Danish message', (raw) => {
    expect(() => parseAmount(raw)).toThrow(/kan ikke læses/);
  });

  it.each([
    ['05-11-2026', '2026-11-05'],
    ['5.11.2026', '2026-11-05'],
    ['05.11.26', '2026-11-05'],
    ['5/11/2026', '2026-11-05'],
    ['2026-11-05', '2026-11-05'],
    [new Date(Date.UTC(2026, 10, 5)), '2026-11-05'],
    ['', null],
  ])('should read the date %p', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each(['31-02-2026', '2026-13-01', '5 nov'])('should reject the date %p', (raw) => {
    expect(() => parseDate(raw)).toThrow(/Datoen/);
  });
});

describe(parseRestanceliste.name, () => {
  it('should read a semicolon CSV with quotes, a BOM, blank cells and a totals row', async () => {
    const csv = [
      HEADER,
      '12;12-0103;"Ali, Fatima";Engparken 3, 1. th.;4.250,00;2;01-10-2026;05.11.26;;nej;',
      '12;12-0702;Birthe Jensen;"Engparken 7; 2. tv.";"12.345,50";5;2026-07-01;01-09-2026;01-10-2026;ja;"Sagt ""nej"" til aftale"',
      '',
      ';;I alt;;16.595,50;;;;;;',
    ].join('\r\n');
    const result = await parseRestanceliste(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
      DEFAULT_ALIASES,
    );
    expect(result.table).toEqual({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';' });
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toHaveLength(2);
    expect(result.accepted[0]).toMatchObject({
      afdeling: '12',
      lejemaalsnummer: '12-0103',
      tenantNames: 'Ali, Fatima',
      amount: 4250,
      months: 2,
      paakravDate: '2026-11-05',
      hasAgreement: false,
    });
    expect(result.accepted[1]).toMatchObject({
      address: 'Engparken 7; 2. tv.',
      amount: 12345.5,
      ophaevelseDate: '2026-10-01',
      hasAgreement: true,
      remarks: 'Sagt "nej" til aftale',
    });
  });

  it('should read a comma CSV in Windows-1252 with æøå', async () => {
    const csv = 'Afdeling,Lejemål,Navn,Beløb\r\n14,14-0203,Søren Ærø Åberg,"1.500,00"\r\n';
    const result = await parseRestanceliste(Buffer.from(csv, 'latin1'), DEFAULT_ALIASES);
    expect(result.table.encoding).toBe('windows-1252');
    expect(result.table.delimiter).toBe(',');
    expect(result.accepted[0]).toMatchObject({ tenantNames: 'Søren Ærø Åberg', amount: 1500 });
  });

  it('should read a tab-separated export (UTF-8 without BOM) with Danish amounts and dates', async () => {
    const tsv = [
      'Afd.\tLejemålsnr.\tLejer\tAdresse\tRestance\tAntal mdr\tPåkrav\tOphævelse',
      '12\t12-0103\tFatima Ali\tEngparken 3, 1. th.\t12.345,50\t2\t05.11.26\t',
      '14\t14-0801\tHenrik Sørensen\tSkovhaven 8\t-1.200,00 kr.\t1\t\t2026-11-20',
    ].join('\n');
    const result = await parseRestanceliste(Buffer.from(tsv, 'utf8'), DEFAULT_ALIASES);
    expect(result.table.delimiter).toBe('\t');
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([
      expect.objectContaining({ lejemaalsnummer: '12-0103', amount: 12345.5, months: 2, paakravDate: '2026-11-05' }),
      expect.objectContaining({ tenantNames: 'Henrik Sørensen', amount: -1200, ophaevelseDate: '2026-11-20' }),
    ]);
  });

  it('should reject bad rows with row, column, value and a Danish message, and catch duplicates', async () => {
    const csv = [
      HEADER,
      '12;A1;X;;12,34,5;;;;;;',
      '12;A2;Y;;100;;31-02-2026;;;;',
      '12;A3;Z;;;;;;;;',
      ';A4;Q;;10;;;;;;',
      '12;A5;R;;50;;;;;;',
      '12;A5;R;;50;;;;;;',
    ].join('\n');
    const result = await parseRestanceliste(Buffer.from(csv), DEFAULT_ALIASES);
    expect(result.accepted.map((r) => r.lejemaalsnummer)).toEqual(['A5']);
    const errors = result.rejected.flatMap((r) => r.errors);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Restance',
        value: '12,34,5',
        message: expect.stringMatching(/kan ikke læses/),
      }),
      expect.objectContaining({ row: 3, column: 'Ældste forfald', message: expect.stringMatching(/findes ikke/) }),
      expect.objectContaining({ row: 4, message: 'Restancebeløbet mangler' }),
      expect.objectContaining({ row: 5, message: 'Afdeling mangler' }),
      expect.objectContaining({ row: 7, message: 'Lejemålet står også i række 6' }),
    ]);
  });

  it('should report missing required columns', async () => {
    const result = await parseRestanceliste(Buffer.from('Navn;Adresse\nA;B\n'), DEFAULT_ALIASES);
    expect(result.missingColumns.sort()).toEqual(['afdeling', 'amount', 'lejemaalsnummer']);
  });

  it('should refuse an empty file', async () => {
    await expect(parseRestanceliste(Buffer.alloc(0), DEFAULT_ALIASES)).rejects.toThrow('Filen er tom');
    await expect(parseRestanceliste(Buffer.from('\n\n'), DEFAULT_ALIASES)).rejects.toThrow('Filen er tom');
  });

  it('should use a profile’s own aliases', async () => {
    const csv = 'Dept;Unit;Owed\n12;U-1;100\n';
    expect((await parseRestanceliste(Buffer.from(csv), DEFAULT_ALIASES)).missingColumns).toContain('lejemaalsnummer');
    const profile = { ...DEFAULT_ALIASES, lejemaalsnummer: ['unit'], amount: ['owed'], afdeling: ['dept'] };
    expect((await parseRestanceliste(Buffer.from(csv), profile)).accepted[0]).toMatchObject({
      lejemaalsnummer: 'U-1',
      amount: 100,
    });
  });

  it('should read an XLSX with a title, merged header cells, real dates and a totals row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Restancer');
    ws.addRow(['Restanceliste november 2026 – Boligselskabet Fjordly']);
    ws.mergeCells('A1:F1');
    ws.addRow(['Afd.', 'Lejemålsnr.', 'Lejer', 'Restance', 'Påkrav', 'Bemærkning']);
    ws.addRow(['12', '12-0103', 'Fatima Ali', 4250.5, new Date(Date.UTC(2026, 10, 5)), null]);
    ws.addRow([14, '14-0203', 'Henrik Sørensen', '1.100,00', null, 'Ny']);
    ws.addRow([null, null, 'I alt', { formula: 'SUM(D3:D4)', result: 5350.5 }, null, null]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await parseRestanceliste(buffer, DEFAULT_ALIASES);
    expect(result.table.format).toBe('xlsx');
    expect(result.headerRow).toBe(2);
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => [r.afdeling, r.lejemaalsnummer, r.amount, r.paakravDate])).toEqual([
      ['12', '12-0103', 4250.5, '2026-11-05'],
      ['14', '14-0203', 1100, null],
    ]);
  });

  it('should refuse a broken XLSX with a clear message', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    await expect(parseRestanceliste(broken, DEFAULT_ALIASES)).rejects.toThrow(/Regnearket kan ikke læses/);
  });
});
