import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';

import { type PersonDetail, Permission, type SearchResult, type TenancySummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { injectDialogs } from '../../shared/dialogs';
import { PeopleApi, SEARCH_MIN_LENGTH } from './people-api';
import { PersonDialog, type PersonDialogData } from './person-dialog';
import { TenancyDialog } from './tenancy-dialog';

const DIALOG_CONFIG = { width: '32rem' } as const;

@Component({
  selector: 'bf-search-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatListModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  private readonly people = inject(PeopleApi);
  private readonly dialogs = injectDialogs();
  private readonly router = inject(Router);
  private readonly authStore = inject(AuthStore);
  protected readonly canWritePerson = this.authStore.can(Permission.PersonWrite);
  protected readonly canWriteTenancy = this.authStore.can(Permission.TenancyWrite);

  protected readonly q = new FormControl('', { nonNullable: true });
  protected readonly cpr = new FormControl('', { nonNullable: true });
  protected readonly result = signal<SearchResult | null>(null);
  protected readonly isLoading = signal(false);

  constructor() {
    this.q.valueChanges
      .pipe(
        debounceTime(300),
        distinctUntilChanged(),
        switchMap((value) => {
          const q = value.trim();
          if (q.length < SEARCH_MIN_LENGTH) return of(null);
          this.isLoading.set(true);
          return this.people.search({ q }).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.show(result));
  }

  protected searchCpr(): void {
    const cpr = this.cpr.value.trim();
    if (!cpr) return;
    this.isLoading.set(true);
    this.people.search({ cpr }).subscribe({
      next: (result) => this.show(result),
      error: () => this.show(null),
    });
  }

  protected createPerson(): void {
    this.dialogs
      .open<PersonDialog, PersonDialogData, PersonDetail | 'conflict'>(PersonDialog, {
        ...DIALOG_CONFIG,
        data: {},
      })
      .subscribe((person) => {
        if (person && person !== 'conflict') void this.router.navigate(['/persons', person.id]);
      });
  }

  protected createTenancy(): void {
    this.dialogs.open<TenancyDialog, unknown, TenancySummary>(TenancyDialog, DIALOG_CONFIG).subscribe((tenancy) => {
      void this.router.navigate(['/tenancies', tenancy.id]);
    });
  }

  private show(result: SearchResult | null): void {
    this.isLoading.set(false);
    this.result.set(result);
  }
}
