import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import {
  type EvictionSummary,
  OPEN_REFERRAL_STATES,
  type Page,
  type PartnerReferralListItem,
  Permission,
  type Task,
  type UpcomingEvictionItem,
  addDays,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { todayIso } from '../../core/format/dates';
import { LanguageStore } from '../../core/i18n/language-store';
import { daysLeftText, formatDay } from '../evictions/eviction-view';
import { evictionListRequest, upcomingRequest } from '../evictions/evictions-api';
import { VisitDrafts } from '../visits/visit-drafts';
import { copenhagenToday, taskListRequest } from '../visits/visits-api';

/** The home card shows the user's eviction deadlines this many days ahead (and the overdue ones). */
export const HOME_DEADLINE_DAYS = 14;
const HOME_DEADLINE_ROWS = 6;

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
  protected readonly canEvictions = this.authStore.can(Permission.EvictionRead);
  protected readonly canApprove = this.authStore.can(Permission.EvictionApprove);
  protected readonly canPartnerPortal = this.authStore.can(Permission.PartnerPortal);
  // Visits typed offline are sent from the landing page too, not only from the case they belong to.
  protected readonly queuedVisits = this.canCases ? inject(VisitDrafts).queued : null;
  protected readonly language = inject(LanguageStore).language;
  protected readonly day = formatDay;
  protected readonly deadlineDays = HOME_DEADLINE_DAYS;
  protected readonly daysLeft = daysLeftText;

  private readonly myCases = httpResource<Page<unknown>>(() =>
    this.canCases ? { url: '/api/cases', params: { mine: true, open: true, page: 1, pageSize: 1 } } : undefined,
  );
  private readonly mySignals = httpResource<Page<unknown>>(() =>
    this.canSignals ? { url: '/api/signals', params: { mine: true, open: true, page: 1, pageSize: 1 } } : undefined,
  );
  private readonly deadlines = httpResource<UpcomingEvictionItem[]>(
    () =>
      // A team lead watches the whole team's deadlines; a worker their own.
      this.canEvictions
        ? upcomingRequest({
            ...(this.canApprove ? {} : { mine: true }),
            to: addDays(todayIso(), HOME_DEADLINE_DAYS),
          })
        : undefined,
    { defaultValue: [] },
  );
  private readonly pending = httpResource<EvictionSummary[]>(
    () => (this.canApprove ? evictionListRequest({ status: 'afventer_godkendelse' }) : undefined),
    { defaultValue: [] },
  );
  private readonly tasks = httpResource<Task[]>(() => (this.canCases ? taskListRequest({ mine: true }) : undefined));
  private readonly partnerReferrals = httpResource<PartnerReferralListItem[]>(() =>
    this.canPartnerPortal ? '/api/partner/referrals' : undefined,
  );
  protected readonly tasksCount = computed(() => (this.tasks.hasValue() ? this.tasks.value().length : null));
  protected readonly tasksOverdue = computed(() => {
    const today = copenhagenToday();
    return this.tasks.hasValue() ? this.tasks.value().filter((t) => t.dueDate < today).length : 0;
  });
  protected readonly partnerOpenCount = computed(() =>
    this.partnerReferrals.hasValue()
      ? this.partnerReferrals.value().filter((r) => OPEN_REFERRAL_STATES.includes(r.status)).length
      : null,
  );
  protected readonly deadlineItems = computed(() => this.deadlines.value().slice(0, HOME_DEADLINE_ROWS));
  protected readonly deadlinesMore = computed(() => Math.max(0, this.deadlines.value().length - HOME_DEADLINE_ROWS));
  protected readonly deadlinesLoading = this.deadlines.isLoading;
  protected readonly pendingCount = computed(() => (this.pending.hasValue() ? this.pending.value().length : null));
  protected readonly myCasesCount = computed(() => (this.myCases.hasValue() ? this.myCases.value().total : null));
  protected readonly mySignalsCount = computed(() => (this.mySignals.hasValue() ? this.mySignals.value().total : null));
}
