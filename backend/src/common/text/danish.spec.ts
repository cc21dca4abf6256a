import { danishDate } from './danish';

describe(danishDate.name, () => {
  it('should write an ISO date day first, with dots', () => {
    expect(danishDate('2026-10-05')).toBe('05.10.2026');
    expect(danishDate('2027-01-31')).toBe('31.01.2027');
  });
});
