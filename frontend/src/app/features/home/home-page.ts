import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { type Page, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';

@Component({
  selector: 'bf-home-page',
  imports: [MatButtonModule, MatCardModule, RouterLink, TranslocoPipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly authStore = inject(AuthStore);
  protected readonly user = this.authStore.user;
  protected readonly canCases = this.authStore.can(Permission.CaseRead);
  protected readonly canSignals = this.authStore.can(Permission.SignalRead);

  private readonly myCases = httpResource<Page<unknown>>(() =>
    this.canCases ? { url: '/api/cases', params: { mine: true, open: true, page: 1, pageSize: 1 } } : undefined,
  );
  private readonly mySignals = httpResource<Page<unknown>>(() =>
    this.canSignals ? { url: '/api/signals', params: { mine: true, open: true, page: 1, pageSize: 1 } } : undefined,
  );
  protected readonly myCasesCount = computed(() => (this.myCases.hasValue() ? this.myCases.value().total : null));
  protected readonly mySignalsCount = computed(() => (this.mySignals.hasValue() ? this.mySignals.value().total : null));
}
