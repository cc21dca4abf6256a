import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import type { TimelineEvent, TimelineEventType } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { formatKr, formatTimestamp } from '../restance/restance-store';

export const TIMELINE_TYPES: readonly TimelineEventType[] = [
  'note',
  'contact_attempt',
  'signal_received',
  'case_opened',
  'status_change',
  'consent_given',
  'consent_withdrawn',
  'goal_added',
  'action_added',
  'action_updated',
  'correction',
  'arrears_update',
  'payment_agreement',
  'help_application',
  'eviction_stage',
  'eviction_outcome',
  'eviction_sustained',
  'eviction_linked',
  'visit',
  'referral',
  'referral_message',
  'handoff',
  'task',
];

// Partial with a fallback, so a new event type in the contracts never breaks the build before it has an icon.
const ICONS: Partial<Record<TimelineEventType, string>> = {
  note: 'note',
  contact_attempt: 'phone',
  signal_received: 'inbox',
  case_opened: 'folder',
  status_change: 'swap',
  consent_given: 'shield',
  consent_withdrawn: 'block',
  goal_added: 'flag',
  action_added: 'check',
  action_updated: 'check',
  correction: 'edit',
  arrears_update: 'swap',
  payment_agreement: 'check',
  help_application: 'note',
  eviction_stage: 'gavel',
  eviction_outcome: 'flag',
  eviction_sustained: 'check',
  eviction_linked: 'gavel',
  visit: 'home',
  referral: 'send',
  referral_message: 'chat',
  handoff: 'swap',
  task: 'check',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** The case timeline, newest first; corrections link to the event they correct. */
@Component({
  selector: 'bf-case-timeline',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatIconModule, RouterLink, TranslocoPipe],
  templateUrl: './case-timeline.html',
  styleUrl: './case-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTimeline {
  protected readonly language = inject(LanguageStore).language;

  readonly events = input.required<TimelineEvent[]>();
  readonly total = input(0);
  readonly loading = input(false);
  readonly types = input<TimelineEventType[]>([]);
  readonly canCorrect = input(false);
  readonly typesChange = output<TimelineEventType[]>();
  readonly more = output<void>();
  readonly correct = output<TimelineEvent>();

  protected readonly allTypes = TIMELINE_TYPES;
  protected readonly icons = ICONS;
  protected readonly fallbackIcon = 'note';
  protected readonly hasMore = computed(() => this.events().length < this.total());

  protected toggleType(type: TimelineEventType, selected: boolean): void {
    const current = this.types().filter((t) => t !== type);
    this.typesChange.emit(selected ? [...current, type] : current);
  }

  protected contactSummary(event: TimelineEvent): { channel: string; outcome: string } | null {
    const channel = event.data['channel'];
    const outcome = event.data['outcome'];
    return typeof channel === 'string' && typeof outcome === 'string' ? { channel, outcome } : null;
  }

  protected statusChange(event: TimelineEvent): { from: string | null; to: string; prefix: string } | null {
    const to = event.data['to'] ?? event.data['status'];
    const from = event.data['from'];
    // Status changes of the signal the case came from use the signal's states.
    const prefix = event.data['scope'] === 'signal' ? 'signalStatus.' : 'caseStatus.';
    return typeof to === 'string' ? { from: typeof from === 'string' ? from : null, to, prefix } : null;
  }

  /** "Liste 2026-11-01: 2.500,00 kr. (før 2.000,00 kr.) · Steget" for an arrears_update event. */
  protected arrears(
    event: TimelineEvent,
  ): { listDate: string; amount: string; previous: string | null; change: string | null } | null {
    if (event.type !== 'arrears_update') return null;
    const { listDate, amount, previousAmount, change } = event.data;
    if (typeof amount !== 'number') return null;
    return {
      listDate: typeof listDate === 'string' ? listDate : '',
      amount: formatKr(amount),
      previous: typeof previousAmount === 'number' ? formatKr(previousAmount) : null,
      change: typeof change === 'string' ? change : null,
    };
  }

  /** "Boligorganisation: 2.500,00 kr., afdrag 500,00 kr. · Forhandles → Aftalt" for a payment_agreement event. */
  protected agreement(event: TimelineEvent): {
    creditor: string | null;
    principal: string | null;
    installment: string | null;
    from: string | null;
    to: string | null;
  } | null {
    if (event.type !== 'payment_agreement') return null;
    const { creditor, principal, installment, from, to, status } = event.data;
    const next = typeof to === 'string' ? to : typeof status === 'string' ? status : null;
    return {
      creditor: typeof creditor === 'string' ? creditor : null,
      principal: typeof principal === 'number' ? formatKr(principal) : null,
      installment: typeof installment === 'number' ? formatKr(installment) : null,
      from: typeof from === 'string' ? from : null,
      to: next,
    };
  }

  /** "Enkeltydelse (aktivloven § 81) · Jobcenter Aarhus · Indsendt → Bevilget" for a help_application event. */
  protected application(
    event: TimelineEvent,
  ): { type: string | null; authority: string | null; from: string | null; to: string | null } | null {
    if (event.type !== 'help_application') return null;
    const { type, authority, from, to, status } = event.data;
    const next = typeof to === 'string' ? to : typeof status === 'string' ? status : null;
    return {
      type: typeof type === 'string' ? type : null,
      authority: typeof authority === 'string' && authority ? authority : null,
      from: typeof from === 'string' ? from : null,
      to: next,
    };
  }

  /** "Påkrav: fre. 3. apr. 2026 · 2.500,00 kr. · Kilde: Restanceliste" for an eviction_stage event. */
  protected evictionStage(event: TimelineEvent): {
    stage: string;
    date: string | null;
    time: string | null;
    amount: string | null;
    source: string | null;
    outOfOrder: boolean;
    listDate: string | null;
  } | null {
    if (event.type !== 'eviction_stage') return null;
    const { stage, date, time, amount, source, outOfOrder, listDate } = event.data;
    if (typeof stage !== 'string') return null;
    const language = this.language();
    return {
      stage,
      date: text(date) ? formatDay(date as string, language, 'weekday') : null,
      time: text(time),
      amount: typeof amount === 'number' ? formatKr(amount) : null,
      source: text(source),
      outOfOrder: outOfOrder === true,
      listDate: text(listDate) ? formatDay(listDate as string, language) : null,
    };
  }

  /** "Udfald foreslået: Undgået – betalt før ophævelse" and the team lead's decisions on it. */
  protected evictionOutcome(event: TimelineEvent): {
    action: string;
    outcome: string | null;
    reason: string | null;
    note: string | null;
    sustainedDue: string | null;
  } | null {
    if (event.type !== 'eviction_outcome') return null;
    const { action, outcome, reason, note, sustainedDue } = event.data;
    if (typeof action !== 'string') return null;
    return {
      action,
      outcome: text(outcome),
      reason: text(reason),
      note: text(note),
      sustainedDue: text(sustainedDue) ? formatDay(sustainedDue as string, this.language()) : null,
    };
  }

  protected evictionSustained(event: TimelineEvent): { stillResident: boolean; source: string | null } | null {
    if (event.type !== 'eviction_sustained') return null;
    const { stillResident, source } = event.data;
    if (typeof stillResident !== 'boolean') return null;
    return { stillResident, source: text(source) };
  }

  /** "Gennemført · Hjem · Uanmeldt · Husstand, tolk · 1 opfølgning" for a visit event (the summary is its text). */
  protected visit(event: TimelineEvent): {
    status: string;
    from: string | null;
    plannedAt: string | null;
    location: string | null;
    announced: boolean | null;
    participants: string[];
    followUps: number;
  } | null {
    if (event.type !== 'visit') return null;
    const { status, from, plannedAt, locationType, announced, participants, followUps } = event.data;
    if (typeof status !== 'string') return null;
    return {
      status,
      from: text(from),
      plannedAt:
        status === 'planlagt' && text(plannedAt) ? formatTimestamp(plannedAt as string, this.language()) : null,
      location: text(locationType),
      announced: typeof announced === 'boolean' ? announced : null,
      // One mention per kind: "husstand, husstand" says nothing more.
      participants: Array.isArray(participants)
        ? [...new Set(participants.filter((p): p is string => typeof p === 'string'))]
        : [],
      followUps: typeof followUps === 'number' ? followUps : 0,
    };
  }

  /** "Jobcenter Fjordby: Sendt → Accepteret" and the reason, outcome, first meeting or underretning of a referral step. */
  protected referral(event: TimelineEvent): {
    status: string;
    from: string | null;
    partner: string | null;
    side: string | null;
    reason: string | null;
    outcome: string | null;
    underretning: boolean;
    legalBasis: string | null;
    firstMeetingAt: string | null;
  } | null {
    if (event.type !== 'referral') return null;
    const { status, from, partner, side, reason, outcome, underretning, legalBasis, firstMeetingAt } = event.data;
    if (typeof status !== 'string') return null;
    return {
      status,
      from: text(from),
      partner: text(partner),
      side: text(side),
      reason: text(reason),
      outcome: text(outcome),
      underretning: underretning === true,
      legalBasis: text(legalBasis),
      firstMeetingAt: text(firstMeetingAt) ? formatTimestamp(firstMeetingAt as string, this.language()) : null,
    };
  }

  protected referralMessage(event: TimelineEvent): { side: string; partner: string | null } | null {
    if (event.type !== 'referral_message') return null;
    const side = text(event.data['side']);
    return side ? { side, partner: text(event.data['partner']) } : null;
  }

  protected handoff(event: TimelineEvent): { kind: string } | null {
    if (event.type !== 'handoff') return null;
    const kind = text(event.data['kind']);
    return kind ? { kind } : null;
  }

  protected task(event: TimelineEvent): { status: string; source: string | null } | null {
    if (event.type !== 'task') return null;
    const status = text(event.data['status']);
    return status ? { status, source: text(event.data['source']) } : null;
  }

  /** The udsættelsessag an eviction_* event belongs to, for the link to its page. */
  protected evictionId(event: TimelineEvent): string | null {
    return event.type.startsWith('eviction_') ? text(event.data['evictionId']) : null;
  }

  protected anchor(id: string): string {
    return `event-${id}`;
  }

  protected focusEvent(id: string, event: Event): void {
    event.preventDefault();
    const target = (event.target as HTMLElement).ownerDocument.getElementById(this.anchor(id));
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
    }
  }
}
