import {
  type DeadlineKind,
  EVICTION_STAGES,
  type EvictionCase,
  type EvictionDeadline,
  type EvictionStage,
  type EvictionStageEntry,
  type EvictionStatus,
  LEGAL_REFERENCES,
  type LegalReference,
  stageIndex,
} from '@bofast/contracts';

/** Stages that carry a time of day (HH:MM). */

/** The step of the chain each computed deadline belongs to; the sustained check has its own section. */
export const DEADLINE_STAGE: Readonly<Record<DeadlineKind, EvictionStage | null>> = {
  paakrav_frist: 'paakrav',
  tidligst_ophaevelse: 'ophaevelse',
  fraflytning: 'ophaevelse',
  retsmoede: 'retsmoede',
  udsaettelse: 'udsaettelse_berammet',
  opfoelgning: null,
};

/** Keys of LEGAL_REFERENCES shown on a step; every paragraph the UI prints comes from there. */
export const STAGE_LEGAL_REFS: Readonly<Partial<Record<EvictionStage, readonly string[]>>> = {
  paakrav: ['paakrav'],
  ophaevelse: ['ophaevelse'],
  kommune_underrettet: ['kommuneUnderretning', 'kommuneHandlepligt'],
};

export const DEADLINE_LEGAL_REF: Readonly<Partial<Record<DeadlineKind, string>>> = {
  paakrav_frist: 'paakrav',
  tidligst_ophaevelse: 'ophaevelse',
};

/** The reference printed next to the "no kommune notification" flag. */
export const KOMMUNE_NOTIFICATION_REF = 'kommuneUnderretning';

export function legalReference(key: string): LegalReference | null {
  return LEGAL_REFERENCES[key] ?? null;
}

export function evictionStatusClass(status: EvictionStatus): string {
  if (status === 'afventer_godkendelse') return 'bf-chip-warn';
  if (status === 'afsluttet') return 'bf-chip-neutral';
  return 'bf-chip-active';
}

export type StepState = 'done' | 'current' | 'skipped' | 'pending';

export interface StepView {
  stage: EvictionStage;
  /** 1-based position in the chain. */
  position: number;
  state: StepState;
  entries: EvictionStageEntry[];
  deadlines: EvictionDeadline[];
  legalRefs: LegalReference[];
  hasOutOfOrder: boolean;
}

/** All eight stages in chain order with what is recorded on each and the deadlines that belong to it. */
export function buildSteps(eviction: Pick<EvictionCase, 'stages' | 'deadlines' | 'currentStage'>): StepView[] {
  const current = eviction.currentStage ? stageIndex(eviction.currentStage) : -1;
  return EVICTION_STAGES.map((stage, index) => {
    const entries = eviction.stages
      .filter((e) => e.stage === stage)
      .sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
    const state: StepState =
      index === current ? 'current' : entries.length > 0 ? 'done' : index < current ? 'skipped' : 'pending';
    return {
      stage,
      position: index + 1,
      state,
      entries,
      deadlines: eviction.deadlines.filter((d) => DEADLINE_STAGE[d.kind] === stage),
      legalRefs: (STAGE_LEGAL_REFS[stage] ?? []).map(legalReference).filter((r): r is LegalReference => !!r),
      hasOutOfOrder: entries.some((e) => e.outOfOrder),
    };
  });
}

/** The stage a new entry most likely records: the one after the furthest recorded. */
export function suggestedStage(current: EvictionStage | null): EvictionStage {
  if (!current) return EVICTION_STAGES[0];
  return EVICTION_STAGES[Math.min(stageIndex(current) + 1, EVICTION_STAGES.length - 1)];
}

export interface TextKey {
  key: string;
  params: Record<string, number>;
}

/** "om 5 dage", "i morgen", "i dag", "1 dag over", "3 dage over". */
export function daysLeftText(daysLeft: number): TextKey {
  if (daysLeft === 0) return { key: 'evictions.days.today', params: {} };
  if (daysLeft === 1) return { key: 'evictions.days.tomorrow', params: {} };
  if (daysLeft > 1) return { key: 'evictions.days.inMany', params: { n: daysLeft } };
  if (daysLeft === -1) return { key: 'evictions.days.overdueOne', params: {} };
  return { key: 'evictions.days.overdueMany', params: { n: -daysLeft } };
}

/** "1 hverdag", "7 hverdage"; null for today and when the date has passed. */
export function workingDaysText(workingDaysLeft: number, daysLeft: number): TextKey | null {
  if (daysLeft <= 0) return null;
  if (workingDaysLeft === 1) return { key: 'evictions.days.workingOne', params: {} };
  return { key: 'evictions.days.workingMany', params: { n: workingDaysLeft } };
}

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'da-DK';
}

function localDate(iso: string): Date {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Date(year, month - 1, day);
}

export type DayStyle = 'long' | 'medium' | 'weekday';

const DAY_FORMATS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  // "fredag den 3. april 2026"
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  // "3. apr. 2026"
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  // "fre. 3. apr. 2026"
  weekday: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
};

/** An ISO date (`YYYY-MM-DD`) as a Danish (or English) calendar date, without time-zone shifts. */
export function formatDay(iso: string | null | undefined, language = 'da', style: DayStyle = 'medium'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(language), DAY_FORMATS[style]).format(localDate(iso));
}

/** "april 2026". */
export function formatMonth(year: number, month: number, language = 'da'): string {
  return new Intl.DateTimeFormat(locale(language), { month: 'long', year: 'numeric' }).format(
    new Date(year, month - 1, 1),
  );
}

/** Whether the sustained check can be registered now: it is due and not yet answered. */
export function isSustainedDue(eviction: Pick<EvictionCase, 'sustained'>, today: string): boolean {
  const sustained = eviction.sustained;
  return !!sustained && !sustained.checkedAt && sustained.dueDate <= today;
}

/** Like Validators.required, but blank text counts as empty (reasons and notes are trimmed before sending). */
export function requiredText(control: { value: string | null }): { required: true } | null {
  return (control.value ?? '').trim() ? null : { required: true };
}
