import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  CONSENT_DEFAULT_MONTHS,
  type Consent,
  type ConsentDirection,
  type ConsentForm,
  ConsentPurpose,
  DataCategory,
  type PartnerOrganisationSummary,
} from '@bofast/contracts';

import { addMonths, toIsoTimestamp, todayIso } from '../../core/format/dates';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CONSENT_DOCUMENT_MAX_BYTES, CONSENT_DOCUMENT_TYPES, ConsentsApi } from './consents-api';

export interface ConsentDialogData {
  personId: string;
  caseId?: string | null;
}

interface ConsentDocument {
  filename: string;
  contentType: string;
  base64: string;
}

/** Checks a chosen file; returns the translation key of the problem, or null when it is fine. */
export function documentProblem(file: { size: number; type: string }): string | null {
  if (!CONSENT_DOCUMENT_TYPES.includes(file.type)) return 'consent.documentType';
  if (file.size > CONSENT_DOCUMENT_MAX_BYTES) return 'consent.documentTooLarge';
  return null;
}

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Registers a consent (samtykke); closes with the new consent. */
@Component({
  selector: 'bf-consent-dialog',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  templateUrl: './consent-dialog.html',
  styleUrl: './consent-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentDialog {
  private readonly store = inject(ConsentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ConsentDialog, Consent>>(MatDialogRef);
  private readonly data = inject<ConsentDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly partners = httpResource<PartnerOrganisationSummary[]>(() => '/api/organisations/partners', {
    defaultValue: [],
  });
  protected readonly categories = Object.values(DataCategory);
  protected readonly purposes = Object.values(ConsentPurpose);
  protected readonly directions: ConsentDirection[] = ['indhente', 'videregive', 'begge'];
  protected readonly forms: ConsentForm[] = ['skriftlig', 'mundtlig', 'digital'];
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly documentError = signal<string | null>(null);
  protected readonly document = signal<ConsentDocument | null>(null);
  protected readonly showChoiceErrors = signal(false);

  readonly form = this.fb.group({
    recipientIds: [[] as string[], Validators.required],
    dataCategories: this.fb.group(Object.fromEntries(this.categories.map((c) => [c, false]))),
    purposes: this.fb.group(Object.fromEntries(this.purposes.map((p) => [p, false]))),
    direction: ['' as ConsentDirection | '', Validators.required],
    form: ['' as ConsentForm | '', Validators.required],
    witnessName: [''],
    interpreterUsed: [false],
    givenAt: [todayIso(), Validators.required],
    expiresAt: [addMonths(todayIso(), CONSENT_DEFAULT_MONTHS), Validators.required],
  });

  protected readonly consentForm = toSignal(this.form.controls.form.valueChanges, { initialValue: '' });

  constructor() {
    this.form.controls.form.valueChanges.subscribe((form) => {
      const witness = this.form.controls.witnessName;
      witness.setValidators(form === 'mundtlig' ? [Validators.required] : []);
      witness.updateValueAndValidity({ emitEvent: false });
    });
    this.form.controls.givenAt.valueChanges.subscribe((givenAt) => {
      if (givenAt) this.form.controls.expiresAt.setValue(addMonths(givenAt, CONSENT_DEFAULT_MONTHS));
    });
  }

  protected selected(group: 'dataCategories' | 'purposes'): string[] {
    const value = this.form.controls[group].getRawValue() as Record<string, boolean>;
    return Object.entries(value)
      .filter(([, checked]) => checked)
      .map(([key]) => key);
  }

  async chooseFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.document.set(null);
    this.documentError.set(null);
    if (!file) return;
    const problem = documentProblem(file);
    if (problem) {
      this.documentError.set(this.transloco.translate(problem));
      input.value = '';
      return;
    }
    const base64 = await readBase64(file);
    this.document.set({ filename: file.name, contentType: file.type, base64 });
  }

  save(): void {
    const categories = this.selected('dataCategories') as DataCategory[];
    const purposes = this.selected('purposes') as ConsentPurpose[];
    const choicesMissing = categories.length === 0 || purposes.length === 0;
    this.showChoiceErrors.set(choicesMissing);
    if (this.form.invalid || choicesMissing || this.documentError()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store
      .create({
        personId: this.data.personId,
        caseId: this.data.caseId ?? null,
        recipientIds: value.recipientIds,
        dataCategories: categories,
        purposes,
        direction: value.direction as ConsentDirection,
        form: value.form as ConsentForm,
        witnessName: value.form === 'mundtlig' ? value.witnessName.trim() : null,
        interpreterUsed: value.interpreterUsed,
        givenAt: toIsoTimestamp(value.givenAt),
        expiresAt: toIsoTimestamp(value.expiresAt),
        document: this.document(),
      })
      .subscribe({
        next: (consent) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(consent);
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
