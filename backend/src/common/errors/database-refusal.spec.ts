import { QueryFailedError } from 'typeorm';

import { databaseRefusal, describeForLog } from './database-refusal';

const pgError = (code: string, extra: Record<string, string> = {}) =>
  new QueryFailedError(
    'INSERT INTO person (name) VALUES ($1)',
    ['Jens Hansen'],
    Object.assign(new Error('value "Jens Hansen 0101901234" violates something'), {
      code,
      detail: 'Failing row contains (Jens Hansen, 0101901234).',
      ...extra,
    }),
  );

describe('database refusals', () => {
  it.each([
    ['23502', { column: 'display_name', table: 'app_user' }, 400, 'displayName'],
    ['23514', { constraint: 'ck_person_birth_year', table: 'person' }, 400, 'birthYear'],
    ['22003', {}, 400, '(ukendt)'],
    ['22P02', {}, 400, '(ukendt)'],
    ['22007', {}, 400, '(ukendt)'],
    ['22008', {}, 400, '(ukendt)'],
    ['22001', { column: 'name' }, 400, 'name'],
    ['22021', {}, 400, '(ukendt)'],
    ['23503', { constraint: 'fk_person_team_id', table: 'person' }, 400, 'teamId'],
    ['23505', { constraint: 'ux_person_cpr_index', table: 'person' }, 409, 'cprIndex'],
  ])('should answer %s with %j as %d naming %s', (code, extra, status, field) => {
    const body = databaseRefusal(pgError(code, extra));
    expect(body?.statusCode).toBe(status);
    expect(Object.keys(body?.fields ?? {})).toEqual([field]);
    expect(JSON.stringify(body)).not.toMatch(/Jens|0101901234/);
  });

  it('should leave outages and unknown codes to the filter (503 / 500)', () => {
    expect(databaseRefusal(pgError('57P01'))).toBeNull();
    expect(databaseRefusal(pgError('XX000'))).toBeNull();
  });

  it('should log names and stack frames, never the driver message, detail or parameters', () => {
    const logged = JSON.stringify(
      describeForLog(pgError('23514', { constraint: 'ck_person_birth_year', table: 'person' })),
    );
    expect(logged).toContain('ck_person_birth_year');
    expect(logged).toContain('23514');
    expect(logged).toContain(' at ');
    expect(logged).not.toMatch(/Jens|0101901234|violates/);
  });
});
