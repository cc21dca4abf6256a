import { DatePipe } from '@angular/common';
import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  type AssignableUser,
  type CreateContactAttemptRequest,
  Permission,
  SIGNAL_TRANSITIONS,
  type SignalStatus,
  type SignalSummary,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { assignableUsersUrl } from '../cases/case-edit-dialog';
import { ContactAttemptForm } from '../../shared/contact-attempt-form';
import { injectDialogs } from '../../shared/dialogs';
import { ConvertDialog } from './convert-dialog';
import { SignalsApi } from './signals-api';
import { signalStatusClass } from './signals-store';

@Component({
  selector: 'bf-signal-page',
  imports: [
    ContactAttemptForm,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './signal-page.html',
  styleUrl: './signal-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalPage {
  private readonly store = inject(SignalsApi);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWrite = inject(AuthStore).can(Permission.SignalWrite);
  protected readonly canCreateCase = inject(AuthStore).can(Permission.CaseWrite);

  readonly id = input.required<string>();

  protected readonly resource = httpResource<SignalSummary>(() => ({
    url: `/api/signals/${encodeURIComponent(this.id())}`,
    context: pageLoadContext(),
  }));
  protected readonly signal = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly nextStatuses = computed(() => {
    const current = this.signal();
    return current ? SIGNAL_TRANSITIONS[current.status] : [];
  });
  protected readonly isOpen = computed(() => {
    const current = this.signal();
    return !!current && !current.caseId && SIGNAL_TRANSITIONS[current.status].length > 0;
  });
  private readonly teamId = computed(() => this.signal()?.teamId ?? null);
  private readonly assignable = httpResource<AssignableUser[]>(() => {
    const teamId = this.teamId();
    return teamId && this.canWrite ? assignableUsersUrl(teamId) : undefined;
  });
  /** The users the signal may be given to, plus the current assignee should they no longer be one. */
  protected readonly assignees = computed(() => {
    const list: { id: string; displayName: string }[] = this.assignable.hasValue() ? [...this.assignable.value()] : [];
    const current = this.signal()?.assignee;
    if (current && !list.some((u) => u.id === current.id)) list.push(current);
    return list;
  });
  protected readonly statusClass = signalStatusClass;
  protected readonly isSubmitting = signal(false);

  private readonly contactForm = viewChild(ContactAttemptForm);

  protected addContactAttempt(request: CreateContactAttemptRequest): void {
    const current = this.signal();
    if (!current) return;
    this.isSubmitting.set(true);
    this.store.addContactAttempt(current.id, request).subscribe({
      next: (updated) => {
        this.isSubmitting.set(false);
        this.resource.set(updated);
        this.contactForm()?.reset();
        this.notify('signals.contactSaved');
      },
      error: () => {
        this.isSubmitting.set(false);
        this.notify('errors.unknown');
      },
    });
  }

  protected changeStatus(status: SignalStatus): void {
    const current = this.signal();
    if (!current) return;
    this.store.update(current.id, { status, version: current.version }).subscribe({
      next: (updated) => {
        this.resource.set(updated);
        this.notify('common.saved');
      },
      error: (error: unknown) => this.handleConflict(error),
    });
  }

  protected assign(assigneeId: string | null): void {
    const current = this.signal();
    if (!current || (current.assignee?.id ?? null) === assigneeId) return;
    this.store.update(current.id, { assigneeId, version: current.version }).subscribe({
      next: (updated) => {
        this.resource.set(updated);
        this.notify('signals.assigned');
      },
      error: (error: unknown) => {
        // The select already shows the new choice; show the stored one again.
        if (!isConflict(error)) this.resource.reload();
        this.handleConflict(error);
      },
    });
  }

  protected convert(): void {
    const current = this.signal();
    if (!current) return;
    this.dialogs
      .open<ConvertDialog, SignalSummary, boolean>(ConvertDialog, {
        width: '32rem',
        data: current,
      })
      .subscribe(() => {
        this.resource.reload();
      });
  }

  private handleConflict(error: unknown): void {
    if (isConflict(error)) {
      const entity = this.transloco.translate('signals.entity');
      this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
        duration: 6000,
      });
      const body = (error as HttpErrorResponse).error as { current?: SignalSummary } | null;
      if (body?.current) this.resource.set(body.current);
      else this.resource.reload();
      return;
    }
    this.notify('errors.unknown');
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
