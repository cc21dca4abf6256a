import {
  type CompleteVisitRequest,
  type CreateVisitRequest,
  type Visit,
  type VisitParticipant,
  addDays,
} from '@bofast/contracts';

import { nowLocal, toIsoTimestamp, todayIso } from '../../core/format/dates';
import type { VisitDraftMode, VisitFormValue } from './visit-drafts';
import { isHeld } from './visits-api';

/** Days ahead a new follow-up is due, unless the worker picks another day. */
export const FOLLOW_UP_DAYS = 7;

export function defaultFollowUpDate(now = new Date()): string {
  return addDays(todayIso(now), FOLLOW_UP_DAYS);
}

/**
 * The quick defaults: a held, unannounced visit at home right now with the resident present; a planned
 * visit is announced and tomorrow at 10.
 */
export function defaultVisitValue(mode: VisitDraftMode, personId: string | null, now = new Date()): VisitFormValue {
  return {
    status: mode === 'plan' ? 'planlagt' : 'gennemfoert',
    occurredAt: nowLocal(now),
    plannedAt: mode === 'plan' ? `${addDays(todayIso(now), 1)}T10:00` : '',
    locationType: 'hjem',
    announced: mode === 'plan',
    householdIds: personId ? [personId] : [],
    interpreter: false,
    interpreterName: '',
    partnerId: '',
    partnerName: '',
    purpose: '',
    summary: '',
    followUps: [],
  };
}

/** The form value of a planned visit whose outcome is being registered. */
export function completeVisitValue(visit: Visit, now = new Date()): VisitFormValue {
  const partner = visit.participants.find((p) => p.kind === 'partner');
  const interpreter = visit.participants.find((p) => p.kind === 'tolk');
  return {
    status: 'gennemfoert',
    occurredAt: nowLocal(now),
    plannedAt: '',
    locationType: visit.locationType,
    announced: visit.announced,
    householdIds: visit.participants
      .filter((p) => p.kind === 'husstand' && p.personId)
      .map((p) => p.personId as string),
    interpreter: !!interpreter,
    interpreterName: interpreter?.name ?? '',
    partnerId: partner?.partnerOrganisationId ?? '',
    partnerName: partner?.name ?? '',
    purpose: visit.purpose ?? '',
    summary: visit.summary ?? '',
    followUps: [],
  };
}

/** Colleagues on a planned visit: the form does not edit them, so they are sent back unchanged. */
export function keptParticipants(visit: Visit): VisitParticipant[] {
  return visit.participants
    .filter((p) => p.kind === 'kollega')
    .map((p) => ({ kind: 'kollega' as const, userId: p.userId ?? null }));
}

export function participantsOf(value: VisitFormValue, kept: VisitParticipant[] = []): VisitParticipant[] {
  const list: VisitParticipant[] = value.householdIds.map((personId) => ({ kind: 'husstand', personId }));
  if (value.interpreter) list.push({ kind: 'tolk', name: value.interpreterName.trim() || null });
  if (value.partnerId) {
    list.push({ kind: 'partner', partnerOrganisationId: value.partnerId, name: value.partnerName.trim() || null });
  }
  return [...list, ...kept];
}

function followUpsOf(value: VisitFormValue): { title: string; dueDate: string }[] {
  return value.followUps.filter((f) => f.title.trim()).map((f) => ({ title: f.title.trim(), dueDate: f.dueDate }));
}

/** POST /api/cases/:caseId/visits from the form; a planned visit has no summary or follow-ups yet. */
export function createVisitRequest(
  value: VisitFormValue,
  clientId: string,
  mode: VisitDraftMode,
  now = new Date(),
): CreateVisitRequest {
  const planned = mode === 'plan';
  const status = planned ? 'planlagt' : value.status;
  return {
    clientId,
    status,
    plannedAt: planned ? toIsoTimestamp(value.plannedAt, now) : null,
    occurredAt: !planned && isHeld(status) ? toIsoTimestamp(value.occurredAt, now) : null,
    locationType: value.locationType,
    announced: value.announced,
    participants: participantsOf(value),
    purpose: value.purpose.trim() || null,
    summary: planned ? null : value.summary.trim() || null,
    followUps: planned ? [] : followUpsOf(value),
  };
}

/** POST /api/visits/:id/complete from the form. */
export function completeVisitRequest(value: VisitFormValue, visit: Visit, now = new Date()): CompleteVisitRequest {
  return {
    status: value.status,
    occurredAt: isHeld(value.status) ? toIsoTimestamp(value.occurredAt, now) : null,
    summary: value.summary.trim() || null,
    participants: participantsOf(value, keptParticipants(visit)),
    followUps: followUpsOf(value),
    version: visit.version,
  };
}
