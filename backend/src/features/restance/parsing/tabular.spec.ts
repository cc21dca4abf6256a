import { parseCsv } from './tabular';

/** The plain character-at-a-time reading of RFC 4180 (with the same leniency): the oracle. */
function oracle(text: string, delimiter: string): string[][] {
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
        } else {
          quoted = false;
          // Text right after the closing quote: the field stays as written, quotes and all.
          const after = text[i + 1];
          if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') field = `"${field}"`;
        }
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

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes, line breaks in quotes and CRLF', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"two\nlines";x;\r\n', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
  });

  it('is lenient with malformed quotes as the exports are', () => {
    // A quote inside an unquoted field is a quote; text after a closing quote keeps the field as written.
    expect(parseCsv('a"b;c\n"x"y;z', ';')).toEqual([
      ['a"b', 'c'],
      ['"x"y', 'z'],
    ]);
    // A quote left open runs to the end of the file; an open quote alone at the end is no row.
    expect(parseCsv('a;"b\nc', ';')).toEqual([['a', 'b\nc']]);
    expect(parseCsv('a\n"', ';')).toEqual([['a']]);
    expect(parseCsv('a\n""', ';')).toEqual([['a']]);
  });

  it('ends rows at CRLF, LF and a lone CR, also mixed in one file, and keeps empty lines', () => {
    expect(parseCsv('a\r\nb\nc\rd\n\ne', ';')).toEqual([['a'], ['b'], ['c'], ['d'], [''], ['e']]);
    expect(parseCsv('a;b\r\n"x\ny";z\r\n', ';')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
    ]);
  });

  it('reads exactly what the character-at-a-time reading reads, on 2,000 random texts', () => {
    // A small deterministic generator: the texts are built from the characters that matter.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'æ', ' ', ';', ',', '\t', '"', '""', '\n', '\r', '\r\n', '12.345,50'];
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const delimiter of [';', ',', '\t']) {
        expect({ text, delimiter, rows: parseCsv(text, delimiter) }).toEqual({
          text,
          delimiter,
          rows: oracle(text, delimiter),
        });
      }
    }
  });
});
