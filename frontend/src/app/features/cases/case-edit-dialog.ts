import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type AssignableUser, type CaseDetail, IssueTag, SENSITIVE_TAGS } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CasesApi } from './cases-api';

/** The dialog result: the updated case, or 'conflict' when someone else changed it first. */
export type CaseEditDialogResult = CaseDetail | 'conflict';

const ALL_TAGS: readonly IssueTag[] = Object.values(IssueTag);

/** The users who may work on a case of the given team. */
export function assignableUsersUrl(teamId: string): string {
  return `/api/cases/assignable-users?teamId=${encodeURIComponent(teamId)}`;
}

/** Responsible worker, co-workers, underlying issues and review date of a case. */
@Component({
  selector: 'bf-case-edit-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCheckboxModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'caseEdit.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="case-edit-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="case-edit-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'caseEdit.responsible' | transloco }}</mat-label>
          <mat-select formControlName="responsibleId" data-testid="case-edit-responsible">
            @for (u of users(); track u.id) {
              <mat-option [value]="u.id">{{ u.displayName }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.responsibleId" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'caseEdit.coWorkers' | transloco }}</mat-label>
          <mat-select formControlName="coWorkerIds" multiple data-testid="case-edit-coworkers">
            @for (u of coWorkerOptions(); track u.id) {
              <mat-option [value]="u.id">{{ u.displayName }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.coWorkerIds" />
        </mat-form-field>
        <fieldset class="bf-field-group tags" data-testid="case-edit-tags">
          <legend>{{ 'caseEdit.tags' | transloco }}</legend>
          <ul class="bf-plain-list tag-list">
            @for (tag of visibleTags; track tag) {
              <li>
                <mat-checkbox
                  [checked]="isChecked(tag)"
                  [disabled]="!canEditTag(tag)"
                  (change)="toggleTag(tag, $event.checked)"
                  [attr.data-testid]="'case-edit-tag-' + tag"
                >
                  {{ 'issueTag.' + tag | transloco }}
                  @if (isSensitive(tag)) {
                    <span class="sensitive">({{ 'caseEdit.sensitive' | transloco }})</span>
                  }
                </mat-checkbox>
              </li>
            }
          </ul>
          @if (!detail.isMember) {
            <p class="bf-muted" data-testid="case-edit-sensitive-note">{{ 'caseEdit.sensitiveHidden' | transloco }}</p>
          }
          @if (form.controls.tags.getError('server'); as message) {
            <p class="bf-form-error" role="alert">{{ message }}</p>
          }
        </fieldset>
        <mat-form-field>
          <mat-label>{{ 'caseEdit.reviewDate' | transloco }}</mat-label>
          <input matInput type="date" formControlName="reviewDate" data-testid="case-edit-review-date" />
          <mat-error [bfFieldErrors]="form.controls.reviewDate" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="case-edit-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .tags {
      margin-bottom: 1rem;
    }
    .tag-list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0 0.5rem;
    }
    .sensitive {
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseEditDialog {
  private readonly cases = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<CaseEditDialog, CaseEditDialogResult>>(MatDialogRef);
  protected readonly detail = inject<CaseDetail>(MAT_DIALOG_DATA);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  /** Sensitive tags are neither shown nor sent for those who are not on the case. */
  protected readonly visibleTags = this.detail.isMember ? ALL_TAGS : ALL_TAGS.filter((t) => !this.isSensitive(t));

  private readonly assignable = httpResource<AssignableUser[]>(() => assignableUsersUrl(this.detail.team.id), {
    defaultValue: [],
  });

  /** The assignable users, plus the current workers should they no longer be assignable. */
  protected readonly users = computed(() => {
    const list: { id: string; displayName: string }[] = this.assignable.hasValue() ? [...this.assignable.value()] : [];
    for (const current of [this.detail.responsible, ...this.detail.coWorkers]) {
      if (!list.some((u) => u.id === current.id)) list.push(current);
    }
    return list;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    responsibleId: [this.detail.responsible.id, Validators.required],
    coWorkerIds: [this.detail.coWorkers.map((w) => w.id)],
    tags: [this.detail.tags.filter((t) => this.visibleTags.includes(t))],
    reviewDate: [this.detail.reviewDate?.slice(0, 10) ?? ''],
  });

  private readonly responsibleId = toSignal(this.form.controls.responsibleId.valueChanges, {
    initialValue: this.form.controls.responsibleId.value,
  });
  private readonly tags = toSignal(this.form.controls.tags.valueChanges, {
    initialValue: this.form.controls.tags.value,
  });
  protected readonly coWorkerOptions = computed(() => this.users().filter((u) => u.id !== this.responsibleId()));

  constructor() {
    // The responsible worker is not also a co-worker.
    this.form.controls.responsibleId.valueChanges.subscribe((id) => {
      const coWorkers = this.form.controls.coWorkerIds;
      if (coWorkers.value.includes(id)) coWorkers.setValue(coWorkers.value.filter((w) => w !== id));
    });
  }

  protected isSensitive(tag: IssueTag): boolean {
    return SENSITIVE_TAGS.includes(tag);
  }

  protected canEditTag(tag: IssueTag): boolean {
    return this.detail.isMember || !this.isSensitive(tag);
  }

  protected isChecked(tag: IssueTag): boolean {
    return this.tags().includes(tag);
  }

  protected toggleTag(tag: IssueTag, checked: boolean): void {
    if (!this.canEditTag(tag)) return;
    const current = this.form.controls.tags.value.filter((t) => t !== tag);
    // Keep the contract's order, so the request does not depend on the order of clicks.
    const next = checked ? ALL_TAGS.filter((t) => t === tag || current.includes(t)) : current;
    this.form.controls.tags.setValue(next);
    this.form.controls.tags.markAsDirty();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.cases
      .update(this.detail.id, {
        responsibleId: value.responsibleId,
        coWorkerIds: value.coWorkerIds.filter((id) => id !== value.responsibleId),
        tags: value.tags.filter((t) => this.canEditTag(t)),
        reviewDate: value.reviewDate || null,
        version: this.detail.version,
      })
      .subscribe({
        next: (updated) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(updated);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) {
            this.dialogRef.close('conflict');
          } else if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
