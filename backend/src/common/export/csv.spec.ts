import { csvDocument, csvField, csvLine, CsvSeparator, isFormulaLike, neutralise, neutraliseCell } from './csv';

/**
 * Splits a line as a spreadsheet does with the given list separator: a field that starts with a quote
 * runs to its closing quote (doubled quotes are one), and anything after it up to the next separator is
 * appended as it stands (Excel's and LibreOffice's lenient reading).
 */
function readLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else value += line[i++];
      }
    }
    while (i < line.length && line[i] !== separator) value += line[i++];
    fields.push(value);
    if (i >= line.length) return fields;
    i += 1;
  }
}

/** A field a spreadsheet shows as text: it starts with the neutralising apostrophe, or is no formula at all. */
const isSafe = (field: string) => field.startsWith("'") || !isFormulaLike(field);

const DANGEROUS = [
  '=HYPERLINK("http://evil")',
  '+45 1234',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\tplain after a tab',
  '  =1+1',
  '"=1+1',
  "'=1+1",
  " \"=cmd|' /C calc'!A0",
  '\u00a0=1+1',
  '\uff1d1+1',
  '=1,=2;=3\t=4',
];

describe('CSV export helper', () => {
  it.each(DANGEROUS)('should neutralise %p', (value) => {
    expect(isFormulaLike(value)).toBe(true);
    const safe = String(neutralise(value));
    expect(safe.startsWith("'")).toBe(true);
    // Only apostrophes are added: removing them gives the value back.
    expect(safe.replace(/'/g, '')).toBe(value.replace(/'/g, ''));
  });

  it.each(['=1+1', '+45 1234', '-2+3', '@SUM(A1)', '  =1+1', '"=1+1', '\u00a0=1+1', '\uff1d1+1'])(
    'should put one apostrophe in front of %p',
    (value) => expect(neutralise(value)).toBe(`'${value}`),
  );

  it('should neutralise a formula after an inner separator or line break, for readers of another locale', () => {
    expect(neutralise('=1,=2;=3\t=4')).toBe(`'=1,'=2;'=3\t'=4`);
    expect(neutralise('Vej 1, -2 th.')).toBe(`Vej 1,' -2 th.`);
    expect(neutralise('linje 1\r\n@linje 2')).toBe(`linje 1\r'\n'@linje 2`);
    expect(neutralise('\t=1+1')).toBe(`'\t'=1+1`);
    expect(neutralise('Vej 1, st. tv.; 2. sal')).toBe('Vej 1, st. tv.; 2. sal');
  });

  it.each(['Fatima Ali', 'Vej 1, st. tv.', 'a=b', '12-0501', "O'Brien", ''])('should leave %p alone', (value) => {
    expect(isFormulaLike(value)).toBe(false);
    expect(neutralise(value)).toBe(value);
  });

  it('should neutralise an XLSX cell in front only (a cell is never split)', () => {
    expect(neutraliseCell(' =1+1')).toBe(`' =1+1`);
    expect(neutraliseCell('Vej 1, -2 th.')).toBe('Vej 1, -2 th.');
    expect(neutraliseCell(-5)).toBe(-5);
  });

  it('should keep numbers as numbers, in Danish, and quote every field', () => {
    expect(neutralise(-1200)).toBe(-1200);
    expect(csvField(1234.5)).toBe('"1234,5"');
    expect(csvField(-1200)).toBe('"-1200"');
    expect(csvField(null)).toBe('""');
    expect(csvField('A; "B"')).toBe('"A; ""B"""');
  });

  it.each<[string, CsvSeparator]>([
    ['semicolon', ';'],
    ['comma', ','],
    ['tab', '\t'],
  ])('should never let a %s split a field into one that starts a formula', (_name, separator) => {
    const values = [...DANGEROUS, 'x,=1+1', 'x;=1+1', 'x\t=1+1', 'x,"=1+1', 'x";=1+1', 1234.5, null];
    const line = csvLine(values, separator);
    // Read with the separator it was written with: the same values, each neutralised.
    expect(readLine(line, separator)).toEqual(
      values.map((v) => (v === null ? '' : typeof v === 'number' ? '1234,5' : String(neutralise(v)))),
    );
    // Read with any list separator (a reader in another locale): no field can start a formula.
    for (const reader of [';', ',', '\t']) {
      const fields = readLine(line, reader);
      expect(fields.filter((f) => !isSafe(f))).toEqual([]);
    }
  });

  it('should write a byte-order mark, CRLF line ends and empty lines', () => {
    expect(csvDocument([['a', 1], [], ['=b']])).toBe('\uFEFF"a";"1"\r\n\r\n"\'=b"\r\n');
    expect(csvDocument([['a', 'b']], ',')).toBe('\uFEFF"a","b"\r\n');
  });
});
