import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import {
  AGREEMENT_TRANSITIONS,
  APPLICATION_TRANSITIONS,
  type AgreementStatus,
  type ApplicationStatus,
  type HelpApplication,
  type PaymentAgreement,
} from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatKr } from '../restance/restance-store';
import { injectDialogs } from '../../shared/dialogs';
import { AgreementDialog } from './agreement-dialog';
import { ApplicationDialog } from './application-dialog';
import { EconomyApi } from './economy-api';

const DIALOG_CONFIG = { width: '32rem' } as const;

export function agreementStatusClass(status: AgreementStatus): string {
  if (status === 'aftalt' || status === 'overholdes') return 'bf-chip-active';
  if (status === 'misligholdt') return 'bf-chip-inactive';
  if (status === 'forhandles') return 'bf-chip-warn';
  return 'bf-chip-neutral';
}

export function applicationStatusClass(status: ApplicationStatus): string {
  if (status === 'bevilget') return 'bf-chip-active';
  if (status === 'afslag') return 'bf-chip-inactive';
  if (status === 'klage' || status === 'indsendt') return 'bf-chip-warn';
  return 'bf-chip-neutral';
}

/** Økonomi on the case page: afdragsordninger and ansøgninger om hjælp; `changed` fires after each change. */
@Component({
  selector: 'bf-economy-panel',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatIconModule, MatMenuModule, TranslocoPipe],
  templateUrl: './economy-panel.html',
  styleUrl: './economy-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EconomyPanel {
  private readonly economy = inject(EconomyApi);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;

  readonly caseId = input.required<string>();
  /** case.write on an open case. */
  readonly canEdit = input(false);
  readonly changed = output<void>();

  protected readonly kr = formatKr;
  protected readonly agreementTransitions = AGREEMENT_TRANSITIONS;
  protected readonly applicationTransitions = APPLICATION_TRANSITIONS;
  protected readonly agreementClass = agreementStatusClass;
  protected readonly applicationClass = applicationStatusClass;

  protected readonly agreements = httpResource<PaymentAgreement[]>(() => this.economy.agreementsUrl(this.caseId()), {
    defaultValue: [],
  });
  protected readonly applications = httpResource<HelpApplication[]>(() => this.economy.applicationsUrl(this.caseId()), {
    defaultValue: [],
  });

  reload(): void {
    this.agreements.reload();
    this.applications.reload();
  }

  protected createAgreement(): void {
    this.dialogs
      .open<AgreementDialog, string, PaymentAgreement>(AgreementDialog, {
        ...DIALOG_CONFIG,
        data: this.caseId(),
      })
      .subscribe(() => {
        this.agreements.reload();
        this.done('economy.agreementCreated');
      });
  }

  protected createApplication(): void {
    this.dialogs
      .open<ApplicationDialog, string, HelpApplication>(ApplicationDialog, {
        ...DIALOG_CONFIG,
        data: this.caseId(),
      })
      .subscribe(() => {
        this.applications.reload();
        this.done('economy.applicationCreated');
      });
  }

  protected setAgreementStatus(agreement: PaymentAgreement, status: AgreementStatus): void {
    this.changeStatus(
      this.economy.changeAgreementStatus(this.caseId(), agreement, status),
      'economy.agreementEntity',
      () => this.agreements.reload(),
    );
  }

  protected setApplicationStatus(application: HelpApplication, status: ApplicationStatus): void {
    this.changeStatus(
      this.economy.changeApplicationStatus(this.caseId(), application, status),
      'economy.applicationEntity',
      () => this.applications.reload(),
    );
  }

  private changeStatus(request: Observable<unknown>, entityKey: string, reload: () => void): void {
    request.subscribe({
      next: () => {
        reload();
        this.done('economy.statusSaved');
      },
      error: (error: unknown) => {
        if (isConflict(error)) {
          const entity = this.transloco.translate(entityKey);
          this.snackBar.open(this.transloco.translate('economy.statusConflict', { entity }), undefined, {
            duration: 6000,
          });
          reload();
        }
      },
    });
  }

  private done(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
    this.changed.emit();
  }
}
