import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Permission, Role } from '@bofast/contracts';
import type { Request } from 'express';

/** Who is asking, from where, in which request. Built by the AuthGuard; passed to services explicitly. */
export interface RequestContext {
  userId: string;
  username: string;
  role: Role;
  permissions: readonly Permission[];
  teamIds: string[];
  partnerOrganisationId: string | null;
  sessionId: string;
  requestId: string | null;
  clientAddress: string | null;
}

export interface AnonymousContext {
  requestId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}

export type BofastRequest = Request & { id?: string | number; ctx?: RequestContext };

export function anonymousContext(req: BofastRequest): AnonymousContext {
  return {
    requestId: req.id !== undefined ? String(req.id) : null,
    clientAddress: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
  };
}

/** The signed-in caller's RequestContext. Only valid on routes that are not @Public(). */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const req = host.switchToHttp().getRequest<BofastRequest>();
  if (!req.ctx) throw new Error('Ctx used on a public route');
  return req.ctx;
});

/** Request id and client address for public routes (login). */
export const Anon = createParamDecorator((_: unknown, host: ExecutionContext): AnonymousContext =>
  anonymousContext(host.switchToHttp().getRequest<BofastRequest>()),
);

const logged = new WeakSet<object>();

/** Marks the request as having its access-log entry (called by AccessLogService when it writes one). */
export function markAccessLogged(ctx: object): void {
  logged.add(ctx);
}

/** Whether a service wrote an access-log entry for this request's context. */
export function wasAccessLogged(ctx: object): boolean {
  return logged.has(ctx);
}
