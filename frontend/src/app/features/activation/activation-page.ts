import { HttpClient, HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import {
  type AbstractControl,
  FormGroupDirective,
  type NgForm,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';

import { type ActivationInfo, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { noAuthRedirectContext } from '../../core/http/http-context';
import { applyServerErrors, readApiError } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { FieldErrors } from '../../shared/forms/field-errors';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string;
  const confirm = group.get('confirmPassword')?.value as string;
  return confirm && confirm !== password ? { mismatch: true } : null;
}

// The mismatch error sits on the group, but is shown under the confirmation field.
class ConfirmPasswordErrorMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    const isInvalid = !!control?.invalid || !!form?.form.hasError('mismatch');
    return isInvalid && (!!control?.touched || !!form?.submitted);
  }
}

/**
 * The public page an activation link opens (/aktiver/:token): the user sets their own password. The
 * link is checked first, so a used or expired one says so before anything is typed.
 */
@Component({
  selector: 'bf-activation-page',
  imports: [
    FieldErrors,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './activation-page.html',
  styleUrl: '../login/login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivationPage {
  private readonly http = inject(HttpClient);
  private readonly authStore = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;

  /** From the route (:token). */
  readonly token = input.required<string>();

  protected readonly link = httpResource<ActivationInfo>(() => ({
    url: `/api/auth/activation/${encodeURIComponent(this.token())}`,
    context: noAuthRedirectContext(),
  }));
  /** The server's Danish reason when the link does not work (unknown, used, expired, throttled). */
  protected readonly linkProblem = computed(() => {
    const error = this.link.error();
    if (!error) return null;
    return readApiError(error)?.message ?? this.transloco.translate('errors.unknown');
  });

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly confirmErrorMatcher = new ConfirmPasswordErrorMatcher();
  protected readonly isSubmitting = signal(false);
  protected readonly done = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      ],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );

  protected activate(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    const body = { token: this.token(), password: this.form.getRawValue().password };
    this.authStore
      .ensureCsrfToken()
      .pipe(switchMap(() => this.http.post<void>('/api/auth/activation', body, { context: noAuthRedirectContext() })))
      .subscribe({
        next: () => {
          this.isSubmitting.set(false);
          this.done.set(true);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          const message = applyServerErrors(this.form, error);
          this.errorMessage.set(
            message ??
              (error instanceof HttpErrorResponse && error.status === 400
                ? null
                : (readApiError(error)?.message ?? this.transloco.translate('errors.unknown'))),
          );
        },
      });
  }
}
