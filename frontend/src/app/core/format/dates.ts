function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Today as yyyy-MM-dd in local time, the value of an `<input type="date">`. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now as yyyy-MM-ddTHH:mm in local time, the value of an `<input type="datetime-local">`. */
export function nowLocal(now = new Date()): string {
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A yyyy-MM-dd date moved by whole months, clamped to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = new Date(year, month - 1 + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(day, lastDay));
  return todayIso(target);
}

/** A local date or date-time input value as an ISO timestamp; a bare date means noon, so time zones keep the day. */
export function toIsoTimestamp(value: string, now = new Date()): string {
  // "Today" or "this minute" means now, so the event takes its real place on the timeline.
  if (value === todayIso(now) || value === nowLocal(now)) return now.toISOString();
  const local = value.length === 10 ? `${value}T12:00` : value;
  return new Date(local).toISOString();
}
