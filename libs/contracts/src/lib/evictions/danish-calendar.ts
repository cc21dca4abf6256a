/**
 * The Danish working-day calendar used for eviction deadlines. Pure functions over ISO dates
 * (`YYYY-MM-DD`), computed for any Gregorian year: no hand-typed table that runs out.
 *
 * Non-working days (not "hverdage" for the deadlines we track):
 * - Saturdays and Sundays;
 * - the folkekirke's helligdage: nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag,
 *   store bededag (only up to and including 2023: abolished by lov nr. 131 of 28 February 2023),
 *   Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag;
 * - grundlovsdag (5 June), which the leases acts treat like a holiday for payment days;
 * - juleaftensdag (24 December) and nytårsaftensdag (31 December), when banks and most
 *   boligorganisationer are closed.
 * The legal rules that use this calendar live in `legal-rules.ts`.
 */

export interface DanishHoliday {
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Parses `YYYY-MM-DD` to a UTC midnight timestamp; throws on anything else. */
export function parseIsoDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (toIsoDate(t) !== iso) throw new Error(`Not a calendar date: ${iso}`);
  return t;
}

export function toIsoDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(parseIsoDate(iso) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const t = new Date(parseIsoDate(iso));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toIsoDate(Date.UTC(y, m, Math.min(t.getUTCDate(), last)));
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The year of the last store bededag as a public holiday. */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

const holidayCache = new Map<number, DanishHoliday[]>();

/** Every non-working day of the year other than weekends, in date order. */
export function danishHolidays(year: number): DanishHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list: DanishHoliday[] = [
    { date: `${year}-01-01`, name: 'Nytårsdag' },
    { date: addDays(easter, -3), name: 'Skærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
    ...(year <= LAST_STORE_BEDEDAG_YEAR ? [{ date: addDays(easter, 26), name: 'Store bededag' }] : []),
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: `${year}-06-05`, name: 'Grundlovsdag' },
    { date: `${year}-12-24`, name: 'Juleaftensdag' },
    { date: `${year}-12-25`, name: 'Juledag' },
    { date: `${year}-12-26`, name: '2. juledag' },
    { date: `${year}-12-31`, name: 'Nytårsaftensdag' },
  ].sort((x, y) => x.date.localeCompare(y.date));
  holidayCache.set(year, list);
  return list;
}

/** The holiday's name, or null when `iso` is not a holiday (weekends are not named). */
export function holidayName(iso: string): string | null {
  const year = Number(iso.slice(0, 4));
  return danishHolidays(year).find((h) => h.date === iso)?.name ?? null;
}

export function isWeekend(iso: string): boolean {
  const dow = new Date(parseIsoDate(iso)).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(iso: string): boolean {
  return !isWeekend(iso) && holidayName(iso) === null;
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(iso: string): string {
  let d = iso;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Counts `n` working days forward (n ≥ 0) from `iso`, not counting `iso` itself. */
export function addWorkingDays(iso: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error('n must be a whole number ≥ 0');
  let d = iso;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}
