import {
  addDays,
  addMonths,
  addWorkingDays,
  danishHolidays,
  daysBetween,
  easterSunday,
  holidayName,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  parseIsoDate,
  workingDaysBetween,
} from './danish-calendar';
import { earliestOphaevelse, earliestPaakrav, paakravDeadline } from './legal-rules';

/** Gauss's Easter algorithm with its two exceptions: independent of the Meeus/Jones/Butcher one under test. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let month = 3;
  let day = 22 + d + e;
  if (day > 31) {
    month = 4;
    day = d + e - 9;
    if (day === 26) day = 19;
    if (day === 25 && d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 18;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('Danish working-day calendar', () => {
  it.each([
    [1900, '1900-04-15'],
    [1943, '1943-04-25'],
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2049, '2049-04-18'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
    [3000, '3000-04-13'],
  ])('should put Easter Sunday %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('should agree with Gauss’s algorithm for every Gregorian year 1583–4099, always on a Sunday 22 March–25 April', () => {
    for (let year = 1583; year <= 4099; year++) {
      const easter = easterSunday(year);
      expect(easter).toBe(gaussEaster(year));
      expect(new Date(parseIsoDate(easter)).getUTCDay()).toBe(0);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('should list the 2026 holidays by name', () => {
    expect(danishHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: '2. påskedag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: '2. pinsedag' },
      { date: '2026-06-05', name: 'Grundlovsdag' },
      { date: '2026-12-24', name: 'Juleaftensdag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: '2. juledag' },
      { date: '2026-12-31', name: 'Nytårsaftensdag' },
    ]);
  });

  it('should keep store bededag up to 2023 and drop it from 2024', () => {
    expect(holidayName('2023-05-05')).toBe('Store bededag');
    expect(holidayName('1990-05-11')).toBe('Store bededag');
    expect(danishHolidays(2024).map((h) => h.name)).not.toContain('Store bededag');
    expect(isWorkingDay('2024-04-26')).toBe(true); // would have been store bededag
  });

  it('should derive the Easter-based holidays from Easter for any year', () => {
    for (let year = 1900; year <= 2400; year++) {
      const easter = easterSunday(year);
      const names = Object.fromEntries(danishHolidays(year).map((h) => [h.name, h.date]));
      expect(names['Skærtorsdag']).toBe(addDays(easter, -3));
      expect(names['Langfredag']).toBe(addDays(easter, -2));
      expect(names['2. påskedag']).toBe(addDays(easter, 1));
      expect(names['Kristi himmelfartsdag']).toBe(addDays(easter, 39));
      expect(names['2. pinsedag']).toBe(addDays(easter, 50));
      expect(names['Juledag']).toBe(`${year}-12-25`);
      expect(names['Nytårsdag']).toBe(`${year}-01-01`);
    }
  });

  it('should treat weekends, holidays, grundlovsdag, 24 and 31 December as non-working days', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-30')).toBe(true); // Monday
    expect(isWorkingDay('2026-06-05')).toBe(false); // grundlovsdag, a Friday
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-31')).toBe(false);
    expect(isWorkingDay('2026-12-30')).toBe(true);
  });

  it('should count working days across Easter and across the year boundary', () => {
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07'); // skærtorsdag … 2. påskedag
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04'); // 31/12, nytårsdag, weekend
    expect(addWorkingDays('2027-03-24', 3)).toBe('2027-04-01'); // Easter 2027: 25/3–29/3 closed; 30, 31/3, 1/4
    expect(addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4); // 28, 29, 30 Dec and 4 Jan
    expect(workingDaysBetween('2026-12-23', '2027-01-05')).toBe(5);
    expect(workingDaysBetween('2026-05-01', '2026-04-01')).toBe(0);
    expect(() => addWorkingDays('2026-01-01', -1)).toThrow();
  });

  it('should move a deadline that ends on a non-working day to the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDayOnOrAfter('2026-04-07')).toBe('2026-04-07');
    expect(nextWorkingDayOnOrAfter('2027-12-24')).toBe('2027-12-27'); // Friday 24th, weekend, Monday 27th
  });

  it('should do plain date arithmetic in UTC, including leap years and month ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-01', '2027-01-01')).toBe(31);
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(() => parseIsoDate('2026-02-30')).toThrow();
    expect(() => parseIsoDate('05-11-2026')).toThrow();
  });
});

describe('Legal deadlines on the calendar', () => {
  it('should give the påkrav 14 days, extended past a holiday', () => {
    expect(paakravDeadline('2026-11-02')).toBe('2026-11-16'); // a Monday: plain 14 days
    expect(paakravDeadline('2026-03-20')).toBe('2026-04-07'); // ends on langfredag
    expect(paakravDeadline('2026-12-17')).toBe('2027-01-04'); // ends on nytårsaftensdag
    expect(paakravDeadline('2026-05-22')).toBe('2026-06-08'); // ends on grundlovsdag (Friday)
  });

  it('should allow ophævelse from the day after the påkrav deadline', () => {
    expect(earliestOphaevelse('2026-03-20')).toBe('2026-04-08');
    expect(earliestOphaevelse('2026-12-17')).toBe('2027-01-05');
  });

  it('should allow a påkrav only after the 3rd working day after the last on-time payment day', () => {
    expect(earliestPaakrav('2026-11-02')).toBe('2026-11-06'); // Tue, Wed, Thu → Friday
    expect(earliestPaakrav('2026-04-01')).toBe('2026-04-10'); // Easter in between
    expect(earliestPaakrav('2026-12-22')).toBe('2026-12-30'); // 23, 28, 29 Dec
  });
});
