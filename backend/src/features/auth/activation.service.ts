import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  ActivateAccountRequest,
  ActivationInfo,
  ActivationLink,
  PrivilegedChangeKind,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError } from '../../common/errors/domain-error';
import type { AnonymousContext, RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { actorOf, PrivilegedChangesService } from '../privileged-changes/privileged-changes.service';
import { UsersRepository } from '../users/users.repository';
import { AccountActivationEntity } from './account-activation.entity';
import { AccountActivationsRepository } from './account-activations.repository';
import { hashToken, newToken } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';

/** How long an activation link works (clarification 9: 72 hours). */
export const ACTIVATION_HOURS = 72;
/** The front-end page that takes the token (Danish path). */
export const ACTIVATION_PATH = '/aktiver/';

const unknownLink = () =>
  new DomainError(
    'NOT_FOUND',
    'Aktiveringslinket findes ikke eller er allerede brugt. Bed en administrator om et nyt.',
  );
const expiredLink = () =>
  new DomainError('ACTIVATION_EXPIRED', 'Aktiveringslinket er udløbet. Bed en administrator om et nyt.');

/**
 * One-time activation links: an admin creates an account or resets its password and is shown a link
 * once, to hand over in person or by phone; the user sets their own password with it within 72 hours.
 * Only the token's sha256 is stored. Wrong tokens count as failed logins of the client address (the
 * login throttle), so guessing is locked out like password guessing.
 */
@Injectable()
export class ActivationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activations: AccountActivationsRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly accessLog: AccessLogService,
    private readonly changes: PrivilegedChangesService,
  ) {}

  /**
   * Inside the admin's transaction: ends the user's open links, issues a new one and logs it as a
   * privileged change. `origin` is the address the admin uses (scheme and host).
   */
  async issue(em: EntityManager, ctx: RequestContext, user: { id: string; username: string }, origin: string) {
    const token = newToken();
    const expiresAt = new Date(Date.now() + ACTIVATION_HOURS * 3_600_000);
    await this.activations.revokeOpenForUser(em, user.id);
    await this.activations.create(em, {
      userId: user.id,
      tokenHash: hashToken(token),
      issuedByUserId: ctx.userId,
      expiresAt,
    });
    await this.changes.record(em, actorOf(ctx), PrivilegedChangeKind.ActivationIssued, user, {
      new: expiresAt.toISOString(),
    });
    const link: ActivationLink = {
      activationUrl: `${origin}${ACTIVATION_PATH}${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
    return link;
  }

  /** GET /api/auth/activation/:token: 200 while usable, 404 unknown or used, 410 expired. */
  async check(token: string, anon: AnonymousContext): Promise<ActivationInfo> {
    const link = await this.usableLink(token, anon);
    const user = await this.users.findById(link.userId);
    if (!user || !user.isActive) throw unknownLink();
    return { username: user.username, displayName: user.displayName, expiresAt: link.expiresAt.toISOString() };
  }

  /** POST /api/auth/activation: sets the user's password (the policy applies), once. */
  async activate(dto: ActivateAccountRequest, anon: AnonymousContext): Promise<void> {
    const first = await this.usableLink(dto.token, anon);
    const user = await this.users.findById(first.userId);
    if (!user || !user.isActive) throw unknownLink();
    this.passwords.assertAcceptable(dto.password, user.username, 'password');
    const hash = await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (em) => {
      // Again under a row lock: two submissions of one link set one password.
      const link = await this.activations.findByTokenHash(hashToken(dto.token), em, true);
      if (!link || link.usedAt || link.revokedAt) throw unknownLink();
      if (link.expiresAt.getTime() <= Date.now()) throw expiredLink();
      await this.activations.markUsed(em, link.id);
      const firstActivation = await this.users.setPasswordFromActivation(em, user.id, hash);
      await this.sessions.revokeAllForUser(em, user.id, 'password_reset');
      const self = {
        userId: user.id,
        username: user.username,
        requestId: anon.requestId,
        clientAddress: anon.clientAddress,
      };
      await this.changes.record(
        em,
        self,
        PrivilegedChangeKind.UserActivated,
        { id: user.id, username: user.username },
        { new: firstActivation ? 'first' : 'reset' },
      );
      await this.accessLog.record(
        { ...self, role: user.role },
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.User,
          subjectId: user.id,
          purpose: 'Adgangskode sat med aktiveringslink',
        },
        em,
      );
    });
  }

  private async usableLink(token: string, anon: AnonymousContext): Promise<AccountActivationEntity> {
    const key = `activation@${anon.clientAddress ?? ''}`;
    await this.throttle.assertAllowed(key, anon.clientAddress);
    const link = await this.activations.findByTokenHash(hashToken(token));
    const open = !!link && !link.usedAt && !link.revokedAt;
    const expired = open && link.expiresAt.getTime() <= Date.now();
    await this.throttle.record(key, anon.clientAddress, open && !expired);
    if (!link || !open) throw unknownLink();
    if (expired) throw expiredLink();
    return link;
  }
}
