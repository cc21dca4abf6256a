import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type Consent, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { ConsentsApi, consentStatusClass } from './consents-api';
import { WithdrawDialog } from './withdraw-dialog';

/** A person's consents with status chips and withdrawal; `compact` leaves out the details. */
@Component({
  selector: 'bf-consents-list',
  imports: [DatePipe, MatButtonModule, MatChipsModule, TranslocoPipe],
  templateUrl: './consents-list.html',
  styleUrl: './consents-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentsList {
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(ConsentsApi);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWrite = inject(AuthStore).can(Permission.ConsentWrite);
  protected readonly statusClass = consentStatusClass;

  readonly personId = input.required<string>();
  readonly compact = input(false);
  readonly changed = output<Consent>();

  protected readonly consents = httpResource<Consent[]>(
    () => `/api/persons/${encodeURIComponent(this.personId())}/consents`,
    { defaultValue: [] },
  );

  reload(): void {
    this.consents.reload();
  }

  protected withdraw(consent: Consent): void {
    this.dialogs
      .open<WithdrawDialog, Consent, Consent | 'conflict'>(WithdrawDialog, {
        width: '28rem',
        data: consent,
      })
      .subscribe((result) => {
        if (result === 'conflict') {
          const entity = this.transloco.translate('consent.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
        } else {
          this.snackBar.open(this.transloco.translate('withdraw.done'), undefined, { duration: 4000 });
          this.changed.emit(result);
        }
        this.consents.reload();
      });
  }
}
