import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { CaseDetail, Visit } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { formatTimestamp } from '../restance/restance-store';
import { injectDialogs } from '../../shared/dialogs';
import { VisitDialog, type VisitDialogData, type VisitDialogMode, type VisitDialogResult } from './visit-dialog';
import { VisitDrafts } from './visit-drafts';
import { visitListRequest, visitStatusClass } from './visits-api';

/** The resident first, then the other household members: who can take part in a visit. */
export function householdOf(detail: Pick<CaseDetail, 'person' | 'household'>): { personId: string; name: string }[] {
  const list = [{ personId: detail.person.id, name: detail.person.name }];
  for (const m of detail.household?.members ?? []) {
    if (!list.some((p) => p.personId === m.personId)) list.push({ personId: m.personId, name: m.name });
  }
  return list;
}

/** "Besøg" on the case page: the case's visits, the device's unsent draft, and the ways to log one. */
@Component({
  selector: 'bf-visits-panel',
  imports: [MatButtonModule, MatChipsModule, MatIconModule, TranslocoPipe],
  templateUrl: './visits-panel.html',
  styleUrl: './visits-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitsPanel {
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly drafts = inject(VisitDrafts);
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;
  protected readonly day = formatDay;
  protected readonly statusClass = visitStatusClass;

  readonly detail = input.required<CaseDetail>();
  /** case.write on an open case. */
  readonly canEdit = input(false);
  /** A visit was saved: the case page reloads its timeline. */
  readonly changed = output<void>();

  private isDialogOpen = false;

  protected readonly visits = httpResource<Visit[]>(() => visitListRequest({ caseId: this.detail().id }), {
    defaultValue: [],
  });
  protected readonly draft = computed(() => this.drafts.forCase(this.detail().id));

  constructor() {
    // A queued visit sent in the background (back online) shows up without a reload.
    this.drafts.sent.pipe(takeUntilDestroyed()).subscribe(({ draft }) => {
      if (draft.caseId !== this.detail().id || this.isDialogOpen) return;
      this.visits.reload();
      this.notify('visits.sentLater');
      this.changed.emit();
    });
  }

  reload(): void {
    this.visits.reload();
  }

  protected participantNames(visit: Visit): string {
    return visit.participants.map((p) => p.displayName).join(', ');
  }

  /** Opens the visit dialog; a draft of the case on this device is restored in it. */
  open(mode: VisitDialogMode, visit?: Visit): void {
    const detail = this.detail();
    this.isDialogOpen = true;
    this.dialogs
      .open<VisitDialog, VisitDialogData, VisitDialogResult>(VisitDialog, {
        width: '36rem',
        data: { caseId: detail.id, mode, personId: detail.person.id, household: householdOf(detail), visit },
      })
      .subscribe((result) => {
        this.isDialogOpen = false;
        if (!result) return;
        this.visits.reload();
        if (result === 'conflict') {
          const entity = this.transloco.translate('visits.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          return;
        }
        this.notify(result.status === 'planlagt' ? 'visits.planned' : 'visits.saved');
        this.changed.emit();
      });
  }

  protected sendNow(): void {
    this.drafts.retryQueued();
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
