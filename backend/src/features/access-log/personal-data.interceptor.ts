import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessAction } from '@bofast/contracts';
import { mergeMap, Observable } from 'rxjs';

import { PERSONAL_DATA, PersonalDataDeclaration } from '../../common/auth/decorators';
import { BofastRequest, wasAccessLogged } from '../../common/http/request-context';
import { AccessLogService } from './access-log.service';

/**
 * The net under the access log (APP_INTERCEPTOR). For a route declared `@PersonalData`, when the handler
 * succeeded and no service wrote an entry for the request, it writes one from the declaration before the
 * response goes out. Services keep writing their own entries in the read's transaction or statement
 * (stronger: the entry exists whenever the rows were read); this only catches a read that forgot.
 * Routes that write the response themselves (`@Res()` without passthrough) must log in their service.
 */
@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  private readonly logger = new Logger(PersonalDataInterceptor.name);
  /** Routes (method and template, never ids) where the net had to write: a service that forgot its entry. */
  readonly fallbackRoutes = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const declaration = this.reflector.getAllAndOverride<PersonalDataDeclaration | undefined>(PERSONAL_DATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declaration) return next.handle();
    const req = context.switchToHttp().getRequest<BofastRequest>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const ctx = req.ctx;
        if (ctx && !wasAccessLogged(ctx)) {
          const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? '?'}`;
          if (!this.fallbackRoutes.has(route)) this.logger.warn(`Access-log entry written by the net for ${route}`);
          this.fallbackRoutes.add(route);
          const raw = declaration.param ? req.params?.[declaration.param] : undefined;
          const subjectId = typeof raw === 'string' ? raw : null;
          await this.accessLog.record(ctx, {
            action: req.method !== 'GET' ? AccessAction.Update : subjectId ? AccessAction.Read : AccessAction.Search,
            subjectType: declaration.subject,
            subjectId,
            purpose: declaration.purpose,
          });
        }
        return body;
      }),
    );
  }
}
