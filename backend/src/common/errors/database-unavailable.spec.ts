import { QueryFailedError } from 'typeorm';

import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isDatabaseUnavailable.name, () => {
  it.each([
    ['an administrator terminated the connection', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['the server is starting up', pgError('57P03', 'the database system is starting up')],
    ['no connection possible', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['the connection ended', new Error('Connection terminated unexpectedly')],
    ['the pool timed out', new Error('timeout exceeded when trying to connect')],
    ['too many connections', pgError('53300')],
  ])('should say yes when %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('should say yes for the error TypeORM throws once a broken transaction released its connection', () => {
    class QueryRunnerAlreadyReleasedError extends Error {}
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError('Query runner already released'))).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a check violation', pgError('23514')],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('should say no for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
