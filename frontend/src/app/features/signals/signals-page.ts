import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { Permission, type SignalStatus, type SignalSummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { ListPaginator } from '../../shared/list-paginator';
import { SIGNAL_STATUSES, SignalsListStore, signalStatusClass } from './signals-store';

@Component({
  selector: 'bf-signals-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    ListPaginator,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [SignalsListStore],
  templateUrl: './signals-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalsPage {
  protected readonly store = inject(SignalsListStore);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWrite = inject(AuthStore).can(Permission.SignalWrite);
  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly statusClass = signalStatusClass;
  protected readonly columns = ['received', 'source', 'status', 'subject', 'assignee', 'attempts'];

  protected filterStatus(status: SignalStatus | ''): void {
    this.store.setFilter({ status });
  }

  protected toggleMine(mine: boolean): void {
    this.store.setFilter({ mine });
  }

  protected open(signal: SignalSummary): void {
    void this.router.navigate(['/signals', signal.id]);
  }
}
