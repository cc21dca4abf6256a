import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  type BoligorganisationSummary,
  type ImportPreview,
  Permission,
  type RestanceImportSummary,
  type UploadRestanceRequest,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors, readApiError } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { RestanceApi } from './restance-api';
import {
  COUNT_KEYS,
  MAX_RESTANCE_FILE_BYTES,
  RESTANCE_FILE_EXTENSIONS,
  currentMonth,
  formatListMonth,
  formatTimestamp,
  isImportFinished,
  readFileAsBase64,
} from './restance-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

interface BoOption {
  id: string;
  name: string;
}

/** Upload of a boligorganisation's monthly restanceliste: preview (dry run), commit with progress, history. */
@Component({
  selector: 'bf-restance-import-page',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly http = inject(HttpClient);
  private readonly store = inject(RestanceApi);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageStore).language;
  private readonly auth = inject(AuthStore);
  protected readonly canReadWorklist = this.auth.can(Permission.RestanceRead);
  protected readonly countKeys = COUNT_KEYS;
  protected readonly accept = RESTANCE_FILE_EXTENSIONS.join(',');
  protected readonly listMonth = formatListMonth;
  protected readonly timestamp = formatTimestamp;

  protected readonly boOptions = signal<BoOption[]>([]);
  protected readonly boLoaded = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly isBusy = signal(false);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly running = signal<RestanceImportSummary | null>(null);
  protected readonly result = signal<RestanceImportSummary | null>(null);
  protected readonly history = signal<RestanceImportSummary[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    boligorganisationId: ['', Validators.required],
    month: [currentMonth(), Validators.required],
  });

  protected readonly progressValue = computed(() => {
    const progress = this.running()?.progress;
    return progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  });
  protected readonly canCommit = computed(() => {
    const preview = this.preview();
    return !!preview && preview.missingColumns.length === 0 && !this.running();
  });

  constructor() {
    this.loadBoligorganisationer();
    this.form.controls.boligorganisationId.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      this.resetPreview();
      this.loadHistory(id);
    });
    this.form.controls.month.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.resetPreview());
  }

  /** Admins and caseworkers read all boligorganisationer; a boligorganisation user sees its own in the history. */
  private loadBoligorganisationer(): void {
    // A boligorganisation user uploads for exactly one organisation, which their account names.
    const own = this.auth.user()?.boligorganisation;
    if (own) {
      this.setOptions([{ id: own.id, name: own.name }]);
      return;
    }
    this.http.get<BoligorganisationSummary[]>('/api/organisations/boligorganisationer').subscribe({
      next: (list) => this.setOptions(list.map(({ id, name }) => ({ id, name }))),
      error: () =>
        this.store.listImports().subscribe({
          next: (imports) => {
            const distinct = new Map<string, string>();
            for (const i of imports) distinct.set(i.boligorganisation.id, i.boligorganisation.name);
            this.setOptions([...distinct].map(([id, name]) => ({ id, name })));
          },
          error: () => this.setOptions([]),
        }),
    });
  }

  private setOptions(options: BoOption[]): void {
    this.boOptions.set([...options].sort((a, b) => a.name.localeCompare(b.name, 'da')));
    this.boLoaded.set(true);
    if (options.length === 1) this.form.controls.boligorganisationId.setValue(options[0].id);
  }

  private loadHistory(boligorganisationId: string): void {
    if (!boligorganisationId) {
      this.history.set([]);
      return;
    }
    this.store.listImports(boligorganisationId).subscribe({
      next: (list) => this.history.set(list),
      error: () => this.history.set([]),
    });
  }

  protected pickFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.resetPreview();
    this.fileError.set(null);
    if (!file) {
      this.file.set(null);
      return;
    }
    const name = file.name.toLowerCase();
    if (!RESTANCE_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      this.file.set(null);
      this.fileError.set(this.transloco.translate('restance.fileType'));
      input.value = '';
      return;
    }
    if (file.size > MAX_RESTANCE_FILE_BYTES) {
      this.file.set(null);
      this.fileError.set(this.transloco.translate('restance.fileTooLarge'));
      input.value = '';
      return;
    }
    this.file.set(file);
  }

  private resetPreview(): void {
    this.preview.set(null);
    this.result.set(null);
    this.errorMessage.set(null);
  }

  private async buildRequest(): Promise<UploadRestanceRequest | null> {
    const file = this.file();
    if (this.form.invalid || !file) {
      this.form.markAllAsTouched();
      if (!file && !this.fileError()) this.fileError.set(this.transloco.translate('restance.fileRequired'));
      return null;
    }
    const value = this.form.getRawValue();
    try {
      return {
        boligorganisationId: value.boligorganisationId,
        listDate: `${value.month}-01`,
        filename: file.name,
        base64: await readFileAsBase64(file),
      };
    } catch {
      this.fileError.set(this.transloco.translate('restance.fileReadFailed'));
      return null;
    }
  }

  async runPreview(): Promise<void> {
    this.resetPreview();
    const request = await this.buildRequest();
    if (!request) return;
    this.isBusy.set(true);
    this.store.preview(request).subscribe({
      next: (preview) => {
        this.isBusy.set(false);
        this.preview.set(preview);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  async commit(): Promise<void> {
    const request = await this.buildRequest();
    if (!request) return;
    this.isBusy.set(true);
    this.errorMessage.set(null);
    this.store.commit(request).subscribe({
      next: (summary) => {
        this.isBusy.set(false);
        if (isImportFinished(summary.status)) this.finish(summary);
        else this.follow(summary);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private follow(summary: RestanceImportSummary): void {
    this.running.set(summary);
    this.store
      .pollImport(summary.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (current) => {
          if (isImportFinished(current.status)) this.finish(current);
          else this.running.set(current);
        },
        error: (error: unknown) => {
          this.running.set(null);
          this.fail(error);
        },
      });
  }

  private finish(summary: RestanceImportSummary): void {
    this.running.set(null);
    this.result.set(summary);
    this.preview.set(null);
    this.loadHistory(this.form.controls.boligorganisationId.value);
  }

  private fail(error: unknown): void {
    this.isBusy.set(false);
    if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
      // A refused file (422 FILE_REJECTED: a limit or the read time; 400: unreadable) is said at the file field.
      const fields = readApiError(error)?.fields ?? {};
      const fileMessages = fields['base64'] ?? [];
      if (fileMessages.length) {
        this.fileError.set(fileMessages.join(' '));
        if (Object.keys(fields).every((f) => f === 'base64')) return;
      }
      const message = applyServerErrors(this.form, error, { listDate: 'month' });
      this.errorMessage.set(message ?? (readApiError(error) ? null : this.transloco.translate('errors.unknown')));
    }
  }

  protected boName(id: string): string {
    return this.boOptions().find((o) => o.id === id)?.name ?? '';
  }

  protected missingColumns(preview: ImportPreview): string {
    return preview.missingColumns.map((f) => this.transloco.translate(`importProfile.fields.${f}`)).join(', ');
  }

  protected delimiterLabel(delimiter: string | null): string {
    if (delimiter === null) return '–';
    if (delimiter === '\t') return 'Tab';
    return `"${delimiter}"`;
  }
}
