import { Pipe, type PipeTransform } from '@angular/core';

import { type Cell, EvictionOutcome, type ReportResult, SUPPRESSED } from '@bofast/contracts';

import { formatDay } from '../evictions/eviction-view';

// Numbers follow Danish notation in both UI languages, like amounts elsewhere in Bofast (formatKr).
const COUNT = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const KRONER = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const SHARE = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });

/**
 * Series colours for the charts: each has at least 4.5:1 contrast on white, so lines, bars and their
 * value labels stay readable (WCAG AA). Series also differ by marker shape, never by colour alone.
 */
export const SERIES_COLORS = ['#1f5fa8', '#a8500a', '#2e7d32', '#7b3fa0', '#a8324a', '#4a5866'] as const;

/** A count as shown: "<5" stays "<5" (never a number), others in Danish notation. */
export function formatCell(cell: Cell | null | undefined): string {
  if (cell === null || cell === undefined) return '–';
  return cell === SUPPRESSED ? SUPPRESSED : COUNT.format(cell);
}

/** The number to draw, or null for a suppressed count (drawn as a gap, labelled "<5"). */
export function cellNumber(cell: Cell | null | undefined): number | null {
  return typeof cell === 'number' ? cell : null;
}

export function isSuppressed(cell: Cell | null | undefined): boolean {
  return cell === SUPPRESSED;
}

/** 1500000 → "1.500.000 kr."; null → "–". */
export function formatKroner(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '–' : `${KRONER.format(amount)} kr.`;
}

/** 0.732 → "73 %"; null → "–". */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : SHARE.format(share);
}

/** 4.5 → "4,5"; null → "–". */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : COUNT.format(value);
}

/** "2026-04-01", "2026-06-30" → "1. apr. 2026 – 30. jun. 2026". */
export function formatPeriod(from: string, to: string, language = 'da'): string {
  return `${formatDay(from, language)} – ${formatDay(to, language)}`;
}

/** "2026-04" → "apr. 2026" (short) or "april 2026" (long). */
export function formatMonthKey(month: string, language = 'da', style: 'short' | 'long' = 'short'): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { month: style, year: 'numeric' }).format(
    new Date(year, m - 1, 1),
  );
}

/** An ISO timestamp as a local date and time, e.g. "15.05.2026 10.00". */
export function formatTimestamp(iso: string | null | undefined, language = 'da'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The outcomes that occur in any stage row, in the contract's order: the columns of "per trin". */
export function presentOutcomes(byStage: ReportResult['evictions']['byStage']): EvictionOutcome[] {
  const present = new Set(byStage.flatMap((s) => Object.keys(s.outcomes)));
  return Object.values(EvictionOutcome).filter((o) => present.has(o));
}

/** `{{ value | cell }}`: a report count as shown (see formatCell). */
@Pipe({ name: 'cell' })
export class CellPipe implements PipeTransform {
  transform(cell: Cell | null | undefined): string {
    return formatCell(cell);
  }
}
