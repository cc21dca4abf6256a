import { timingSafeEqual } from 'node:crypto';

import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_COOKIE, CSRF_COOKIE, CSRF_HEADER, getPermissions, Permission } from '@bofast/contracts';

import { APP_CONFIG, AppConfig } from '../../config/config';
import { hashToken } from '../../features/auth/auth.service';
import { SessionsRepository } from '../../features/auth/sessions.repository';
import { DomainError } from '../errors/domain-error';
import { BofastRequest } from '../http/request-context';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 60_000;

function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * The global guard (APP_GUARD). Order: @Public() → session cookie → CSRF → @RequirePermission →
 * must-change-password. A route that is neither public nor names a permission is denied to everyone.
 * A session whose user must change their password reaches only @AllowedBeforePasswordChange() routes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<BofastRequest>();
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const header = req.get(CSRF_HEADER) ?? undefined;
    const unsafe = !SAFE_METHODS.has(req.method);

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // Double-submit check for public state changes (login): the header must echo the cookie.
      if (unsafe && !sameSecret(header, cookies[CSRF_COOKIE])) throw csrfRejected();
      return true;
    }

    const token = cookies[AUTH_COOKIE];
    const tokenHash = token ? hashToken(token) : null;
    const session = tokenHash ? await this.sessions.findActive(tokenHash, this.config.SESSION_IDLE_MINUTES) : null;
    if (!session || !tokenHash) throw new DomainError('UNAUTHENTICATED', 'Du skal logge ind.');
    if (unsafe && !sameSecret(header, session.csrfToken)) throw csrfRejected();

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const permissions = getPermissions(session.role);
    if (!permission) {
      this.logger.warn({ route: `${req.method} ${req.route?.path ?? ''}` }, 'Route without @RequirePermission denied');
      throw new DomainError('FORBIDDEN', 'Du har ikke adgang til dette.');
    }
    if (!permissions.includes(permission)) throw new DomainError('FORBIDDEN', 'Du har ikke adgang til dette.');
    if (
      session.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Du skal skifte din adgangskode, før du kan fortsætte.');
    }

    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await this.sessions.touch(session.sessionId, tokenHash);
    req.ctx = {
      userId: session.userId,
      username: session.username,
      role: session.role,
      permissions,
      teamIds: session.teamIds,
      partnerOrganisationId: session.partnerOrganisationId,
      sessionId: session.sessionId,
      requestId: req.id !== undefined ? String(req.id) : null,
      clientAddress: req.ip ?? null,
    };
    return true;
  }
}

function csrfRejected(): DomainError {
  return new DomainError('CSRF_REJECTED', 'Sikkerhedstoken mangler eller er forkert. Genindlæs siden, og prøv igen.');
}
