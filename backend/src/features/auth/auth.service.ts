import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { AccessAction, AccessSubjectType, CurrentUser, SessionInfo } from '@bofast/contracts';
import { DataSource } from 'typeorm';

import { DomainError, fieldError, notFound } from '../../common/errors/domain-error';
import type { AnonymousContext, RequestContext } from '../../common/http/request-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AccessLogService } from '../access-log/access-log.service';
import { UserEntity } from '../users/user.entity';
import { toCurrentUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { ChangePasswordDto, UpdateMeDto } from './auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: CurrentUser;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly accessLog: AccessLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Used by the passport-local strategy. Same answer for unknown user, inactive user and wrong password. */
  async verifyCredentials(username: string, password: string, anon: AnonymousContext): Promise<UserEntity> {
    const key = LoginThrottleService.key(username);
    await this.throttle.assertAllowed(key, anon.clientAddress);
    const user = await this.users.findForAuthentication(username);
    const usable = user && user.isActive ? user : null;
    const ok = await this.passwords.verify(usable?.passwordHash ?? null, password);
    await this.throttle.record(key, anon.clientAddress, ok);
    if (!ok || !usable) throw new DomainError('INVALID_CREDENTIALS', 'Forkert brugernavn eller adgangskode.');
    return usable;
  }

  async startSession(user: UserEntity, anon: AnonymousContext): Promise<IssuedSession> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    await this.dataSource.transaction(async (em) => {
      const sessionId = await this.sessions.create(em, {
        userId: user.id,
        tokenHash: hashToken(token),
        csrfToken,
        expiresAt,
        userAgent: anon.userAgent,
        clientAddress: anon.clientAddress,
      });
      await this.users.markLoggedIn(em, user.id);
      await this.accessLog.record(
        {
          userId: user.id,
          username: user.username,
          role: user.role,
          requestId: anon.requestId,
          clientAddress: anon.clientAddress,
        },
        {
          action: AccessAction.Login,
          subjectType: AccessSubjectType.User,
          subjectId: user.id,
          purpose: `Login (session ${sessionId})`,
        },
        em,
      );
    });
    const full = await this.users.findById(user.id);
    if (!full) throw notFound('Brugeren');
    return { token, csrfToken, expiresAt, user: toCurrentUser(full) };
  }

  async logout(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.sessions.revokeOne(em, ctx.userId, ctx.sessionId, 'logout');
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Logout, subjectType: AccessSubjectType.User, subjectId: ctx.userId, purpose: 'Logout' },
        em,
      );
    });
  }

  async me(ctx: RequestContext): Promise<CurrentUser> {
    const user = await this.users.findById(ctx.userId);
    if (!user) throw notFound('Brugeren');
    return toCurrentUser(user);
  }

  async updateMe(ctx: RequestContext, dto: UpdateMeDto): Promise<CurrentUser> {
    await this.dataSource.transaction(async (em) => {
      const current = await this.users.findById(ctx.userId, em);
      if (!current) throw notFound('Brugeren');
      const changes: Partial<UserEntity> = {};
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.locale !== undefined) changes.locale = dto.locale;
      // The user edits only their own profile; last write wins is acceptable here, but still bump the version.
      await this.users.updateIfVersion(em, ctx.userId, current.version, changes);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.User,
          subjectId: ctx.userId,
          purpose: 'Egne oplysninger opdateret',
        },
        em,
      );
    });
    return this.me(ctx);
  }

  /**
   * The current-password check is throttled as a login of the same user (same counter and limits):
   * after LOGIN_MAX_FAILURES wrong ones even the right one answers 429 until the lockout has passed.
   */
  async changePassword(ctx: RequestContext, dto: ChangePasswordDto): Promise<void> {
    const key = LoginThrottleService.key(ctx.username);
    await this.throttle.assertAllowed(key, ctx.clientAddress);
    const hash = await this.users.findPasswordHash(ctx.userId);
    const ok = await this.passwords.verify(hash, dto.currentPassword);
    await this.throttle.record(key, ctx.clientAddress, ok);
    if (!ok) throw fieldError('currentPassword', 'Den nuværende adgangskode er forkert');
    this.passwords.assertAcceptable(dto.newPassword, ctx.username);
    if (dto.newPassword === dto.currentPassword)
      throw fieldError('newPassword', 'Den nye adgangskode skal være en anden end den nuværende');
    const newHash = await this.passwords.hash(dto.newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.users.setPasswordHash(em, ctx.userId, newHash, false);
      await this.sessions.revokeAllForUser(em, ctx.userId, 'password_changed', ctx.sessionId);
      // The session kept may be cached with must-change set (the commit notifies the other processes).
      this.sessions.forgetUser(ctx.userId);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.User,
          subjectId: ctx.userId,
          purpose: 'Adgangskode skiftet',
        },
        em,
      );
    });
  }

  async listSessions(ctx: RequestContext): Promise<SessionInfo[]> {
    const rows = await this.sessions.listActiveForUser(ctx.userId, this.config.SESSION_IDLE_MINUTES);
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      clientAddress: s.clientAddress,
      isCurrent: s.id === ctx.sessionId,
    }));
  }

  async revokeSession(ctx: RequestContext, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const revoked = await this.sessions.revokeOne(em, ctx.userId, sessionId, 'revoked_by_user');
      if (!revoked) throw notFound('Sessionen');
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.User,
          subjectId: ctx.userId,
          purpose: 'Session logget ud',
        },
        em,
      );
    });
  }
}
