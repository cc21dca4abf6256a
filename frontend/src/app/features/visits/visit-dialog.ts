import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';

import { type PartnerDirectoryEntry, VISIT_TRANSITIONS, type Visit, type VisitStatus } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { applyServerErrors, readApiError } from '../../core/http/server-errors';
import { isVersionConflict } from '../evictions/evictions-api';
import { formatTimestamp } from '../restance/restance-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { type VisitDraftMode, VisitDrafts, type VisitFormValue, isRetryable, newClientId } from './visit-drafts';
import {
  completeVisitRequest,
  completeVisitValue,
  createVisitRequest,
  defaultFollowUpDate,
  defaultVisitValue,
} from './visit-form';
import { LOCATION_TYPES, VISIT_STATUSES, VisitsApi, isHeld } from './visits-api';

export type VisitDialogMode = VisitDraftMode | 'complete';

export interface VisitDialogData {
  caseId: string;
  mode: VisitDialogMode;
  /** The case's resident: preselected as taking part. */
  personId: string;
  /** The resident and the household members who can take part. */
  household: { personId: string; name: string }[];
  /** complete: the planned visit whose outcome is registered. */
  visit?: Visit;
}

/** The saved visit, or 'conflict' when someone else changed the planned visit first. */
export type VisitDialogResult = Visit | 'conflict';

function requiredWhenHeld(control: AbstractControl<string>): ValidationErrors | null {
  const status = control.parent?.get('status')?.value as VisitStatus | undefined;
  return status && isHeld(status) && !control.value ? { required: true } : null;
}

function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return (control.value ?? '').trim() ? null : { required: true };
}

/**
 * "Registrér besøg" (a visit that has happened), "Planlæg besøg", and the outcome of a planned visit.
 * Built for a phone at the door: every choice is a big toggle with a sensible default. A new visit is a
 * draft on the device from the first change until the server has saved it (see VisitDrafts).
 */
