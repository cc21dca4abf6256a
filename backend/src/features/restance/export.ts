import ExcelJS from 'exceljs';
import { WorklistRow } from '@bofast/contracts';

const COLUMNS: Array<[string, (r: WorklistRow) => string | number | null]> = [
  ['Prioritet', (r) => r.priority],
  ['Begrundelse', (r) => r.reasons.map((x) => `${x.detail} (${x.points})`).join('; ')],
  ['Ændring', (r) => r.change],
  ['Afdeling', (r) => r.afdelingsnummer],
  ['Lejemålsnummer', (r) => r.lejemaalsnummer],
  ['Adresse', (r) => r.address],
  ['Lejer', (r) => r.tenantNames],
  ['Restance', (r) => r.amount],
  ['Forrige restance', (r) => r.previousAmount],
  ['Måneder', (r) => r.months],
  ['Påkrav', (r) => r.paakravDate],
  ['Ophævelse', (r) => r.ophaevelseDate],
  ['Status', (r) => r.outreachStatus],
  ['Tildelt', (r) => r.assignee?.displayName ?? null],
  ['Listedato', (r) => r.listDate],
];

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe (OWASP "CSV injection"). Numbers stay numbers.
 */
export function neutralise(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: WorklistRow[]): string {
  const cell = (v: string | number | null) => {
    const s =
      v === null
        ? ''
        : typeof v === 'number'
          ? v.toLocaleString('da-DK', { useGrouping: false })
          : String(neutralise(v));
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [COLUMNS.map(([h]) => h).join(';'), ...rows.map((r) => COLUMNS.map(([, f]) => cell(f(r))).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: WorklistRow[], listDate: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Restancer ${listDate ?? ''}`.trim().slice(0, 31));
  ws.addRow(COLUMNS.map(([h]) => h)).font = { bold: true };
  for (const r of rows) ws.addRow(COLUMNS.map(([, f]) => neutralise(f(r))));
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
