/**
 * CPR numbers (Danish personal ID): DDMMYY-SSSS. We validate format and that the date exists, using the
 * 7th digit to find the century. We deliberately do not check modulus 11: numbers issued since 2007
 * need not satisfy it.
 */
export function normaliseCpr(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return birthDateOf(digits) ? digits : null;
}

export function birthDateOf(digits: string): Date | null {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** "010190-xxxx": the date part only. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-xxxx`;
}

export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
