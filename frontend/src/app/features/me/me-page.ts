import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { SessionInfo } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PasswordForm } from './password-form';
import { shortenUserAgent } from './user-agent';

@Component({
  selector: 'bf-me-page',
  imports: [
    FORM_FIELD_IMPORTS,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatTableModule,
    PasswordForm,
    TranslocoPipe,
  ],
  templateUrl: './me-page.html',
  styleUrl: './me-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MePage {
  private readonly authStore = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly user = this.authStore.user;
  protected readonly language = inject(LanguageStore).language;
  // The server answers nothing but the password change until it is done (403 PASSWORD_CHANGE_REQUIRED).
  protected readonly sessions = httpResource<SessionInfo[]>(
    () => (this.user()?.mustChangePassword ? undefined : '/api/auth/sessions'),
    { defaultValue: [] },
  );
  protected readonly sessionColumns = ['created', 'lastSeen', 'expires', 'device', 'address', 'actions'];
  protected readonly shortenUserAgent = shortenUserAgent;
  protected readonly isSaving = signal(false);
  protected readonly detailsError = signal<string | null>(null);

  protected readonly detailsForm = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    email: ['', Validators.email],
  });

  constructor() {
    effect(() => {
      const user = this.user();
      if (user && this.detailsForm.pristine) {
        this.detailsForm.reset({
          displayName: user.displayName,
          email: user.email ?? '',
        });
      }
    });
  }

  protected saveDetails(): void {
    if (this.detailsForm.invalid) {
      this.detailsForm.markAllAsTouched();
      return;
    }
    const { displayName, email } = this.detailsForm.getRawValue();
    this.isSaving.set(true);
    this.detailsError.set(null);
    this.authStore.updateMe({ displayName, email: email.trim() || null }).subscribe({
      next: (user) => {
        this.isSaving.set(false);
        this.detailsForm.reset({
          displayName: user.displayName,
          email: user.email ?? '',
        });
        this.snackBar.open(this.transloco.translate('me.detailsSaved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.isSaving.set(false);
        this.detailsError.set(applyServerErrors(this.detailsForm, error));
      },
    });
  }

  protected endSession(session: SessionInfo): void {
    this.authStore.endSession(session.id).subscribe({
      next: () => {
        this.snackBar.open(this.transloco.translate('me.sessionEnded'), undefined, { duration: 4000 });
        this.sessions.reload();
      },
      error: () => this.sessions.reload(),
    });
  }
}
