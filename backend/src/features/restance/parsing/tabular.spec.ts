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

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes, line breaks in quotes and CRLF', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"two\nlines";x;\r\n', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['two\nlines', 'x', ''],
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
