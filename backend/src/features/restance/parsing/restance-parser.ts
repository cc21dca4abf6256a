import { ColumnAliases, REQUIRED_RESTANCE_FIELDS, RestanceField, RowError } from '@bofast/contracts';

import { parseAmount, parseDate, ParseError, parseInteger, parseYesNo } from './danish-formats';
import { readTable, Table } from './tabular';

export const DEFAULT_ALIASES: ColumnAliases = {
  afdeling: ['afdeling', 'afd', 'afd.', 'afdelingsnummer', 'afd.nr', 'afd nr', 'afdnr', 'department'],
  lejemaalsnummer: [
    'lejemålsnummer',
    'lejemålsnr',
    'lejemål',
    'lejem.nr',
    'lejemaalsnr',
    'lejenummer',
    'lejer nr',
    'lejernr',
    'lejemålsid',
  ],
  tenantNames: ['lejer', 'lejere', 'navn', 'lejers navn', 'beboer', 'navne'],
  address: ['adresse', 'adr', 'lejemålsadresse', 'address'],
  amount: ['restance', 'beløb', 'restancebeløb', 'skyldig husleje', 'saldo', 'restance i alt', 'amount'],
  months: ['antal måneder', 'måneder', 'mdr', 'antal terminer', 'terminer', 'antal mdr'],
  oldestDueDate: ['ældste forfald', 'ældste forfaldsdato', 'forfaldsdato', 'forfald', 'ældste termin'],
  paakravDate: ['påkrav', 'påkravsdato', 'påkrav sendt', 'dato for påkrav'],
  ophaevelseDate: ['ophævelse', 'ophævelsesdato', 'ophævet', 'dato for ophævelse'],
  hasAgreement: ['betalingsaftale', 'aftale', 'afdragsordning', 'aftale om afdrag'],
  remarks: ['bemærkning', 'bemærkninger', 'note', 'kommentar'],
};

export interface ParsedRow {
  rowNumber: number;
  key: string;
  afdeling: string;
  lejemaalsnummer: string;
  tenantNames: string;
  address: string | null;
  amount: number;
  months: number | null;
  oldestDueDate: string | null;
  paakravDate: string | null;
  ophaevelseDate: string | null;
  hasAgreement: boolean;
  remarks: string | null;
  raw: Record<string, unknown>;
}

export interface RejectedRow {
  rowNumber: number;
  raw: Record<string, unknown>;
  errors: RowError[];
  /** The afdeling cell as read ('' when missing): gives the line to the team that covers it. */
  afdeling: string;
}

export interface ParseResult {
  table: Omit<Table, 'rows'>;
  headerRow: number;
  missingColumns: RestanceField[];
  accepted: ParsedRow[];
  rejected: RejectedRow[];
}

/** "Lejemålsnr." → "lejemaalsnr": case, accents, punctuation and spacing do not matter. */
export function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function headerMap(header: unknown[], aliases: ColumnAliases): Map<RestanceField, number> {
  const normalised = header.map(normaliseHeader);
  const map = new Map<RestanceField, number>();
  for (const field of Object.keys(aliases) as RestanceField[]) {
    const wanted = new Set([field, ...aliases[field]].map(normaliseHeader));
    const index = normalised.findIndex((h) => h !== '' && wanted.has(h));
    if (index >= 0 && ![...map.values()].includes(index)) map.set(field, index);
  }
  return map;
}

const TOTAL_ROW = /^(i\s*alt|total|sum|totalt|samlet)\b/i;

interface Located {
  table: Table;
  meta: ParseResult['table'];
  headerIndex: number;
  columns: Map<RestanceField, number>;
  missing: RestanceField[];
}

/** The header is the first of the first 15 rows that names every required column. */
async function locate(content: Buffer, aliases: ColumnAliases): Promise<Located> {
  const table = await readTable(content);
  let best = new Map<RestanceField, number>();
  const meta = { format: table.format, encoding: table.encoding, delimiter: table.delimiter };
  for (let i = 0; i < Math.min(15, table.rows.length); i++) {
    const map = headerMap(table.rows[i] ?? [], aliases);
    if (map.size > best.size) best = map;
    if (REQUIRED_RESTANCE_FIELDS.every((f) => map.has(f))) {
      return { table, meta, headerIndex: i, columns: map, missing: [] };
    }
  }
  const missing = REQUIRED_RESTANCE_FIELDS.filter((f) => !best.has(f));
  return { table, meta, headerIndex: -1, columns: best, missing };
}

/** Reads the file and finds its header without parsing the rows: for a quick check on upload. */
export async function inspectRestanceliste(
  content: Buffer,
  aliases: ColumnAliases,
): Promise<{ missingColumns: RestanceField[]; dataRows: number }> {
  const { table, headerIndex, missing } = await locate(content, aliases);
  return { missingColumns: missing, dataRows: headerIndex < 0 ? 0 : table.rows.length - headerIndex - 1 };
}

