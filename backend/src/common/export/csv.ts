/**
 * The one CSV writer for every export (restance worklist, reports, the DPO's access-log export).
 *
 * Spreadsheets run a cell as a formula when its text starts with `=`, `+`, `-` or `@` (OWASP "CSV
 * injection"), and Excel and LibreOffice skip leading spaces, tabs, line breaks and quote marks before
 * they look. So a text value is neutralised with a leading apostrophe when, after any such leading
 * characters, it starts with one of those signs (full-width forms included), or when it starts with a
 * tab, CR or LF itself. Every field is then quoted, numbers included, so the separator the file is
 * written with cannot split a field.
 *
 * A reader set to another list separator (a `,` locale opening our `;` file) reads quotes leniently and
 * starts a new field after any `,`, `;`, tab or line break, also inside our text. So inside a value,
 * such a character followed by a formula sign gets the apostrophe too (`x,=1` → `x,'=1`): no field any
 * reader can cut out of the file starts a formula.
 */
export type CsvValue = string | number | null | undefined;

export type CsvSeparator = ';' | ',' | '\t';

/** Leading characters a spreadsheet skips, then a sign that starts a formula. */
const FORMULA = /^[\s"'\u00a0\u2018\u2019\u201c\u201d\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const CONTROL_START = /^[\t\r\n]/;

/** A separator of any locale (or a line break) inside a value, then what would start a formula. */
const INNER = /([,;\t\r\n])(?=[\s"'\u00a0\u2018\u2019\u201c\u201d\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/** Whether a spreadsheet could read the text as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA.test(text) || CONTROL_START.test(text);
}

/**
 * For a spreadsheet cell (XLSX): the value with an apostrophe in front when it could be read as a
 * formula. A cell is never split, so its inner text stays as it is. Numbers stay numbers.
 */
export function neutraliseCell<T extends CsvValue>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return isFormulaLike(value) ? `'${value}` : value;
}

/**
 * For a CSV field: the value with an apostrophe in front when it could be read as a formula, and after every inner
 * separator that a reader with another list separator would start a formula field at. Numbers stay numbers.
 */
export function neutralise<T extends CsvValue>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const inner = value.replace(INNER, "$1'");
  return isFormulaLike(inner) ? `'${inner}` : inner;
}

/** Numbers in Danish (decimal comma, no grouping), as the rest of Bofast writes them. */
function text(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString('da-DK', { useGrouping: false });
  return String(neutralise(value));
}

/** One field: neutralised and always quoted (quotes inside doubled). */
export function csvField(value: CsvValue): string {
  return `"${text(value).replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly CsvValue[], separator: CsvSeparator = ';'): string {
  return values.map(csvField).join(separator);
}

/** A whole file: UTF-8 byte-order mark (Excel reads Danish letters right), CRLF line ends. */
export function csvDocument(lines: ReadonlyArray<readonly CsvValue[]>, separator: CsvSeparator = ';'): string {
  return `\uFEFF${lines.map((l) => csvLine(l, separator)).join('\r\n')}\r\n`;
}
