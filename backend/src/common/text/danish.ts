/** An ISO date (2026-10-05) as a Danish reader writes it in running text: 05.10.2026. */
export function danishDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
