import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';

import {
  ActionOwner,
  ActionStatus,
  type CaseDetail,
  type Consent,
  type HandleplanAction,
  Permission,
  type TimelineEvent,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { LanguageStore } from '../../core/i18n/language-store';
import { HANDSET_QUERY } from '../../core/shell/shell';
import { ConsentDialog, type ConsentDialogData } from '../consents/consent-dialog';
import { ConsentsList } from '../consents/consents-list';
import { EvictionPanel } from '../evictions/eviction-panel';
import { HandoffDialog, type HandoffDialogResult } from '../handoffs/handoff-dialog';
import { HandoffsList } from '../handoffs/handoffs-list';
import { ReferralsPanel } from '../referrals/referrals-panel';
import { VisitsPanel } from '../visits/visits-panel';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { injectDialogs, onConflict } from '../../shared/dialogs';
import { CaseEditDialog, type CaseEditDialogResult } from './case-edit-dialog';
import { CaseStore } from './case-store';
import { CaseTimeline } from './case-timeline';
import { CaseTypesStore } from './case-types-store';
import { CasesApi } from './cases-api';
import { caseStatusClass } from './cases-store';
import { ContactDialog } from './contact-dialog';
import { EconomyPanel } from './economy-panel';
import { NoteDialog, type NoteDialogData } from './note-dialog';
import { ReopenDialog } from './reopen-dialog';
import { StatusDialog, type StatusDialogResult } from './status-dialog';

const DIALOG_CONFIG = { width: '36rem' } as const;

@Component({
  selector: 'bf-case-page',
  imports: [
    FORM_FIELD_IMPORTS,
    CaseTimeline,
    ConsentsList,
    DatePipe,
    EconomyPanel,
    EvictionPanel,
    HandoffsList,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatIconModule,
    MatSelectModule,
    ReferralsPanel,
    RouterLink,
    TranslocoPipe,
    VisitsPanel,
  ],
  providers: [CaseStore],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePage {
  protected readonly store = inject(CaseStore);
  private readonly api = inject(CasesApi);
  protected readonly caseTypes = inject(CaseTypesStore);
  private readonly dialogs = injectDialogs();
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly authStore = inject(AuthStore);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canRead = this.authStore.can(Permission.CaseRead);
  protected readonly canWrite = this.authStore.can(Permission.CaseWrite);
  protected readonly canConsent = this.authStore.can(Permission.ConsentWrite);
  protected readonly canReadConsent = this.authStore.can(Permission.ConsentRead);
  protected readonly canReadEviction = this.authStore.can(Permission.EvictionRead);
  protected readonly statusClass = caseStatusClass;
  protected readonly owners = Object.values(ActionOwner);
  protected readonly actionStatuses = Object.values(ActionStatus);
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  private readonly consentsList = viewChild(ConsentsList);
  private readonly visitsPanel = viewChild(VisitsPanel);
  private readonly handoffsList = viewChild(HandoffsList);
  // Resetting through the directive also clears "submitted", so the emptied fields show no errors.
  private readonly goalFormDir = viewChild<FormGroupDirective>('goalFormDir');
  private readonly actionFormDir = viewChild<FormGroupDirective>('actionFormDir');

  readonly id = input.required<string>();
  protected readonly savingPlan = signal(false);

  protected readonly goalForm = this.fb.group({ text: ['', Validators.required] });
  protected readonly actionForm = this.fb.group({
    description: ['', Validators.required],
    owner: ['medarbejder' as ActionOwner, Validators.required],
    ownerName: [''],
    dueDate: [''],
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected addNote(corrects?: TimelineEvent): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<NoteDialog, NoteDialogData, TimelineEvent>(NoteDialog, {
        ...DIALOG_CONFIG,
        data: { caseId: detail.id, corrects },
      })
      .subscribe(() => {
        this.afterEvent('note.saved');
      });
  }

  protected addContact(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<ContactDialog, string, TimelineEvent>(ContactDialog, {
        ...DIALOG_CONFIG,
        data: detail.id,
      })
      .subscribe(() => {
        this.afterEvent('contact.saved');
      });
  }

  protected changeStatus(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<StatusDialog, CaseDetail, StatusDialogResult>(StatusDialog, {
        ...DIALOG_CONFIG,
        data: detail,
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.store.set(result);
        this.afterEvent('status.saved');
      });
  }

  protected editCase(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<CaseEditDialog, CaseDetail, CaseEditDialogResult>(CaseEditDialog, {
        ...DIALOG_CONFIG,
        data: detail,
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.store.set(result);
        this.afterEvent('caseEdit.saved');
      });
  }

  protected registerConsent(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<ConsentDialog, ConsentDialogData, Consent>(ConsentDialog, {
        ...DIALOG_CONFIG,
        width: '44rem',
        data: { personId: detail.person.id, caseId: detail.id },
      })
      .subscribe(() => {
        this.store.reload();
        this.consentsList()?.reload();
        this.afterEvent('consent.saved');
      });
  }

  /** "Registrér besøg" sits with the quick actions, so a field worker on a phone has it at hand. */
  protected registerVisit(): void {
    this.visitsPanel()?.open('log');
  }

  protected handOff(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<HandoffDialog, CaseDetail, HandoffDialogResult>(HandoffDialog, {
        ...DIALOG_CONFIG,
        data: detail,
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe(() => {
        this.store.reload();
        this.handoffsList()?.reload();
        this.afterEvent('handoff.saved');
      });
  }

  /** A consent registered from a refused referral: the banner and the consents list change too. */
  protected referralConsentChanged(): void {
    this.consentsList()?.reload();
    this.consentChanged();
  }

  protected consentChanged(): void {
    this.store.reload();
    this.store.loadTimeline(true);
  }

  protected reopen(): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.dialogs
      .open<ReopenDialog, CaseDetail, CaseDetail>(ReopenDialog, {
        ...DIALOG_CONFIG,
        data: detail,
      })
      .subscribe((created) => {
        this.notify('reopen.done');
        void this.router.navigate(['/cases', created.id]);
      });
  }

  protected addGoal(): void {
    const detail = this.store.detail();
    if (!detail || this.goalForm.invalid) {
      this.goalForm.markAllAsTouched();
      return;
    }
    this.savingPlan.set(true);
    this.api.addGoal(detail.id, { text: this.goalForm.getRawValue().text.trim() }).subscribe({
      next: (updated) => {
        this.savingPlan.set(false);
        this.store.set(updated);
        this.goalFormDir()?.resetForm();
        this.store.loadTimeline(true);
      },
      error: () => this.planFailed(),
    });
  }

  protected addAction(): void {
    const detail = this.store.detail();
    if (!detail || this.actionForm.invalid) {
      this.actionForm.markAllAsTouched();
      return;
    }
    const value = this.actionForm.getRawValue();
    this.savingPlan.set(true);
    this.api
      .addAction(detail.id, {
        description: value.description.trim(),
        owner: value.owner,
        ownerName: value.ownerName.trim() || null,
        dueDate: value.dueDate || null,
      })
      .subscribe({
        next: (updated) => {
          this.savingPlan.set(false);
          this.store.set(updated);
          this.actionFormDir()?.resetForm({
            ...this.actionForm.getRawValue(),
            description: '',
            ownerName: '',
            dueDate: '',
          });
          this.store.loadTimeline(true);
        },
        error: () => this.planFailed(),
      });
  }

  protected setActionStatus(action: HandleplanAction, status: ActionStatus): void {
    const detail = this.store.detail();
    if (!detail) return;
    this.api.updateAction(detail.id, action.id, { status, version: action.version }).subscribe({
      next: (updated) => {
        this.store.set(updated);
        this.store.loadTimeline(true);
      },
      error: (error: unknown) => {
        if (isConflict(error)) this.conflict();
        else this.planFailed();
      },
    });
  }

  private planFailed(): void {
    this.savingPlan.set(false);
    this.notify('errors.unknown');
  }

  private conflict(): void {
    const entity = this.transloco.translate('cases.entity');
    this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, { duration: 6000 });
    this.store.reload();
    this.store.loadTimeline(true);
  }

  private afterEvent(key: string): void {
    this.notify(key);
    this.store.loadTimeline(true);
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
