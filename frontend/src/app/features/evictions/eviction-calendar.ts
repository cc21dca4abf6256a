import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';

import { type UpcomingEvictionItem, addDays, holidayName, isWeekend, parseIsoDate, toIsoDate } from '@bofast/contracts';

import { todayIso } from '../../core/format/dates';
import { LanguageStore } from '../../core/i18n/language-store';
import { HANDSET_QUERY } from '../../core/shell/shell';
import { formatDay, formatMonth } from './eviction-view';

export interface CalendarMonth {
  year: number;
  /** 1–12. */
  month: number;
}

export interface CalendarDay {
  date: string;
  day: number;
  inMonth: boolean;
  isWeekend: boolean;
  isToday: boolean;
  holiday: string | null;
  items: UpcomingEvictionItem[];
}

export interface CalendarWeek {
  isoWeek: number;
  days: CalendarDay[];
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Monday = 0 … Sunday = 6. */
function mondayIndex(iso: string): number {
  return (new Date(parseIsoDate(iso)).getUTCDay() + 6) % 7;
}

/** The ISO 8601 week number: the week that holds the date's Thursday, counted in that Thursday's year. */
export function isoWeek(iso: string): number {
  const thursday = addDays(iso, 3 - mondayIndex(iso));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  const ordinal = Math.round((parseIsoDate(thursday) - parseIsoDate(jan1)) / 86_400_000);
  return Math.floor(ordinal / 7) + 1;
}

export function shiftMonth(current: CalendarMonth, delta: number): CalendarMonth {
  const index = current.year * 12 + (current.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOf(iso: string): CalendarMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** The first and last day shown for the month: whole weeks, Monday to Sunday. */
export function monthGridRange({ year, month }: CalendarMonth): { from: string; to: string } {
  const first = `${year}-${pad(month)}-01`;
  const last = toIsoDate(Date.UTC(year, month, 0));
  return { from: addDays(first, -mondayIndex(first)), to: addDays(last, 6 - mondayIndex(last)) };
}

/** The month as weeks of seven days (Monday first) with ISO week numbers, holidays and the items of each day. */
export function buildMonthGrid(
  month: CalendarMonth,
  items: readonly UpcomingEvictionItem[],
  today: string,
): CalendarWeek[] {
  const { from, to } = monthGridRange(month);
  const byDate = new Map<string, UpcomingEvictionItem[]>();
  for (const item of items) {
    const list = byDate.get(item.deadline.date) ?? [];
    list.push(item);
    byDate.set(item.deadline.date, list);
  }
  const prefix = `${month.year}-${pad(month.month)}-`;
  const weeks: CalendarWeek[] = [];
  for (let monday = from; monday <= to; monday = addDays(monday, 7)) {
    const days: CalendarDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      const date = addDays(monday, i);
      days.push({
        date,
        day: Number(date.slice(8, 10)),
        inMonth: date.startsWith(prefix),
        isWeekend: isWeekend(date),
        isToday: date === today,
        holiday: holidayName(date),
        items: byDate.get(date) ?? [],
      });
    }
    weeks.push({ isoWeek: isoWeek(monday), days });
  }
  return weeks;
}

// 2024-01-01 was a Monday: the weekday names are read off that week.
const A_MONDAY = new Date(2024, 0, 1);

/** A month of deadlines: a Monday-first grid with week numbers on wide screens, a list of days on phones. */
@Component({
  selector: 'bf-eviction-calendar',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoPipe],
  templateUrl: './eviction-calendar.html',
  styleUrl: './eviction-calendar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionCalendar {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  readonly month = input.required<CalendarMonth>();
  readonly items = input<UpcomingEvictionItem[]>([]);
  readonly today = input(todayIso());
  readonly loading = input(false);
  readonly monthChange = output<CalendarMonth>();

  protected readonly weeks = computed(() => buildMonthGrid(this.month(), this.items(), this.today()));
  protected readonly title = computed(() => formatMonth(this.month().year, this.month().month, this.language()));
  protected readonly weekdays = computed(() => {
    const lang = this.language() === 'en' ? 'en-GB' : 'da-DK';
    const short = new Intl.DateTimeFormat(lang, { weekday: 'short' });
    const long = new Intl.DateTimeFormat(lang, { weekday: 'long' });
    return Array.from({ length: 7 }, (_, i) => {
      const d = new Date(A_MONDAY.getFullYear(), A_MONDAY.getMonth(), A_MONDAY.getDate() + i);
      return { short: short.format(d), long: long.format(d) };
    });
  });
  /** Phones: only the days of the month that have items or are holidays. */
  protected readonly listDays = computed(() =>
    this.weeks()
      .flatMap((w) => w.days)
      .filter((d) => d.inMonth && (d.items.length > 0 || d.holiday)),
  );

  protected dayLabel(day: CalendarDay): string {
    const parts = [formatDay(day.date, this.language(), 'long')];
    if (day.isToday) parts.push(this.transloco.translate('evictions.calendar.today'));
    if (day.holiday) parts.push(day.holiday);
    if (day.items.length > 0)
      parts.push(this.transloco.translate('evictions.calendar.itemCount', { n: day.items.length }));
    return parts.join(', ');
  }

  protected longDay(iso: string): string {
    return formatDay(iso, this.language(), 'long');
  }

  protected go(delta: number): void {
    this.monthChange.emit(shiftMonth(this.month(), delta));
  }

  protected goToday(): void {
    this.monthChange.emit(monthOf(this.today()));
  }

  protected itemClass(item: UpcomingEvictionItem): string {
    const kind = item.deadline.kind;
    return kind === 'retsmoede' || kind === 'udsaettelse' || item.deadline.daysLeft < 0 ? 'item urgent' : 'item';
  }
}
