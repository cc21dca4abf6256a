import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, type FormGroup, type NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { map, startWith, switchMap } from 'rxjs';

import {
  type CategoryNotes,
  type DataCategory,
  SHAREABLE_FIELDS,
  type ShareableField,
  sharedCategoriesOf,
} from '@bofast/contracts';

import { MORE_NOTE_CATEGORIES, NOTE_CATEGORIES, fieldsOf } from './referrals-api';

const FIELDS = Object.keys(SHAREABLE_FIELDS) as ShareableField[];
const ALL_NOTE_CATEGORIES = [...NOTE_CATEGORIES, ...MORE_NOTE_CATEGORIES];
/** Categories with fields first: bolig and økonomi, then the note-only ones. */
const ORDER: readonly DataCategory[] = ['bolig', 'oekonomi', 'beskaeftigelse', 'helbred'];

export type SharedDataForm = FormGroup<{
  fields: FormGroup<Record<ShareableField, FormControl<boolean>>>;
  notes: FormGroup<Record<DataCategory, FormControl<string>>>;
}>;

export function sharedDataGroup(
  fb: NonNullableFormBuilder,
  fields: readonly ShareableField[] = [],
  notes: CategoryNotes = {},
): SharedDataForm {
  return fb.group({
    fields: fb.group(
      Object.fromEntries(FIELDS.map((f) => [f, fb.control(fields.includes(f))])) as Record<
        ShareableField,
        FormControl<boolean>
      >,
    ),
    notes: fb.group(
      Object.fromEntries(ALL_NOTE_CATEGORIES.map((c) => [c, fb.control(notes[c] ?? '')])) as Record<
        DataCategory,
        FormControl<string>
      >,
    ),
  });
}

/** The checked fields (in the contract's order) and the notes that say something. */
export function sharedDataValue(group: SharedDataForm): { sharedFields: ShareableField[]; notes: CategoryNotes } {
  const value = group.getRawValue();
  const notes: CategoryNotes = {};
  for (const c of ALL_NOTE_CATEGORIES) {
    const text = value.notes[c]?.trim();
    if (text) notes[c] = text;
  }
  return { sharedFields: FIELDS.filter((f) => value.fields[f]), notes };
}

/**
 * Exactly what a referral shares: the fields from Bofast and a note per data category, grouped by
 * category, with a live "Deles: …" line computed by the contracts' sharedCategoriesOf().
 */
@Component({
  selector: 'bf-shared-data-fields',
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <div [formGroup]="group()">
      @for (category of categories(); track category) {
        <fieldset class="bf-field-group category" [attr.data-testid]="testIdPrefix() + '-category-' + category">
          <legend>{{ 'dataCategory.' + category | transloco }}</legend>
          @if (fieldsOf(category).length > 0) {
            <div class="checks" formGroupName="fields">
              @for (f of fieldsOf(category); track f) {
                <mat-checkbox [formControlName]="f" [attr.data-testid]="testIdPrefix() + '-field-' + f">{{
                  'shareableField.' + f | transloco
                }}</mat-checkbox>
              }
            </div>
          }
          <mat-form-field formGroupName="notes" class="note">
            <mat-label>{{
              'referrals.noteFor' | transloco: { category: ('dataCategory.' + category | transloco) }
            }}</mat-label>
            <textarea
              matInput
              [formControlName]="category"
              rows="2"
              [attr.data-testid]="testIdPrefix() + '-note-' + category"
            ></textarea>
          </mat-form-field>
        </fieldset>
      }
      @if (!showMore()) {
        <button
          mat-button
          type="button"
          (click)="isMoreOpen.set(true)"
          [attr.aria-expanded]="false"
          [attr.data-testid]="testIdPrefix() + '-more-categories'"
        >
          {{ 'referrals.moreCategories' | transloco }}
        </button>
      }
      <p class="summary" role="status" [attr.data-testid]="testIdPrefix() + '-shared-summary'">
        @if (shared().length > 0) {
          <strong>{{ 'referrals.sharedLabel' | transloco }}:</strong>
          @for (c of shared(); track c; let last = $last) {
            {{ 'dataCategory.' + c | transloco }}{{ last ? '' : ', ' }}
          }
        } @else {
          {{ 'referrals.sharedNothing' | transloco }}
        }
      </p>
      <p class="bf-muted hint">{{ 'referrals.alwaysShared' | transloco }}</p>
    </div>
  `,
  styles: `
    .category {
      margin-bottom: 0.5rem;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .note {
      width: 100%;
    }
    .summary {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .hint {
      margin: 0.25rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SharedDataFields {
  readonly group = input.required<SharedDataForm>();
  /** The data-testid prefix: `<prefix>-field-<field>`, `<prefix>-note-<category>`, `<prefix>-shared-summary`. */
  readonly testIdPrefix = input('referral');

  protected readonly fieldsOf = fieldsOf;
  protected readonly isMoreOpen = signal(false);

  private readonly value = toSignal(
    toObservable(this.group).pipe(
      switchMap((g) =>
        g.valueChanges.pipe(
          startWith(null),
          map(() => sharedDataValue(g)),
        ),
      ),
    ),
    { initialValue: { sharedFields: [] as ShareableField[], notes: {} as CategoryNotes } },
  );
  protected readonly shared = computed(() => sharedCategoriesOf(this.value().sharedFields, this.value().notes));
  /** The sensitive categories open by themselves when a note in them is already written. */
  protected readonly showMore = computed(
    () => this.isMoreOpen() || MORE_NOTE_CATEGORIES.some((c) => !!this.value().notes[c]),
  );
  protected readonly categories = computed(() => (this.showMore() ? [...ORDER, ...MORE_NOTE_CATEGORIES] : ORDER));
}
