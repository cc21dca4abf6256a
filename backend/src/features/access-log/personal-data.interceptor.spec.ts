import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessSubjectType } from '@bofast/contracts';
import { firstValueFrom, of, throwError } from 'rxjs';

import { NoPersonalData, PersonalData } from '../../common/auth/decorators';
import { markAccessLogged, RequestContext } from '../../common/http/request-context';
import type { AccessLogService } from './access-log.service';
import { PersonalDataInterceptor } from './personal-data.interceptor';

class Routes {
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  detail(): void {
    return;
  }

  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case })
  list(): void {
    return;
  }

  @NoPersonalData('configuration')
  config(): void {
    return;
  }
}

function ctxOf(): RequestContext {
  return {
    userId: 'u1',
    username: 'vicevaert',
    role: 'social_vicevaert',
    permissions: [],
    teamIds: [],
    partnerOrganisationId: null,
    sessionId: 's1',
    requestId: 'r1',
    clientAddress: null,
  };
}

function http(handler: () => void, req: object): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe('PersonalDataInterceptor', () => {
  let record: jest.Mock;
  let interceptor: PersonalDataInterceptor;

  beforeEach(() => {
    record = jest.fn().mockResolvedValue(undefined);
    interceptor = new PersonalDataInterceptor(new Reflector(), { record } as unknown as AccessLogService);
  });

  const run = (handler: () => void, req: object, next: CallHandler = { handle: () => of({ ok: 1 }) }) =>
    firstValueFrom(interceptor.intercept(http(handler, req), next));

  it('should write an entry from the declaration when the service wrote none', async () => {
    const ctx = ctxOf();
    const body = await run(Routes.prototype.detail, { method: 'GET', params: { caseId: 'c1' }, ctx });
    expect(body).toEqual({ ok: 1 });
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith(ctx, {
      action: 'read',
      subjectType: 'case',
      subjectId: 'c1',
      purpose: 'Sagsbehandling',
    });
  });

  it('should log a declared list as a search without subject id', async () => {
    await run(Routes.prototype.list, { method: 'GET', params: {}, ctx: ctxOf() });
    expect(record).toHaveBeenCalledWith(expect.anything(), {
      action: 'search',
      subjectType: 'case',
      subjectId: null,
      purpose: 'Sagsbehandling',
    });
  });

  it('should write nothing more when the service already wrote the entry', async () => {
    const ctx = ctxOf();
    markAccessLogged(ctx);
    await run(Routes.prototype.detail, { method: 'GET', params: { caseId: 'c1' }, ctx });
    expect(record).not.toHaveBeenCalled();
  });

  it('should write nothing for a route declared @NoPersonalData', async () => {
    await run(Routes.prototype.config, { method: 'GET', params: {}, ctx: ctxOf() });
    expect(record).not.toHaveBeenCalled();
  });

  it('should write nothing when the handler failed (no data went out)', async () => {
    const failing: CallHandler = { handle: () => throwError(() => new Error('not found')) };
    await expect(
      run(Routes.prototype.detail, { method: 'GET', params: { caseId: 'c1' }, ctx: ctxOf() }, failing),
    ).rejects.toThrow('not found');
    expect(record).not.toHaveBeenCalled();
  });

  it('should hold the response until the entry is written, and fail the request if it cannot be', async () => {
    record.mockRejectedValue(new Error('database away'));
    await expect(
      run(Routes.prototype.detail, { method: 'GET', params: { caseId: 'c1' }, ctx: ctxOf() }),
    ).rejects.toThrow('database away');
  });
});