@Component({
  selector: 'bf-visit-dialog',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatIconModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  templateUrl: './visit-dialog.html',
  styleUrl: './visit-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitDialog {
  private readonly api = inject(VisitsApi);
  private readonly drafts = inject(VisitDrafts);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialogRef = inject<MatDialogRef<VisitDialog, VisitDialogResult>>(MatDialogRef);
  protected readonly data = inject<VisitDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;
  protected readonly locations = LOCATION_TYPES;

  private readonly stored = this.data.mode === 'complete' ? null : this.drafts.forCase(this.data.caseId);
  /** A draft of this case found on the device is picked up where it was left. */
  protected readonly mode: VisitDialogMode = this.stored?.mode ?? this.data.mode;
  protected readonly clientId = this.stored?.clientId ?? newClientId();
  protected readonly restored = !!this.stored;
  protected readonly statuses: readonly VisitStatus[] =
    this.mode === 'complete'
      ? VISIT_STATUSES.filter((s) => VISIT_TRANSITIONS.planlagt.includes(s))
      : VISIT_STATUSES.filter((s) => s !== 'planlagt');

  protected readonly partners = httpResource<PartnerDirectoryEntry[]>(() => '/api/partners', { defaultValue: [] });
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** The visit is queued on the device, waiting for a connection. */
  protected readonly offline = signal(!!this.stored?.request);

  readonly form = this.fb.group({
    status: ['gennemfoert' as VisitStatus, Validators.required],
    occurredAt: ['', requiredWhenHeld],
    plannedAt: ['', this.mode === 'plan' ? Validators.required : []],
    locationType: ['hjem' as VisitFormValue['locationType'], Validators.required],
    announced: [false],
    householdIds: [[] as string[]],
    interpreter: [false],
    interpreterName: [''],
    partnerId: [''],
    partnerName: [''],
    purpose: [''],
    summary: [''],
    followUps: this.fb.array<ReturnType<VisitDialog['followUpGroup']>>([]),
  });
  /** Holds the server's message about participants (e.g. partner staff without consent). */
  protected readonly participantsError = new FormControl<null>(null);

  private readonly status = toSignal(this.form.controls.status.valueChanges, {
    initialValue: this.form.controls.status.value,
  });
  private readonly householdIds = toSignal(this.form.controls.householdIds.valueChanges, {
    initialValue: this.form.controls.householdIds.value,
  });
  protected readonly interpreter = toSignal(this.form.controls.interpreter.valueChanges, { initialValue: false });
  protected readonly partnerId = toSignal(this.form.controls.partnerId.valueChanges, { initialValue: '' });
  protected readonly held = computed(() => isHeld(this.status()));
  protected readonly titleKey =
    this.mode === 'plan' ? 'visits.planTitle' : this.mode === 'complete' ? 'visits.completeTitle' : 'visits.logTitle';
  protected readonly submitKey =
    this.mode === 'plan' ? 'visits.planSubmit' : this.mode === 'complete' ? 'visits.completeSubmit' : 'visits.submit';

  constructor() {
    const initial =
      this.stored?.value ??
      (this.data.mode === 'complete' && this.data.visit
        ? completeVisitValue(this.data.visit)
        : defaultVisitValue(this.mode === 'plan' ? 'plan' : 'log', this.residentId()));
    this.setValue(initial);
    if (this.offline()) this.form.disable({ emitEvent: false });
    this.form.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.occurredAt.updateValueAndValidity({ emitEvent: false });
    });
    // Every change is on the device at once: a dropped connection or a closed tab loses nothing.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.keepDraft());
    // A queued visit the drafts service got through in the background closes the dialog.
    this.drafts.sent
      .pipe(
        filter((s) => s.draft.clientId === this.clientId),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.dialogRef.close(s.visit));
  }

  protected isParticipant(personId: string): boolean {
    return this.householdIds().includes(personId);
  }

  protected toggleParticipant(personId: string, checked: boolean): void {
    const current = this.form.controls.householdIds.value.filter((id) => id !== personId);
    this.form.controls.householdIds.setValue(
      checked
        ? this.data.household.map((m) => m.personId).filter((id) => id === personId || current.includes(id))
        : current,
    );
  }

  protected partnerOf(id: string): PartnerDirectoryEntry | null {
    return this.partners.value().find((p) => p.id === id) ?? null;
  }

  protected addFollowUp(): void {
    this.form.controls.followUps.push(this.followUpGroup());
  }

  protected removeFollowUp(index: number): void {
    this.form.controls.followUps.removeAt(index);
  }

  protected discard(): void {
    this.drafts.remove(this.clientId);
    this.dialogRef.close();
  }

  protected save(): void {
    this.participantsError.setErrors(null);
    this.form.controls.occurredAt.updateValueAndValidity({ emitEvent: false });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.errorMessage.set(null);
    const value = this.value();
    if (this.mode === 'complete') {
      this.complete(value);
      return;
    }
    this.send(createVisitRequest(value, this.clientId, this.mode));
  }

  /** "Prøv igen": the queued request once more. */
  protected retry(): void {
    const request = this.drafts.forCase(this.data.caseId)?.request;
    if (request && !this.isSubmitting()) this.send(request);
  }

  private send(request: ReturnType<typeof createVisitRequest>): void {
    if (this.mode === 'complete') return;
    this.isSubmitting.set(true);
    this.drafts
      .send({ clientId: this.clientId, caseId: this.data.caseId, mode: this.mode, value: this.value(), request })
      .subscribe({
        next: (visit) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(visit);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isRetryable(error)) {
            this.offline.set(true);
            this.form.disable({ emitEvent: false });
            return;
          }
          this.offline.set(false);
          this.form.enable({ emitEvent: false });
          this.showError(error);
        },
      });
  }

  private complete(value: VisitFormValue): void {
    const visit = this.data.visit;
    if (!visit) return;
    this.isSubmitting.set(true);
    this.api.complete(visit.id, completeVisitRequest(value, visit)).subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isVersionConflict(error)) this.dialogRef.close('conflict');
        else if (!isRetryable(error)) this.showError(error);
      },
    });
  }

  private showError(error: unknown): void {
    const apiError = readApiError(error);
    if (error instanceof HttpErrorResponse && error.status === 400) {
      const fields = apiError?.fields ?? {};
      // "participants" is no form control: its message (e.g. partner staff without consent) goes under them.
      if (fields['participants']?.length) {
        this.participantsError.setErrors({ server: fields['participants'].join(' ') });
        this.participantsError.markAsTouched();
      }
      const message = applyServerErrors(this.form, error);
      const keys = Object.keys(fields);
      this.errorMessage.set(keys.length > 0 && keys.every((f) => f === 'participants') ? null : message);
      return;
    }
    this.errorMessage.set(apiError?.message ?? this.transloco.translate('errors.unknown'));
  }

  private keepDraft(): void {
    if (this.mode === 'complete' || this.offline()) return;
    this.drafts.save({
      clientId: this.clientId,
      caseId: this.data.caseId,
      mode: this.mode,
      value: this.value(),
      request: null,
    });
  }

  private value(): VisitFormValue {
    return this.form.getRawValue();
  }

  private setValue(value: VisitFormValue): void {
    const followUps = this.form.controls.followUps;
    followUps.clear({ emitEvent: false });
    for (const f of value.followUps) followUps.push(this.followUpGroup(f), { emitEvent: false });
    this.form.patchValue(value, { emitEvent: false });
    // The toSignal()s above only see changes, so they are told about the restored value.
    this.form.controls.status.setValue(value.status, { emitEvent: true });
    this.form.controls.householdIds.setValue(value.householdIds, { emitEvent: true });
    this.form.controls.interpreter.setValue(value.interpreter, { emitEvent: true });
    this.form.controls.partnerId.setValue(value.partnerId, { emitEvent: true });
  }

  private residentId(): string | null {
    return this.data.household.some((m) => m.personId === this.data.personId) ? this.data.personId : null;
  }

  private followUpGroup(value = { title: '', dueDate: defaultFollowUpDate() }) {
    return this.fb.group({
      title: [value.title, requiredText],
      dueDate: [value.dueDate, Validators.required],
    });
  }
}
