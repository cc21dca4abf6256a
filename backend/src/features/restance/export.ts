import ExcelJS from 'exceljs';
import { WorklistRow } from '@bofast/contracts';

import { csvDocument, neutraliseCell } from '../../common/export/csv';

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

/** The worklist as CSV: every field neutralised and quoted (common/export/csv). */
export function toCsv(rows: WorklistRow[]): string {
  return csvDocument([COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))]);
}

export async function toXlsx(rows: WorklistRow[], listDate: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Restancer ${listDate ?? ''}`.trim().slice(0, 31));
  ws.addRow(COLUMNS.map(([h]) => h)).font = { bold: true };
  for (const r of rows) ws.addRow(COLUMNS.map(([, f]) => neutraliseCell(f(r))));
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
