import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { DomainError } from './domain-error';
import { DomainErrorFilter, statusFor } from './domain-error.filter';

function hostFor(res: { status: jest.Mock; json: jest.Mock; setHeader: jest.Mock }): ArgumentsHost {
  return {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'req-1' }) }),
  } as unknown as ArgumentsHost;
}

function run(exception: unknown) {
  const res = { status: jest.fn(), json: jest.fn(), setHeader: jest.fn() };
  res.status.mockReturnValue(res);
  new DomainErrorFilter().catch(exception, hostFor(res));
  return { status: res.status.mock.calls[0][0] as number, body: res.json.mock.calls[0][0], res };
}

describe(DomainErrorFilter.name, () => {
  it.each([
    ['NOT_FOUND', 404],
    ['VERSION_CONFLICT', 409],
    ['VALIDATION_FAILED', 400],
    ['UNAUTHENTICATED', 401],
    ['LOGIN_THROTTLED', 429],
    ['CSRF_REJECTED', 403],
  ] as const)('should map %s to %d', (code, status) => {
    expect(statusFor(code)).toBe(status);
  });

  it('should keep field messages and the request id', () => {
    const { status, body } = run(new DomainError('VALIDATION_FAILED', 'Fejl', { fields: { name: ['Skal udfyldes'] } }));
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Fejl',
      fields: { name: ['Skal udfyldes'] },
      requestId: 'req-1',
    });
  });

  it('should set Retry-After for throttling', () => {
    const { res } = run(new DomainError('LOGIN_THROTTLED', 'Vent', { retryAfterSeconds: 900 }));
    expect(res.setHeader).toHaveBeenCalledWith('Retry-After', '900');
  });

  it('should translate Nest HTTP exceptions into Danish bodies', () => {
    expect(run(new NotFoundException()).body).toMatchObject({
      statusCode: 404,
      message: 'Siden eller ressourcen findes ikke.',
    });
    expect(
      run(new BadRequestException({ code: 'VALIDATION_FAILED', message: 'X', fields: { a: ['b'] } })).body,
    ).toMatchObject({ fields: { a: ['b'] } });
  });

  it('should turn a unique violation into 409 and hide unknown errors behind a 500 without details', () => {
    const unique = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('duplicate key value (cpr)=(0101901234)'), { code: '23505' }),
    );
    expect(run(unique).status).toBe(409);
    expect(JSON.stringify(run(unique).body)).not.toContain('0101901234');
    const boom = run(new Error('secret detail about Jens Hansen'));
    expect(boom.status).toBe(500);
    expect(JSON.stringify(boom.body)).not.toContain('Jens');
  });

  describe('database errors', () => {
    const pg = (code: string, extra: Record<string, string> = {}) =>
      new QueryFailedError(
        'UPDATE app_user SET display_name = $1',
        ['Jens Hansen'],
        Object.assign(new Error('null value in column "display_name" ... Jens Hansen'), {
          code,
          detail: 'Failing row contains (Jens Hansen).',
          ...extra,
        }),
      );

    afterEach(() => jest.restoreAllMocks());

    it('should answer input the database refused as 400 naming the field, and log names only', () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const { status, body } = run(pg('23502', { column: 'display_name', table: 'app_user' }));
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { displayName: ['Skal udfyldes'] } });
      expect(error).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(warn.mock.calls)).toContain('display_name');
      expect(JSON.stringify([warn.mock.calls, body])).not.toContain('Jens');
    });

    it('should keep answering an outage with 503 and Retry-After', () => {
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const { status, res } = run(pg('57P01'));
      expect(status).toBe(503);
      expect(res.setHeader).toHaveBeenCalledWith('Retry-After', expect.any(String));
    });

    it('should log an unknown database error as 500 without its message', () => {
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      expect(run(pg('XX000')).status).toBe(500);
      expect(JSON.stringify(error.mock.calls)).not.toContain('Jens');
    });
  });

  it('should answer malformed and too-deep JSON with their own codes', () => {
    expect(run(Object.assign(new Error('x'), { type: 'entity.parse.failed' })).body.code).toBe('BAD_JSON');
    expect(run(Object.assign(new Error('x'), { type: 'entity.too.deep' })).body.code).toBe('JSON_TOO_DEEP');
    expect(run(Object.assign(new Error('x'), { type: 'entity.too.large' })).status).toBe(413);
  });
});
