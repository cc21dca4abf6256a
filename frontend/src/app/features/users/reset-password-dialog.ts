import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { ActivationLink, UserSummary } from '@bofast/contracts';

import { ActivationLinkPanel } from './activation-link-panel';
import { UsersStore } from './users-store';

/**
 * Resets a user's password: the old one stops working and their sessions end; the admin is shown a
 * new one-time activation link (once) and never chooses a password.
 */
@Component({
  selector: 'bf-reset-password-dialog',
  imports: [ActivationLinkPanel, MatButtonModule, MatDialogModule, TranslocoPipe],
  templateUrl: './reset-password-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordDialog {
  private readonly store = inject(UsersStore);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, boolean>>(MatDialogRef);
  private readonly transloco = inject(TranslocoService);
  protected readonly user = inject<UserSummary>(MAT_DIALOG_DATA);

  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly link = signal<ActivationLink | null>(null);

  protected reset(): void {
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.resetPassword(this.user.id).subscribe({
      next: (link) => {
        this.isSubmitting.set(false);
        this.link.set(link);
        this.dialogRef.disableClose = true;
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.errorMessage.set(
            typeof error.error?.message === 'string' ? error.error.message : this.transloco.translate('errors.unknown'),
          );
        }
      },
    });
  }
}
