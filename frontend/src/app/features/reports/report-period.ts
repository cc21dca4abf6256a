export const PERIOD_PRESETS = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function firstDay(year: number, month: number): string {
  return `${year}-${pad(month)}-01`;
}

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(year, month, 0).getDate())}`;
}

/**
 * The dates of a preset on `today` (yyyy-MM-dd). A running period ends today, so a stored report
 * never claims days that had not happened when it was made.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [year, month] = today.split('-').map(Number);
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  switch (preset) {
    case 'thisMonth':
      return { from: firstDay(year, month), to: today };
    case 'lastMonth': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: firstDay(y, m), to: lastDay(y, m) };
    }
    case 'thisQuarter':
      return { from: firstDay(year, quarterStart), to: today };
    case 'lastQuarter': {
      const [y, m] = quarterStart === 1 ? [year - 1, 10] : [year, quarterStart - 3];
      return { from: firstDay(y, m), to: lastDay(y, m + 2) };
    }
    case 'thisYear':
      return { from: firstDay(year, 1), to: today };
    case 'lastYear':
      return { from: firstDay(year - 1, 1), to: lastDay(year - 1, 12) };
  }
}
