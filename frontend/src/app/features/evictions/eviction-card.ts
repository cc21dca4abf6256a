import type { ComponentType } from '@angular/cdk/portal';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type EvictionCase, type EvictionStageWarning, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { todayIso } from '../../core/format/dates';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatKr, formatTimestamp } from '../restance/restance-store';
import { injectDialogs, onConflict } from '../../shared/dialogs';
import { DecisionDialog, type DecisionAction, type DecisionDialogData } from './decision-dialog';
import { EvictionStepper } from './eviction-stepper';
import {
  KOMMUNE_NOTIFICATION_REF,
  daysLeftText,
  evictionStatusClass,
  formatDay,
  isSustainedDue,
  legalReference,
  workingDaysText,
} from './eviction-view';
import { evictionUrl } from './evictions-api';
import { LegalRef } from './legal-ref';
import { type EvictionDialogResult, OutcomeDialog } from './outcome-dialog';
import { StageDialog, type StageDialogResult } from './stage-dialog';
import { SustainedDialog } from './sustained-dialog';
import { EvictionEditDialog } from './eviction-edit-dialog';

const DIALOG_CONFIG = { width: '34rem' } as const;

let nextId = 0;

/**
 * One udsættelsessag: facts, warning flags, the stage stepper, the outcome and its approval, the
 * sustained check, and the actions the user's permissions allow. `changed` fires after each saved
 * action, so the case page can reload its timeline.
 */
@Component({
  selector: 'bf-eviction-card',
  imports: [EvictionStepper, LegalRef, MatButtonModule, MatChipsModule, MatIconModule, RouterLink, TranslocoPipe],
  templateUrl: './eviction-card.html',
  styleUrl: './eviction-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionCard {
  private readonly auth = inject(AuthStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;

  readonly evictionId = input.required<string>();
  /** The level of the card's title; its sections are one below. */
  readonly headingLevel = input(3);
  /** Whether the eviction is the page's main data (404 shows the not-found page). */
  readonly pageLoad = input(false);
  /** The case the card is shown on; its link is marked as the current one. */
  readonly currentCaseId = input<string | null>(null);
  readonly changed = output<void>();

  protected readonly titleId = `eviction-title-${nextId++}`;
  protected readonly canWrite = this.auth.can(Permission.EvictionWrite);
  protected readonly canApprove = this.auth.can(Permission.EvictionApprove);
  protected readonly userId = computed(() => this.auth.user()?.id ?? null);
  protected readonly today = todayIso();
  protected readonly statusClass = evictionStatusClass;
  protected readonly day = formatDay;
  protected readonly kr = formatKr;
  protected readonly timestamp = formatTimestamp;
  protected readonly daysLeft = daysLeftText;
  protected readonly workingDays = workingDaysText;
  protected readonly kommuneRef = legalReference(KOMMUNE_NOTIFICATION_REF);

  private readonly resource = httpResource<EvictionCase>(() => ({
    url: evictionUrl(this.evictionId()),
    context: this.pageLoad() ? pageLoadContext() : undefined,
  }));
  protected readonly eviction = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly isLoading = this.resource.isLoading;
  protected readonly failed = computed(() => !!this.resource.error());
  protected readonly subLevel = computed(() => Math.min(this.headingLevel() + 1, 6));

  /** Warnings from the last recorded stage; they stay until the user closes them. */
  protected readonly warnings = signal<EvictionStageWarning[]>([]);

  protected readonly isOwnProposal = computed(() => {
    const e = this.eviction();
    return !!e && !!e.outcomeState.proposedBy && e.outcomeState.proposedBy.id === this.userId();
  });
  protected readonly isSustainedDue = computed(() => {
    const e = this.eviction();
    return !!e && isSustainedDue(e, this.today);
  });
  /** Who proposed, approved or recorded the outcome, and when; "awaiting approval" while it waits. */
  protected readonly outcomeLines = computed(() => {
    const e = this.eviction();
    if (!e?.outcomeState.outcome) return [];
    const state = e.outcomeState;
    const language = this.language();
    const lines: { key: string; params: Record<string, string> }[] = [];
    if (e.status === 'afventer_godkendelse') {
      if (state.proposedBy) {
        lines.push({
          key: 'evictions.proposedByOn',
          params: { name: state.proposedBy.displayName, date: formatTimestamp(state.proposedAt, language) },
        });
      }
      lines.push({ key: 'evictions.awaitingApproval', params: {} });
    } else if (state.approvedBy) {
      lines.push({
        key: 'evictions.approvedByOn',
        params: { name: state.approvedBy.displayName, date: formatTimestamp(state.decidedAt, language) },
      });
      if (state.proposedBy) lines.push({ key: 'evictions.proposedBy', params: { name: state.proposedBy.displayName } });
    } else if (state.proposedBy) {
      lines.push({
        key: 'evictions.recordedByOn',
        params: {
          name: state.proposedBy.displayName,
          date: formatTimestamp(state.decidedAt ?? state.proposedAt, language),
        },
      });
    }
    return lines;
  });
  protected readonly sustainedDeadline = computed(
    () => this.eviction()?.deadlines.find((d) => d.kind === 'opfoelgning') ?? null,
  );

  reload(): void {
    this.resource.reload();
  }

  protected recordStage(): void {
    const eviction = this.eviction();
    if (!eviction) return;
    this.dialogs
      .open<StageDialog, EvictionCase, StageDialogResult>(StageDialog, {
        ...DIALOG_CONFIG,
        data: eviction,
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.resource.set(result.eviction);
        this.warnings.set(result.warnings);
        this.done(result.warnings.length > 0 ? 'evictions.stageSavedWithWarnings' : 'evictions.stageSaved');
      });
  }

  protected proposeOutcome(): void {
    this.openDecision(OutcomeDialog, (eviction) => eviction, 'evictions.outcomeSaved');
  }

  protected decide(action: DecisionAction): void {
    this.openDecision(
      DecisionDialog,
      (eviction): DecisionDialogData => ({ eviction, action }),
      `evictions.decision.${action}.done`,
    );
  }

  protected edit(): void {
    this.openDecision(EvictionEditDialog, (eviction) => eviction, 'evictions.editSaved');
  }

  protected registerSustained(): void {
    this.openDecision(SustainedDialog, (eviction) => eviction, 'evictions.sustainedSaved');
  }

  protected dismissWarnings(): void {
    this.warnings.set([]);
  }

  private openDecision<C, D>(component: ComponentType<C>, data: (e: EvictionCase) => D, key: string): void {
    const eviction = this.eviction();
    if (!eviction) return;
    this.dialogs
      .open<C, D, EvictionDialogResult>(component, { ...DIALOG_CONFIG, data: data(eviction) })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.resource.set(result);
        this.warnings.set([]);
        this.done(key);
      });
  }

  private conflict(): void {
    const entity = this.transloco.translate('evictions.entity');
    this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, { duration: 6000 });
    this.resource.reload();
  }

  private done(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 5000 });
    this.changed.emit();
  }
}
