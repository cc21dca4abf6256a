import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import {
  type EvictionSummary,
  type LegalReference,
  Permission,
  type UpcomingEvictionItem,
  addDays,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { todayIso } from '../../core/format/dates';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { type CalendarMonth, EvictionCalendar, monthGridRange, monthOf } from './eviction-calendar';
import { DEADLINE_LEGAL_REF, daysLeftText, formatDay, legalReference, workingDaysText } from './eviction-view';
import { evictionListRequest, upcomingRequest } from './evictions-api';

export type UpcomingView = 'list' | 'calendar';

/** The API's default window for the list: two weeks back, 120 days ahead. */
export const UPCOMING_DAYS_BACK = 14;
export const UPCOMING_DAYS_AHEAD = 120;

/** "Kommende udsættelser": dated deadlines as a list or a month calendar, and proposals awaiting a team lead. */
@Component({
  selector: 'bf-upcoming-page',
  imports: [
    EvictionCalendar,
    MatButtonToggleModule,
    MatChipsModule,
    MatIconModule,
    MatSlideToggleModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './upcoming-page.html',
  styleUrl: './upcoming-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpcomingPage {
  protected readonly language = inject(LanguageStore).language;
  protected readonly canApprove = inject(AuthStore).can(Permission.EvictionApprove);
  protected readonly today = todayIso();
  protected readonly from = addDays(this.today, -UPCOMING_DAYS_BACK);
  protected readonly to = addDays(this.today, UPCOMING_DAYS_AHEAD);
  protected readonly day = formatDay;
  protected readonly daysLeft = daysLeftText;
  protected readonly workingDays = workingDaysText;

  protected readonly view = signal<UpcomingView>('list');
  protected readonly mine = signal(false);
  protected readonly month = signal<CalendarMonth>(monthOf(this.today));

  private readonly list = httpResource<UpcomingEvictionItem[]>(
    () => ({ ...upcomingRequest({ mine: this.mine() }), context: pageLoadContext() }),
    { defaultValue: [] },
  );
  private readonly calendar = httpResource<UpcomingEvictionItem[]>(
    () =>
      this.view() === 'calendar' ? upcomingRequest({ ...monthGridRange(this.month()), mine: this.mine() }) : undefined,
    { defaultValue: [] },
  );
  private readonly pending = httpResource<EvictionSummary[]>(
    () => (this.canApprove ? evictionListRequest({ status: 'afventer_godkendelse' }) : undefined),
    { defaultValue: [] },
  );

  protected readonly items = this.list.value;
  protected readonly listLoading = this.list.isLoading;
  protected readonly calendarItems = this.calendar.value;
  protected readonly calendarLoading = this.calendar.isLoading;
  protected readonly pendingItems = this.pending.value;
  protected readonly pendingLoading = this.pending.isLoading;
  protected readonly overdueCount = computed(() => this.items().filter((i) => i.deadline.daysLeft < 0).length);

  protected legalRef(item: UpcomingEvictionItem): LegalReference | null {
    const key = DEADLINE_LEGAL_REF[item.deadline.kind];
    return key ? legalReference(key) : null;
  }

  protected setView(view: UpcomingView): void {
    this.view.set(view);
  }
}
