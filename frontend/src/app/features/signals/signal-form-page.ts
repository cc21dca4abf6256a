import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { SignalSource } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors } from '../../core/http/server-errors';
import { type PickedSubject, SubjectPicker } from '../people/subject-picker';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { SignalsApi } from './signals-api';
import { SIGNAL_SOURCES } from './signals-store';

export const SIGNAL_DESCRIPTION_MAX = 500;

@Component({
  selector: 'bf-signal-form-page',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatChipsModule,
    MatSelectModule,
    RouterLink,
    SubjectPicker,
    TranslocoPipe,
  ],
  templateUrl: './signal-form-page.html',
  styleUrl: './signal-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalFormPage {
  private readonly store = inject(SignalsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  protected readonly sources = SIGNAL_SOURCES;
  protected readonly maxLength = SIGNAL_DESCRIPTION_MAX;
  protected readonly teams = inject(AuthStore).user()?.teams ?? [];
  protected readonly subject = signal<PickedSubject | null>(null);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    source: ['' as SignalSource | '', Validators.required],
    description: ['', [Validators.required, Validators.maxLength(SIGNAL_DESCRIPTION_MAX)]],
    reporter: [''],
    teamId: [this.teams.length === 1 ? this.teams[0].id : '', Validators.required],
  });

  private readonly description = toSignal(this.form.controls.description.valueChanges, { initialValue: '' });
  protected readonly descriptionLength = computed(() => this.description().length);

  protected pick(subject: PickedSubject | null): void {
    this.subject.set(subject);
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const subject = this.subject();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store
      .create({
        source: value.source as SignalSource,
        teamId: value.teamId,
        description: value.description.trim(),
        reporter: value.reporter.trim() || null,
        tenancyId: subject?.kind === 'tenancy' ? subject.tenancy.id : null,
        personId: subject?.kind === 'person' ? subject.person.id : null,
      })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          void this.router.navigate(['/signals', created.id]);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
