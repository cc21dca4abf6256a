import ExcelJS from 'exceljs';
import { Cell, Report } from '@bofast/contracts';

import { csvDocument, CsvValue, neutraliseCell } from '../../common/export/csv';

type Value = string | number | null;
type Table = { name: string; header: string[]; rows: Value[][] };

const OUTCOME: Record<string, string> = {
  undgaaet_betalt: 'Undgået – betalt før ophævelse',
  undgaaet_aftale: 'Undgået – aftale/fortsættelse efter ophævelse',
  undgaaet_tilbagekaldt: 'Undgået – begæring tilbagekaldt',
  undgaaet_afvist: 'Undgået – afvist i fogedretten',
  fraflyttet_frivilligt: 'Fraflyttet frivilligt',
  gennemfoert: 'Udsættelse gennemført',
  ukendt: 'Ukendt',
};
const STAGE: Record<string, string> = { paakrav: 'Påkrav', ophaevelse: 'Ophævelse', fogedret: 'Fogedret' };

const c = (v: Cell | number | null): Value => v;

/** The report's tables, in Danish, as they are exported (the same numbers as the stored report). */
export function reportTables(report: Report): Table[] {
  const r = report.result;
  const e = r.evictions;
  return [
    {
      name: 'Overblik',
      header: ['Nøgletal', 'Værdi'],
      rows: [
        ['Rapport', report.title ?? `${report.scopeName} ${report.request.from}–${report.request.to}`],
        ['Periode', `${report.request.from} – ${report.request.to}`],
        ['Omfang', report.scopeName],
        ['Målgruppe', report.request.audience === 'ekstern' ? 'Ekstern (tal under 5 vises som "<5")' : 'Intern'],
        ['Definition', report.definitions.map((d) => `${d.key} v${d.version}`).join(', ')],
        ['Udsættelsessager, involveret i', c(e.involved)],
        ['Udsættelser undgået', c(e.avoided)],
        ['Husstande i udsættelsessager', c(e.households)],
        ['Fastholdt (bor der stadig ved opfølgning)', c(e.sustained.stillResident)],
        ['Afventer godkendelse', c(e.pendingApproval)],
        ['Unikke personer', c(r.people.uniquePersons)],
        ['Unikke husstande', c(r.people.uniqueHouseholds)],
        ['Kontakter (besøg og kontaktforsøg)', c(r.people.contacts)],
        ['Forløb (sager aktive i perioden)', c(r.people.episodes)],
        ['Samfundsøkonomisk skøn, lavt (kr.)', r.estimate.low],
        ['Samfundsøkonomisk skøn, højt (kr.)', r.estimate.high],
        ...r.estimate.assumptions.map((a): Value[] => ['Forudsætning', a]),
        ['Forbehold', r.estimate.caveat],
      ],
    },
    {
      name: 'Udsættelser',
      header: ['Trin nået', 'Involveret', 'Undgået', ...Object.values(OUTCOME)],
      rows: e.byStage.map((s) => [
        STAGE[s.stage],
        c(s.involved),
        c(s.avoided),
        ...Object.keys(OUTCOME).map((o) => c(s.outcomes[o as keyof typeof s.outcomes] ?? 0)),
      ]),
    },
    {
      name: 'Tragt',
      header: ['Trin', 'Antal'],
      rows: [
        ['Påkrav', c(e.funnel.paakrav)],
        ['Ophævelse', c(e.funnel.ophaevelse)],
        ['Fogedret', c(e.funnel.fogedret)],
        ['Udfald', c(e.funnel.outcome)],
      ],
    },
    {
      name: 'Restance',
      header: [
        'Listedato',
        'Boligorganisation',
        'Lejemål',
        'Beløb (kr.)',
        'Ny',
        'Steget',
        'Faldet',
        'Uændret',
        'Afviklet',
      ],
      rows: r.restance.lists.map((l) => [
        l.listDate,
        l.boligorganisation,
        c(l.rows),
        l.amount,
        c(l.new),
        c(l.risen),
        c(l.fallen),
        c(l.unchanged),
        c(l.cleared),
      ]),
    },
    {
      name: 'Henvisninger',
      header: [
        'Partner',
        'Sendt',
        'Accepteret',
        'Afvist',
        'Afsluttet',
        'Udeblevet',
        'Trukket tilbage',
        'Åbne',
        'Svartid (median, dage)',
      ],
      rows: r.referrals.byPartner.map((p) => [
        p.partner,
        c(p.sent),
        c(p.accepted),
        c(p.declined),
        c(p.completed),
        c(p.noShow),
        c(p.withdrawn),
        c(p.open),
        p.medianResponseDays,
      ]),
    },
    {
      name: 'Sager',
      header: ['Sagstype', 'Afslutningsårsag', 'Oprettet', 'Afsluttet'],
      rows: [
        ...r.cases.opened.map((o): Value[] => [o.type, null, c(o.count), null]),
        ...r.cases.closed.map((x): Value[] => [x.type, x.reason, null, c(x.count)]),
      ],
    },
    {
      name: 'Tendens',
      header: ['Måned', 'Sager oprettet', 'Kontakter', 'Nye involveringer', 'Undgået'],
      rows: r.trend.map((t) => [t.month, c(t.casesOpened), c(t.contacts), c(t.involved), c(t.avoided)]),
    },
  ];
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const t of reportTables(report)) {
    const ws = wb.addWorksheet(t.name);
    ws.addRow(t.header).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((v) => neutraliseCell(v)));
    ws.columns.forEach((col) => (col.width = 22));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportCsv(report: Report): string {
  const lines: CsvValue[][] = [];
  for (const t of reportTables(report)) lines.push([t.name], t.header, ...t.rows, []);
  return csvDocument(lines);
}
