import { addDays, daysBetween, workingDaysBetween } from './danish-calendar';
import {
  EVICTION_STAGES,
  EvictionDeadline,
  EvictionOutcome,
  EvictionStage,
  EvictionStageWarning,
  EvictionStatus,
  stageIndex,
} from './evictions';
import { earliestOphaevelse, paakravDeadline } from './legal-rules';

/**
 * The rules of the udsættelse stage chain, in ONE place, pure (no I/O): which stages come after which,
 * what an entry of each stage may carry, warnings for entries out of order, the deadlines that follow
 * from the entries, and which outcomes fit. The order itself is `EVICTION_STAGES`; the legal date
 * arithmetic (påkrav deadline, earliest ophævelse) is `legal-rules.ts`. The backend validates and
 * computes with these; the frontend shows the same rules.
 */

/** The stages after `stage` in the chain (an entry of `stage` recorded after one of them is out of order). */
export function stagesAfter(stage: EvictionStage): EvictionStage[] {
  return EVICTION_STAGES.slice(stageIndex(stage) + 1);
}

/** Fogedret stages: from the petition on, the case is a fogedsag. */
export const FOGEDRET_STAGES: readonly EvictionStage[] = ['begaering_indgivet', 'retsmoede', 'udsaettelse_berammet'];

/** Stages whose entry carries a time of day (clock time of the court meeting or the eviction). */
export const STAGES_WITH_TIME: readonly EvictionStage[] = ['retsmoede', 'udsaettelse_berammet'];

/** Whether any of the stages is a fogedret stage. */
function reachedFogedret(stages: { has(stage: EvictionStage): boolean }): boolean {
  return FOGEDRET_STAGES.some((s) => stages.has(s));
}

/** An ISO date (2026-10-05) as a Danish reader writes it in running text: 05.10.2026. */
function danishDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** What a new stage entry carries besides stage and date. */
export interface StageEntryInput {
  stage: EvictionStage;
  date: string;
  time?: string | null;
  moveOutDate?: string | null;
  notifiedBy?: string | null;
  channel?: string | null;
}

/**
 * The fields that do not fit the entry's stage, with the Danish message per field (empty when it
 * fits): a kommune notification says who and how; a berammet udsættelse has a time, and only court
 * stages carry one; the move-out deadline belongs to the ophævelse and cannot precede it.
 */
export function stageEntryFieldErrors(entry: StageEntryInput): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (entry.stage === 'kommune_underrettet') {
    if (!entry.notifiedBy) fields['notifiedBy'] = ['Angiv hvem der underrettede kommunen'];
    if (!entry.channel) fields['channel'] = ['Angiv hvordan kommunen blev underrettet'];
  }
  if (entry.stage === 'udsaettelse_berammet' && !entry.time) fields['time'] = ['Angiv klokkeslættet'];
  if (entry.time && !STAGES_WITH_TIME.includes(entry.stage))
    fields['time'] = ['Klokkeslæt bruges kun ved retsmøde og berammet udsættelse'];
  if (entry.moveOutDate && entry.stage !== 'ophaevelse')
    fields['moveOutDate'] = ['Fraflytningsfristen hører til ophævelsen'];
  if (entry.moveOutDate && entry.moveOutDate < entry.date)
    fields['moveOutDate'] = ['Fraflytningsfristen kan ikke ligge før ophævelsen'];
  if (entry.stage !== 'kommune_underrettet' && (entry.notifiedBy || entry.channel))
    fields['notifiedBy'] = ['Bruges kun ved underretning af kommunen'];
  return fields;
}

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
    const fogedret = reachedFogedret(latest);
    if (paakrav && !ophaevelse) {
      out.push(deadline('paakrav_frist', paakravDeadline(paakrav.date), null, today));
      out.push(deadline('tidligst_ophaevelse', earliestOphaevelse(paakrav.date), null, today));
    }
    if (ophaevelse?.moveOutDate && !fogedret) {
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
  return reachedFogedret(stages) && !stages.has('kommune_underrettet');
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
  const fogedret = reachedFogedret(stages);
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
