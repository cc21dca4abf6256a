import { DatePipe } from '@angular/common';
import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type CreateContactAttemptRequest, type OutreachStatus, Permission, type WorklistRow } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { ContactAttemptForm } from '../../shared/contact-attempt-form';
import { RestanceApi } from './restance-api';
import {
  OUTREACH_STATUSES,
  changeClass,
  formatKr,
  formatListMonth,
  isSuperseded,
  outreachClass,
} from './restance-store';
import { injectDialogs } from '../../shared/dialogs';
import { RowConvertDialog } from './row-convert-dialog';

/** One row of the restanceliste: reasons, outreach status, contact attempts and conversion to a case. */
@Component({
  selector: 'bf-restance-row-page',
  imports: [
    ContactAttemptForm,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './row-page.html',
  styleUrl: './row-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowPage {
  private readonly store = inject(RestanceApi);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWork = inject(AuthStore).can(Permission.RestanceWork);
  protected readonly canCreateCase = inject(AuthStore).can(Permission.CaseWrite);

  readonly id = input.required<string>();

  protected readonly resource = httpResource<WorklistRow>(() => ({
    url: `/api/restance/worklist/${encodeURIComponent(this.id())}`,
    context: pageLoadContext(),
  }));
  protected readonly row = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly statuses = OUTREACH_STATUSES;
  protected readonly changeClass = changeClass;
  protected readonly outreachClass = outreachClass;
  protected readonly superseded = isSuperseded;
  protected readonly kr = formatKr;
  protected readonly listMonth = formatListMonth;
  protected readonly isSubmitting = signal(false);

  protected changeOutreach(outreachStatus: OutreachStatus): void {
    const current = this.row();
    if (!current || current.outreachStatus === outreachStatus) return;
    this.store.updateOutreach(current.id, outreachStatus, current.version).subscribe({
      next: (updated) => {
        this.resource.set(updated);
        this.notify('restance.outreachSaved');
      },
      error: (error: unknown) => {
        // The select already shows the new choice; show the stored one again.
        if (!isConflict(error)) this.resource.reload();
        this.handleError(error);
      },
    });
  }

  private readonly contactForm = viewChild(ContactAttemptForm);

  protected addContactAttempt(request: CreateContactAttemptRequest): void {
    const current = this.row();
    if (!current) return;
    this.isSubmitting.set(true);
    this.store.addContactAttempt(current.id, request).subscribe({
      next: (updated) => {
        this.isSubmitting.set(false);
        this.resource.set(updated);
        this.contactForm()?.reset();
        this.notify('restance.contactSaved');
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        this.handleError(error);
      },
    });
  }

  protected convert(): void {
    const current = this.row();
    if (!current) return;
    this.dialogs
      .open<RowConvertDialog, WorklistRow, boolean>(RowConvertDialog, {
        width: '28rem',
        data: current,
      })
      .subscribe(() => {
        this.resource.reload();
      });
  }

  private handleError(error: unknown): void {
    if (isConflict(error)) {
      const entity = this.transloco.translate('restance.entity');
      this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
        duration: 6000,
      });
      const body = (error as HttpErrorResponse).error as { current?: WorklistRow } | null;
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
