import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';

import type { PersonSummary, SearchResult, TenancySummary } from '@bofast/contracts';

import { PeopleApi, SEARCH_MIN_LENGTH } from './people-api';

export type PickedSubject = { kind: 'person'; person: PersonSummary } | { kind: 'tenancy'; tenancy: TenancySummary };

const EMPTY: SearchResult = { persons: [], tenancies: [] };

/** A search field with autocomplete over persons and/or tenancies. */
@Component({
  selector: 'bf-subject-picker',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() | transloco }}</mat-label>
      <input
        matInput
        type="search"
        [formControl]="query"
        [matAutocomplete]="auto"
        autocomplete="off"
        [attr.data-testid]="inputTestId()"
      />
      <mat-hint>{{ 'picker.hint.' + kinds() | transloco }}</mat-hint>
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @if (kinds() !== 'persons') {
          @for (t of results().tenancies; track t.id) {
            <mat-option [value]="{ kind: 'tenancy', tenancy: t }" [attr.data-testid]="optionTestId()">
              {{ t.address }} · {{ 'tenancy.numberShort' | transloco }} {{ t.lejemaalsnummer }}
            </mat-option>
          }
        }
        @if (kinds() !== 'tenancies') {
          @for (p of results().persons; track p.id) {
            <mat-option [value]="{ kind: 'person', person: p }" [attr.data-testid]="optionTestId()">
              {{ p.name }}
              @if (p.birthYear) {
                ({{ p.birthYear }})
              }
            </mat-option>
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: '.field { width: 100%; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubjectPicker {
  private readonly people = inject(PeopleApi);

  readonly label = input('picker.label');
  readonly kinds = input<'all' | 'persons' | 'tenancies'>('all');
  readonly inputTestId = input('subject-search');
  readonly optionTestId = input('subject-option');
  readonly picked = output<PickedSubject | null>();

  protected readonly query = new FormControl<string | PickedSubject>('', { nonNullable: true });
  protected readonly results = signal<SearchResult>(EMPTY);

  constructor() {
    this.query.valueChanges
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((value) => {
          if (typeof value !== 'string') return of(null);
          this.picked.emit(null);
          const q = value.trim();
          if (q.length < SEARCH_MIN_LENGTH) return of(EMPTY);
          return this.people.search({ q }).pipe(catchError(() => of(EMPTY)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (result) this.results.set(result);
      });
  }

  protected readonly display = (value: string | PickedSubject | null): string => {
    if (!value || typeof value === 'string') return value ?? '';
    return value.kind === 'person' ? value.person.name : `${value.tenancy.address} (${value.tenancy.lejemaalsnummer})`;
  };

  protected select(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as PickedSubject);
  }

  clear(): void {
    this.query.setValue('');
  }
}
