/**
 * Danish number and date formats as ERP exports write them. Each parser returns null for a blank cell
 * and throws ParseError with a Danish message for something it cannot read.
 */
export class ParseError extends Error {}

const BLANK = /^\s*$/;

/** "12.345,50", "-1.200,00 kr.", "1200", "1 200,5", "(300,00)", "300,00-", "DKK 1.234" → number. */
export function parseAmount(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? round2(raw) : fail(raw);
  const text = String(raw);
  if (BLANK.test(text)) return null;
  let s = text.replace(/\u00a0/g, ' ').trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s
    .replace(/^(dkk|kr\.?)\s*/i, '')
    .replace(/\s*(dkk|kr\.?)$/i, '')
    .trim();
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/ /g, '');
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    normalised = s.replace(/\./g, '').replace(',', '.'); // Danish: dot thousands, comma decimals
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+\.\d+$/.test(s)) {
    normalised = s.replace(/,/g, ''); // English export
  } else {
    return fail(text);
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return fail(text);
  return round2(negative ? -value : value);
}

function fail(raw: unknown): never {
  throw new ParseError(`Beløbet "${String(raw)}" kan ikke læses (skriv fx 12.345,50)`);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** "05-11-2026", "5.11.2026", "05.11.26", "5/11/2026", "2026-11-05", Excel dates → "2026-11-05". */
export function parseDate(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) throw new ParseError('Datoen kan ikke læses');
    return iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  const text = String(raw).trim();
  if (text === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return checked(year, Number(m[2]), Number(m[1]), text);
  }
  throw new ParseError(`Datoen "${text}" kan ikke læses (skriv fx 05-11-2026)`);
}

function checked(year: number, month: number, day: number, text: string): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    year < 1990 ||
    year > 2100
  ) {
    throw new ParseError(`Datoen "${text}" findes ikke`);
  }
  return iso(year, month, day);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseInteger(raw: unknown): number | null {
  if (raw === null || raw === undefined || BLANK.test(String(raw))) return null;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || n > 1000 || Math.round(n) !== n) {
    throw new ParseError(`"${String(raw)}" er ikke et helt antal`);
  }
  return n;
}

export function parseYesNo(raw: unknown): boolean {
  if (raw === null || raw === undefined) return false;
  if (typeof raw === 'boolean') return raw;
  const s = String(raw).trim().toLowerCase();
  if (['', 'nej', 'n', '0', 'false', '-'].includes(s)) return false;
  if (['ja', 'j', 'x', '1', 'true', 'yes', 'y'].includes(s)) return true;
  throw new ParseError(`"${String(raw)}" skal være ja eller nej`);
}
