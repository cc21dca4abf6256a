import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { PrivilegedChange } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { ListPaginator } from '../../shared/list-paginator';
import { AuditTabs } from './audit-tabs';
import { EMPTY_PRIVILEGED_FILTER, PrivilegedChangesStore } from './privileged-changes-store';

/** The DPO's log of privileged changes to accounts: who did what to whose account, and when. */
@Component({
  selector: 'bf-privileged-changes-page',
  imports: [
    AuditTabs,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListPaginator,
    MatTableModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [PrivilegedChangesStore],
  templateUrl: './privileged-changes-page.html',
  styleUrl: './privileged-changes-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivilegedChangesPage {
  protected readonly store = inject(PrivilegedChangesStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly columns = ['occurredAt', 'kind', 'target', 'change', 'actor'];
  protected readonly filterForm = inject(NonNullableFormBuilder).group({ ...EMPTY_PRIVILEGED_FILTER });

  protected applyFilter(): void {
    this.store.applyFilter(this.filterForm.getRawValue());
  }

  protected resetFilter(): void {
    this.filterForm.reset();
    this.store.applyFilter(EMPTY_PRIVILEGED_FILTER);
  }

  /** Old → new in words: roles and active by name, team lists joined, links by their expiry. */
  protected describe(change: PrivilegedChange): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const value = (v: PrivilegedChange['oldValue']): string => {
      if (v === null) return '–';
      if (typeof v === 'boolean') return t(v ? 'privileged.active' : 'privileged.inactive');
      if (Array.isArray(v)) return v.length ? v.join(', ') : t('privileged.noTeams');
      return change.kind === 'role_changed' || change.kind === 'user_created' ? t(`roles.${v}`) : v;
    };
    switch (change.kind) {
      case 'user_created':
        return t('privileged.withRole', { role: value(change.newValue) });
      case 'user_activated':
        return t(change.newValue === 'first' ? 'privileged.firstActivation' : 'privileged.newPassword');
      case 'activation_issued': {
        const when = typeof change.newValue === 'string' ? new Date(change.newValue) : null;
        const formatted = when
          ? new Intl.DateTimeFormat(this.language(), { dateStyle: 'short', timeStyle: 'short' }).format(when)
          : '–';
        return t('privileged.linkExpires', { when: formatted });
      }
      default:
        return `${value(change.oldValue)} → ${value(change.newValue)}`;
    }
  }
}
