import { nowLocal, toIsoTimestamp, todayIso } from './dates';

describe('toIsoTimestamp', () => {
  const now = new Date(2026, 10, 23, 19, 5, 42);

  it('should send the current time for today, so a new note lands on top of the timeline', () => {
    expect(toIsoTimestamp(todayIso(now), now)).toBe(now.toISOString());
  });

  it('should send the current time for the current minute', () => {
    expect(toIsoTimestamp(nowLocal(now), now)).toBe(now.toISOString());
  });

  it('should send noon local time for an earlier day', () => {
    expect(toIsoTimestamp('2026-11-02', now)).toBe(new Date(2026, 10, 2, 12, 0).toISOString());
  });

  it('should keep an explicit earlier time', () => {
    expect(toIsoTimestamp('2026-11-23T08:30', now)).toBe(new Date(2026, 10, 23, 8, 30).toISOString());
  });
});
