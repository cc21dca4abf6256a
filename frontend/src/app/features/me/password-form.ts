import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  FormGroupDirective,
  type NgForm,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { PASSWORD_MIN_LENGTH } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const newPassword = group.get('newPassword')?.value as string;
  const confirm = group.get('confirmPassword')?.value as string;
  return confirm && confirm !== newPassword ? { mismatch: true } : null;
}

// The mismatch error sits on the group, but is shown under the confirmation field.
class ConfirmPasswordErrorMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    const isInvalid = !!control?.invalid || !!form?.form.hasError('mismatch');
    return isInvalid && (!!control?.touched || !!form?.submitted);
  }
}

@Component({
  selector: 'bf-password-form',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, TranslocoPipe],
  templateUrl: './password-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordForm {
  private readonly authStore = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly confirmErrorMatcher = new ConfirmPasswordErrorMatcher();
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );

  protected changePassword(formDirective: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.authStore.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.isSubmitting.set(false);
        formDirective.resetForm();
        this.snackBar.open(this.transloco.translate('me.passwordChanged'), undefined, {
          duration: 6000,
        });
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.form.controls.currentPassword.setErrors({
            server: this.transloco.translate('me.wrongCurrentPassword'),
          });
          return;
        }
        this.errorMessage.set(
          applyServerErrors(this.form, error) ??
            (error instanceof HttpErrorResponse && error.status === 400
              ? null
              : this.transloco.translate('errors.unknown')),
        );
      },
    });
  }
}
