import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type CaseSummary, type Consent, type Page, type PersonDetail, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { CaseTypesStore } from '../cases/case-types-store';
import { caseListParams, caseStatusClass } from '../cases/cases-store';
import { ConsentDialog, type ConsentDialogData } from '../consents/consent-dialog';
import { ConsentsList } from '../consents/consents-list';
import { injectDialogs } from '../../shared/dialogs';
import { CprConfirmDialog } from './cpr-confirm-dialog';
import { PeopleApi } from './people-api';
import { PersonDialog, type PersonDialogData } from './person-dialog';

const DIALOG_CONFIG = { width: '32rem' } as const;

@Component({
  selector: 'bf-person-page',
  imports: [ConsentsList, MatButtonModule, MatCardModule, MatChipsModule, RouterLink, TranslocoPipe],
  templateUrl: './person-page.html',
  styleUrl: './person-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonPage {
  private readonly people = inject(PeopleApi);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly authStore = inject(AuthStore);
  protected readonly caseTypes = inject(CaseTypesStore);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canReveal = this.authStore.can(Permission.PersonCprReveal);
  protected readonly canWrite = this.authStore.can(Permission.PersonWrite);
  protected readonly canReadConsent = this.authStore.can(Permission.ConsentRead);
  protected readonly canWriteConsent = this.authStore.can(Permission.ConsentWrite);
  protected readonly canReadCases = this.authStore.can(Permission.CaseRead);
  protected readonly statusClass = caseStatusClass;
  private readonly consentsList = viewChild(ConsentsList);

  readonly id = input.required<string>();
  protected readonly revealedCpr = signal<string | null>(null);

  protected readonly resource = httpResource<PersonDetail>(() => ({
    url: `/api/persons/${encodeURIComponent(this.id())}`,
    context: pageLoadContext(),
  }));
  protected readonly person = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  private readonly casesResource = httpResource<Page<CaseSummary>>(() =>
    this.canReadCases
      ? { url: '/api/cases', params: caseListParams({ personId: this.id(), mine: false, pageSize: 50 }) }
      : undefined,
  );
  protected readonly cases = computed(() => (this.casesResource.hasValue() ? this.casesResource.value().items : []));

  protected revealCpr(): void {
    this.dialogs.open<CprConfirmDialog, unknown, boolean>(CprConfirmDialog, DIALOG_CONFIG).subscribe(() => {
      this.people.revealCpr(this.id()).subscribe({
        next: (reveal) => this.revealedCpr.set(reveal.cpr),
        error: () => this.notify('errors.unknown'),
      });
    });
  }

  protected edit(): void {
    const person = this.person();
    if (!person) return;
    this.dialogs
      .open<PersonDialog, PersonDialogData, PersonDetail | 'conflict'>(PersonDialog, {
        ...DIALOG_CONFIG,
        data: { person },
      })
      .subscribe((result) => {
        if (result === 'conflict') {
          const entity = this.transloco.translate('person.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          this.resource.reload();
          return;
        }
        this.resource.set(result);
        this.notify('common.saved');
      });
  }

  protected registerConsent(): void {
    this.dialogs
      .open<ConsentDialog, ConsentDialogData, Consent>(ConsentDialog, {
        ...DIALOG_CONFIG,
        width: '44rem',
        data: { personId: this.id() },
      })
      .subscribe(() => {
        this.consentsList()?.reload();
        this.notify('consent.saved');
      });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
