import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { Permission, type Task, type Visit } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { formatTimestamp } from '../restance/restance-store';
import { VisitDrafts } from './visit-drafts';
import { VisitsApi, copenhagenToday, taskListRequest, visitListRequest, visitStatusClass } from './visits-api';

/** "Mine besøg i dag" and "Opfølgning": the day's visits and the open follow-ups, with a tick for done. */
@Component({
  selector: 'bf-visits-page',
  imports: [MatButtonModule, MatChipsModule, MatIconModule, RouterLink, TranslocoPipe],
  templateUrl: './visits-page.html',
  styleUrl: './visits-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitsPage {
  private readonly api = inject(VisitsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly drafts = inject(VisitDrafts);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWrite = inject(AuthStore).can(Permission.CaseWrite);
  protected readonly today = copenhagenToday();
  protected readonly day = formatDay;
  protected readonly timestamp = formatTimestamp;
  protected readonly statusClass = visitStatusClass;

  protected readonly visits = httpResource<Visit[]>(
    () => ({ ...visitListRequest({ mine: true, date: this.today }), context: pageLoadContext() }),
    { defaultValue: [] },
  );
  protected readonly tasks = httpResource<Task[]>(() => taskListRequest({ mine: true }), { defaultValue: [] });
  /** Visits in the order of the day. */
  protected readonly todaysVisits = computed(() =>
    [...this.visits.value()].sort((a, b) =>
      (a.occurredAt ?? a.plannedAt ?? '').localeCompare(b.occurredAt ?? b.plannedAt ?? ''),
    ),
  );
  protected readonly overdueCount = computed(() => this.tasks.value().filter((t) => this.isOverdue(t)).length);
  protected readonly saving = signal<string | null>(null);

  protected isOverdue(task: Task): boolean {
    return task.dueDate < this.today;
  }

  protected markDone(task: Task): void {
    this.saving.set(task.id);
    this.api.updateTask(task.id, { status: 'udfoert', version: task.version }).subscribe({
      next: () => {
        this.saving.set(null);
        this.tasks.reload();
        this.snackBar.open(this.transloco.translate('tasks.done'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(null);
        if (isConflict(error)) {
          const entity = this.transloco.translate('tasks.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
        }
        this.tasks.reload();
      },
    });
  }
}
