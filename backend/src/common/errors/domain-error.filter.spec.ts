import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
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
});
