import { PriorityReason, TriageWeights } from '@bofast/contracts';

import { danishDate } from '../../common/text/danish';

export interface TriageInput {
  amount: number;
  months: number | null;
  paakravDate: string | null;
  ophaevelseDate: string | null;
  hasChildren: boolean;
  contacted: boolean;
  repeatCount: number;
  hasAgreement: boolean;
  change: string;
}

// One formatter for all rows: toLocaleString builds a new one per call (most of a 50,000-row triage).
const KR = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const kr = (n: number) => KR.format(n);

/** A transparent priority: the sum of rule points, each with the reason a worker can read. */
export function triage(row: TriageInput, w: TriageWeights): { priority: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  const add = (rule: PriorityReason['rule'], points: number, detail: string) => {
    if (points > 0) reasons.push({ rule, points, detail });
  };
  if (row.change !== 'afviklet') {
    add('amount', w.amount * Math.ceil(Math.max(row.amount, 0) / 1000), `Restance ${kr(row.amount)} kr.`);
    if (row.months)
      add('months', w.months * row.months, `${row.months} måned${row.months === 1 ? '' : 'er'} i restance`);
    if (row.ophaevelseDate) add('ophaevelse', w.ophaevelse, `Lejemålet er ophævet ${danishDate(row.ophaevelseDate)}`);
    else if (row.paakravDate) add('paakrav', w.paakrav, `Påkrav sendt ${danishDate(row.paakravDate)}`);
    if (row.hasChildren) add('children', w.children, 'Børn i husstanden');
    if (!row.contacted) add('no_contact', w.no_contact, 'Ingen kontakt endnu');
    if (row.repeatCount >= 2)
      add('repeat', w.repeat * (row.repeatCount - 1), `På listen ${row.repeatCount} måneder i træk`);
    if (row.hasAgreement && row.change === 'steget')
      add('broken_agreement', w.broken_agreement, 'Betalingsaftale, men restancen stiger');
  }
  return { priority: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}
