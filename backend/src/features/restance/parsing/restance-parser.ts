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

/**
 * Turns a restanceliste into accepted and rejected rows. The header is the first of the first 15
 * rows that names every required column (a title or merged header rows above it are skipped).
 * Blank rows and a totals row are ignored; duplicates of a tenancy are rejected with a reason.
 */
export async function parseRestanceliste(content: Buffer, aliases: ColumnAliases): Promise<ParseResult> {
  const table = await readTable(content);
  let headerIndex = -1;
  let columns = new Map<RestanceField, number>();
  let best = new Map<RestanceField, number>();
  for (let i = 0; i < Math.min(15, table.rows.length); i++) {
    const map = headerMap(table.rows[i] ?? [], aliases);
    if (map.size > best.size) best = map;
    if (REQUIRED_RESTANCE_FIELDS.every((f) => map.has(f))) {
      headerIndex = i;
      columns = map;
      break;
    }
  }
  const meta = { format: table.format, encoding: table.encoding, delimiter: table.delimiter };
  if (headerIndex < 0) {
    const missing = REQUIRED_RESTANCE_FIELDS.filter((f) => !best.has(f));
    return { table: meta, headerRow: 0, missingColumns: missing, accepted: [], rejected: [] };
  }
  const header = table.rows[headerIndex] ?? [];
  const accepted: ParsedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const rowNumber = i + 1;
    const raw = Object.fromEntries(header.map((h, c) => [String(h ?? `kolonne ${c + 1}`), cells[c] ?? null]));
    const cell = (f: RestanceField) => (columns.has(f) ? cells[columns.get(f) as number] : null);
    const text = (f: RestanceField) => {
      const v = cell(f);
      return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    };
    if (
      !text('afdeling') &&
      !text('lejemaalsnummer') &&
      (cells.some((c) => TOTAL_ROW.test(String(c ?? '').trim())) || text('amount'))
    ) {
      continue; // totals row
    }
    const errors: RowError[] = [];
    const read = <T>(f: RestanceField, parse: (v: unknown) => T): T | null => {
      try {
        return parse(cell(f));
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        errors.push({
          row: rowNumber,
          column: String(header[columns.get(f) as number] ?? f),
          value: text(f),
          message: e.message,
        });
        return null;
      }
    };
    const afdeling = text('afdeling');
    const lejemaalsnummer = text('lejemaalsnummer');
    if (!afdeling)
      errors.push({
        row: rowNumber,
        column: String(header[columns.get('afdeling') as number]),
        value: '',
        message: 'Afdeling mangler',
      });
    if (!lejemaalsnummer) {
      errors.push({
        row: rowNumber,
        column: String(header[columns.get('lejemaalsnummer') as number]),
        value: '',
        message: 'Lejemålsnummer mangler',
      });
    }
    const amount = read('amount', parseAmount);
    if (amount === null && !errors.some((e) => e.message.startsWith('Beløbet'))) {
      errors.push({
        row: rowNumber,
        column: String(header[columns.get('amount') as number]),
        value: '',
        message: 'Restancebeløbet mangler',
      });
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
      rejected.push({ rowNumber, raw, errors });
      continue;
    }
    seen.set(key, rowNumber);
    accepted.push({
      rowNumber,
      key,
      afdeling,
      lejemaalsnummer,
      tenantNames: text('tenantNames'),
      address: text('address') || null,
      amount: amount as number,
      months,
      oldestDueDate,
      paakravDate,
      ophaevelseDate,
      hasAgreement,
      remarks: text('remarks') || null,
      raw,
    });
  }
  return { table: meta, headerRow: headerIndex + 1, missingColumns: [], accepted, rejected };
}
