import { COMMA, ENTER, SEMICOLON } from '@angular/cdk/keycodes';
import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  type BoligorganisationSummary,
  type ColumnAliases,
  type ImportProfile,
  REQUIRED_RESTANCE_FIELDS,
  type RestanceField,
} from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { pageLoadContext } from '../../core/http/http-context';
import { readApiError } from '../../core/http/server-errors';
import { RestanceApi } from './restance-api';
import { RESTANCE_FIELDS } from './restance-store';

/** Admin: which column headers of a boligorganisation's list map to which restance field. */
@Component({
  selector: 'bf-import-profiles-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  templateUrl: './import-profiles-page.html',
  styles: `
    .profile-card {
      max-width: 48rem;
      margin-top: 1rem;
    }
    .field {
      width: 100%;
    }
    .required-mark {
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProfilesPage {
  private readonly store = inject(RestanceApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly fields = RESTANCE_FIELDS;
  protected readonly separators = [ENTER, COMMA, SEMICOLON] as const;

  private readonly boResource = httpResource<BoligorganisationSummary[]>(() => ({
    url: '/api/organisations/boligorganisationer',
    context: pageLoadContext(),
  }));
  protected readonly boligorganisationer = computed(() => (this.boResource.hasValue() ? this.boResource.value() : []));

  protected readonly boligorganisationId = signal<string | null>(null);
  protected readonly profile = signal<ImportProfile | null>(null);
  protected readonly aliases = signal<ColumnAliases | null>(null);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly missingRequired = computed(() => {
    const aliases = this.aliases();
    return aliases ? REQUIRED_RESTANCE_FIELDS.filter((f) => (aliases[f] ?? []).length === 0) : [];
  });

  protected isRequired(field: RestanceField): boolean {
    return REQUIRED_RESTANCE_FIELDS.includes(field);
  }

  choose(boligorganisationId: string): void {
    this.boligorganisationId.set(boligorganisationId);
    this.profile.set(null);
    this.aliases.set(null);
    this.errorMessage.set(null);
    this.store.getProfile(boligorganisationId).subscribe({
      next: (profile) => this.apply(profile),
      error: () => this.errorMessage.set(this.transloco.translate('common.loadFailed')),
    });
  }

  private apply(profile: ImportProfile): void {
    this.profile.set(profile);
    const aliases = Object.fromEntries(RESTANCE_FIELDS.map((f) => [f, [...(profile.aliases[f] ?? [])]]));
    this.aliases.set(aliases as ColumnAliases);
  }

  add(field: RestanceField, event: MatChipInputEvent): void {
    const value = (event.value ?? '').trim();
    event.chipInput.clear();
    if (!value) return;
    this.aliases.update((current) => {
      if (!current) return current;
      const list = current[field] ?? [];
      if (list.some((a) => a.toLocaleLowerCase('da') === value.toLocaleLowerCase('da'))) return current;
      return { ...current, [field]: [...list, value] };
    });
  }

  remove(field: RestanceField, alias: string): void {
    this.aliases.update((current) =>
      current ? { ...current, [field]: (current[field] ?? []).filter((a) => a !== alias) } : current,
    );
  }

  submit(): void {
    const id = this.boligorganisationId();
    const profile = this.profile();
    const aliases = this.aliases();
    if (!id || !profile || !aliases || this.missingRequired().length > 0) return;
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.updateProfile(id, { aliases, version: profile.version }).subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        this.apply(saved);
        this.snackBar.open(this.transloco.translate('importProfile.saved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isConflict(error)) {
          const entity = this.transloco.translate('importProfile.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          const body = (error as HttpErrorResponse).error as { current?: ImportProfile } | null;
          if (body?.current) this.apply(body.current);
          else this.choose(id);
        } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          const apiError = readApiError(error);
          const details = Object.values(apiError?.fields ?? {}).flat();
          this.errorMessage.set(
            [apiError?.message ?? this.transloco.translate('errors.unknown'), ...details].join(' '),
          );
        }
      },
    });
  }
}