const isBlank = (c: unknown) => c === null || c === undefined || String(c).trim() === '';

/** A cell as trimmed text ("" when blank or the column is absent; dates as ISO). */
function textOf(cells: unknown[], index: number): string {
  if (index < 0) return '';
  const v = cells[index];
  return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
}

/**
 * Turns a restanceliste into accepted and rejected rows. The header is the first of the first 15
 * rows that names every required column (a title or merged header rows above it are skipped).
 * Blank rows and a totals row are ignored; duplicates of a tenancy are rejected with a reason.
 */
export async function parseRestanceliste(content: Buffer, aliases: ColumnAliases): Promise<ParseResult> {
  const { table, meta, headerIndex, columns, missing } = await locate(content, aliases);
  if (headerIndex < 0) return { table: meta, headerRow: 0, missingColumns: missing, accepted: [], rejected: [] };
  const header = table.rows[headerIndex] ?? [];
  const names = header.map((h, c) => String(h ?? `kolonne ${c + 1}`));
  // Column positions as numbers (-1: not in this file), resolved once, not per row.
  const at = (f: RestanceField) => columns.get(f) ?? -1;
  const col = {
    afdeling: at('afdeling'),
    lejemaalsnummer: at('lejemaalsnummer'),
    tenantNames: at('tenantNames'),
    address: at('address'),
    amount: at('amount'),
    months: at('months'),
    oldestDueDate: at('oldestDueDate'),
    paakravDate: at('paakravDate'),
    ophaevelseDate: at('ophaevelseDate'),
    hasAgreement: at('hasAgreement'),
    remarks: at('remarks'),
  };
  const columnName = (f: RestanceField) => String(header[col[f]] ?? f);
  const accepted: ParsedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  let errors: RowError[] = [];
  let rowNumber = 0;
  let cells: unknown[] = [];
  const read = <T>(f: RestanceField, parse: (v: unknown) => T): T | null => {
    if (col[f] < 0) return parse(null);
    try {
      return parse(cells[col[f]]);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      errors.push({ row: rowNumber, column: columnName(f), value: textOf(cells, col[f]), message: e.message });
      return null;
    }
  };
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    cells = table.rows[i] ?? [];
    if (cells.every(isBlank)) continue;
    rowNumber = i + 1;
    const afdeling = textOf(cells, col.afdeling);
    const lejemaalsnummer = textOf(cells, col.lejemaalsnummer);
    if (
      !afdeling &&
      !lejemaalsnummer &&
      (cells.some((c) => TOTAL_ROW.test(String(c ?? '').trim())) || textOf(cells, col.amount))
    ) {
      continue; // totals row
    }
    const raw: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) raw[names[c]] = cells[c] ?? null;
    errors = [];
    if (!afdeling)
      errors.push({ row: rowNumber, column: columnName('afdeling'), value: '', message: 'Afdeling mangler' });
    if (!lejemaalsnummer) {
      errors.push({
        row: rowNumber,
        column: columnName('lejemaalsnummer'),
        value: '',
        message: 'Lejemålsnummer mangler',
      });
    }
    const amount = read('amount', parseAmount);
    if (amount === null && !errors.some((e) => e.message.startsWith('Beløbet'))) {
      errors.push({ row: rowNumber, column: columnName('amount'), value: '', message: 'Restancebeløbet mangler' });
    }
    const months = read('months', parseInteger);
    const oldestDueDate = read('oldestDueDate', parseDate);
    const paakravDate = read('paakravDate', parseDate);
    const ophaevelseDate = read('ophaevelseDate', parseDate);
    const hasAgreement = read('hasAgreement', parseYesNo) ?? false;
    const key = `${afdeling.toLowerCase()}|${lejemaalsnummer.toLowerCase()}`;
    if (afdeling && lejemaalsnummer && seen.has(key)) {
      errors.push({
        row: rowNumber,
        column: null,
        value: lejemaalsnummer,
        message: `Lejemålet står også i række ${seen.get(key)}`,
      });
    }
    if (errors.length) {
      rejected.push({ rowNumber, raw, errors, afdeling });
      continue;
    }
    seen.set(key, rowNumber);
    accepted.push({
      rowNumber,
      key,
      afdeling,
      lejemaalsnummer,
      tenantNames: textOf(cells, col.tenantNames),
      address: textOf(cells, col.address) || null,
      amount: amount as number,
      months,
      oldestDueDate,
      paakravDate,
      ophaevelseDate,
      hasAgreement,
      remarks: textOf(cells, col.remarks) || null,
      raw,
    });
  }
  return { table: meta, headerRow: headerIndex + 1, missingColumns: [], accepted, rejected };
}
