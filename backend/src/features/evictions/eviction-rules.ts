import {
  addDays,
  daysBetween,
  earliestOphaevelse,
  EVICTION_STAGES,
  EvictionDeadline,
  EvictionOutcome,
  EvictionStage,
  EvictionStageWarning,
  EvictionStatus,
  paakravDeadline,
  stageIndex,
  workingDaysBetween,
} from '@bofast/contracts';

import { danishDate } from '../../common/text/danish';

/** The fields of a stage entry the rules need. */
export interface StageFact {
  stage: EvictionStage;
  date: string;
  time: string | null;
  moveOutDate: string | null;
  recordedAt: string;
}

const STAGE_NAME: Record<EvictionStage, string> = {
  restance: 'Restance',
  rykker: 'Rykker',
  paakrav: 'Påkrav',
  ophaevelse: 'Ophævelse',
  kommune_underrettet: 'Kommunen underrettet',
  begaering_indgivet: 'Udsættelsesbegæring indgivet',
  retsmoede: 'Retsmøde',
  udsaettelse_berammet: 'Udsættelse berammet',
};

/** Stages that record something that has happened; a date in the future is suspicious. */
const PAST_STAGES: readonly EvictionStage[] = [
  'restance',
  'rykker',
  'paakrav',
  'ophaevelse',
  'kommune_underrettet',
  'begaering_indgivet',
];

/** Today in Denmark, as an ISO date. */
export function danishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** The effective entry per stage: the latest recorded one. */
export function latestByStage<T extends StageFact>(entries: readonly T[]): Map<EvictionStage, T> {
  const map = new Map<EvictionStage, T>();
  for (const e of entries) {
    const prev = map.get(e.stage);
    if (!prev || prev.recordedAt <= e.recordedAt) map.set(e.stage, e);
  }
  return map;
}

/** The furthest stage in the chain that has been recorded. */
export function currentStage(entries: readonly StageFact[]): EvictionStage | null {
  let best = -1;
  for (const e of entries) best = Math.max(best, stageIndex(e.stage));
  return best < 0 ? null : EVICTION_STAGES[best];
}

/** Warnings for a new entry given what is recorded. They never block: the entry is saved as typed. */
export function stageWarnings(
  existing: readonly StageFact[],
  next: { stage: EvictionStage; date: string },
  today: string,
): EvictionStageWarning[] {
  const warnings: EvictionStageWarning[] = [];
  const idx = stageIndex(next.stage);
  const latest = latestByStage(existing);
  const later = [...latest.values()].filter((e) => stageIndex(e.stage) > idx);
  if (later.length) {
    const names = later.map((e) => STAGE_NAME[e.stage]).join(', ');
    warnings.push({
      code: 'out_of_order',
      message: `${STAGE_NAME[next.stage]} registreres efter et senere trin (${names}). Det gemmes som indtastet og markeres.`,
    });
  }
  const inconsistent = [...latest.values()].find(
    (e) =>
      e.stage !== next.stage &&
      ((stageIndex(e.stage) < idx && e.date > next.date) || (stageIndex(e.stage) > idx && e.date < next.date)),
  );
  if (inconsistent) {
    warnings.push({
      code: 'date_before_earlier_stage',
      message: `Datoen passer ikke med ${STAGE_NAME[inconsistent.stage].toLowerCase()} den ${danishDate(inconsistent.date)}. Kontrollér datoerne.`,
    });
  }
  const paakrav = latest.get('paakrav');
  const ophaevelse = latest.get('ophaevelse');
  const tooEarly =
    (next.stage === 'ophaevelse' && paakrav && next.date < earliestOphaevelse(paakrav.date)) ||
    (next.stage === 'paakrav' && ophaevelse && ophaevelse.date < earliestOphaevelse(next.date));
  if (tooEarly) {
    const deadlineOf = next.stage === 'paakrav' ? next.date : (paakrav as StageFact).date;
    warnings.push({
      code: 'before_earliest_ophaevelse',
      message: `Ophævelsen er dateret før påkravets frist udløb (${paakravDeadline(deadlineOf)}). Den kan være ugyldig: kontakt boligorganisationen.`,
    });
  }
  if (PAST_STAGES.includes(next.stage) && next.date > today) {
    warnings.push({ code: 'future_date', message: 'Datoen ligger i fremtiden.' });
  }
  return warnings;
}

