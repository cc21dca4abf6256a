import { DatePipe, SlicePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { AccessAction, AccessSubjectType, Permission, type SubjectAccessExport } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { readApiError } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { ListPaginator } from '../../shared/list-paginator';
import { AccessLogStore, EMPTY_FILTER, exportUrl } from './access-log-store';
import { AuditTabs } from './audit-tabs';

@Component({
  selector: 'bf-audit-page',
  imports: [
    FORM_FIELD_IMPORTS,
    AuditTabs,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    ListPaginator,
    MatSelectModule,
    MatTableModule,
    SlicePipe,
    TranslocoPipe,
  ],
  providers: [AccessLogStore],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  protected readonly store = inject(AccessLogStore);
  private readonly transloco = inject(TranslocoService);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly language = inject(LanguageStore).language;
  protected readonly canExport = inject(AuthStore).can(Permission.AccessLogExport);
  protected readonly actions = Object.values(AccessAction);
  protected readonly subjectTypes = Object.values(AccessSubjectType);
  protected readonly columns = [
    'occurredAt',
    'actor',
    'role',
    'action',
    'subject',
    'purpose',
    'clientAddress',
    'requestId',
  ];

  protected readonly exportColumns = ['occurredAt', 'role', 'action', 'purpose'];

  protected readonly filterForm = this.formBuilder.group({ ...EMPTY_FILTER });
  protected readonly exportForm = this.formBuilder.group({
    subjectType: ['' as AccessSubjectType | '', Validators.required],
    subjectId: ['', Validators.required],
  });
  protected readonly exportResult = signal<SubjectAccessExport | null>(null);
  protected readonly exportCsvUrl = signal<string | null>(null);
  protected readonly exportError = signal<string | null>(null);
  protected readonly isExporting = signal(false);

  protected applyFilter(): void {
    this.store.applyFilter(this.filterForm.getRawValue());
  }

  protected resetFilter(): void {
    this.filterForm.reset();
    this.store.applyFilter(EMPTY_FILTER);
  }

  protected exportSubject(): void {
    if (this.exportForm.invalid) {
      this.exportForm.markAllAsTouched();
      return;
    }
    const { subjectType, subjectId } = this.exportForm.getRawValue();
    const type = subjectType as AccessSubjectType;
    const id = subjectId.trim();
    this.isExporting.set(true);
    this.exportError.set(null);
    this.store.exportSubject(type, id).subscribe({
      next: (result) => {
        this.isExporting.set(false);
        this.exportResult.set(result);
        this.exportCsvUrl.set(exportUrl(type, id, 'csv'));
      },
      error: (error: unknown) => {
        this.isExporting.set(false);
        this.exportResult.set(null);
        this.exportCsvUrl.set(null);
        this.exportError.set(readApiError(error)?.message ?? this.transloco.translate('errors.unknown'));
      },
    });
  }
}