function deadline(kind: EvictionDeadline['kind'], date: string, time: string | null, today: string): EvictionDeadline {
  return {
    kind,
    date,
    time,
    daysLeft: daysBetween(today, date),
    workingDaysLeft: date > today ? workingDaysBetween(today, date) : 0,
  };
}

/**
 * The dates that matter next, from the effective entry per stage. Deadlines that a later stage has
 * made moot are left out (a påkrav's payment deadline once the lease is ophævet).
 */
export function computeDeadlines(
  entries: readonly StageFact[],
  status: EvictionStatus,
  sustained: { due: string | null; checked: boolean },
  today: string,
): EvictionDeadline[] {
  const out: EvictionDeadline[] = [];
  if (status !== 'afsluttet') {
    const latest = latestByStage(entries);
    const paakrav = latest.get('paakrav');
    const ophaevelse = latest.get('ophaevelse');
    const reachedFogedret = ['begaering_indgivet', 'retsmoede', 'udsaettelse_berammet'].some((s) =>
      latest.has(s as EvictionStage),
    );
    if (paakrav && !ophaevelse) {
      out.push(deadline('paakrav_frist', paakravDeadline(paakrav.date), null, today));
      out.push(deadline('tidligst_ophaevelse', earliestOphaevelse(paakrav.date), null, today));
    }
    if (ophaevelse?.moveOutDate && !reachedFogedret) {
      out.push(deadline('fraflytning', ophaevelse.moveOutDate, null, today));
    }
    const retsmoede = latest.get('retsmoede');
    if (retsmoede) out.push(deadline('retsmoede', retsmoede.date, retsmoede.time, today));
    const berammet = latest.get('udsaettelse_berammet');
    if (berammet) out.push(deadline('udsaettelse', berammet.date, berammet.time, today));
  } else if (sustained.due && !sustained.checked) {
    out.push(deadline('opfoelgning', sustained.due, null, today));
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? ''));
}

/** The next deadline from today on; if all have passed, the most recent one (overdue). */
export function nextDeadline(deadlines: readonly EvictionDeadline[]): EvictionDeadline | null {
  return deadlines.find((d) => d.daysLeft >= 0) ?? deadlines[deadlines.length - 1] ?? null;
}

/** Whether a fogedsag (petition filed or later) lacks a recorded kommune notification. */
export function lacksKommuneNotification(entries: readonly StageFact[], status: EvictionStatus): boolean {
  if (status === 'afsluttet') return false;
  const stages = new Set(entries.map((e) => e.stage));
  const fogedsag = stages.has('begaering_indgivet') || stages.has('retsmoede') || stages.has('udsaettelse_berammet');
  return fogedsag && !stages.has('kommune_underrettet');
}

export function lacksRecentContact(
  lastContactAt: string | null,
  status: EvictionStatus,
  today: string,
  days: number,
): boolean {
  if (status === 'afsluttet') return false;
  return !lastContactAt || lastContactAt.slice(0, 10) < addDays(today, -days);
}

/**
 * An outcome must fit the stages recorded, so the counts hold up: "betalt før ophævelse" cannot
 * follow an ophævelse, "efter ophævelse" needs one, and the fogedret outcomes need a petition.
 * Returns the Danish reason it does not fit, or null.
 */
export function outcomeMismatch(outcome: EvictionOutcome, entries: readonly StageFact[]): string | null {
  const stages = new Set(entries.map((e) => e.stage));
  const fogedret = stages.has('begaering_indgivet') || stages.has('retsmoede') || stages.has('udsaettelse_berammet');
  switch (outcome) {
    case 'undgaaet_betalt':
      return stages.has('ophaevelse')
        ? 'Der er registreret en ophævelse. Vælg "undgået – aftale/fortsættelse efter ophævelse".'
        : null;
    case 'undgaaet_aftale':
      return stages.has('ophaevelse')
        ? null
        : 'Registrér ophævelsen først, eller vælg "undgået – betalt før ophævelse".';
    case 'undgaaet_tilbagekaldt':
    case 'undgaaet_afvist':
    case 'gennemfoert':
      return fogedret ? null : 'Registrér udsættelsesbegæringen til fogedretten først.';
    default:
      return null;
  }
}
