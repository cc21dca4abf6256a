import { Injectable } from '@nestjs/common';
import { Role } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import type { ActiveSession } from './active-session';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: SessionCache,
  ) {}

  /** The live session for a token hash, from this process's cache when it may answer (see SessionCache). */
  findActive(tokenHash: string, idleMinutes: number): Promise<ActiveSession | null> {
    return this.cache.lookup(tokenHash, () => this.findActiveByTokenHash(tokenHash, idleMinutes));
  }

  /**
   * Forgets the user's cached sessions now; the database's notification does it again, in every process,
   * when the change commits. For changes to the user's role, organisation or teams.
   */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** The live session for a token hash: not revoked, within absolute and idle lifetime, user active. */
  async findActiveByTokenHash(tokenHash: string, idleMinutes: number): Promise<ActiveSession | null> {
    const rows: Array<{
      session_id: string;
      csrf_token: string;
      last_seen_at: Date;
      expires_at: Date;
      user_id: string;
      username: string;
      role: Role;
      partner_organisation_id: string | null;
      must_change_password: boolean;
      team_ids: string[] | null;
    }> = await this.dataSource.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.role,
              u.partner_organisation_id, u.must_change_password,
              (SELECT array_agg(ut.team_id) FROM user_team ut JOIN team t ON t.id = ut.team_id
                WHERE ut.user_id = u.id AND t.is_active) AS team_ids
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.is_active`,
      [tokenHash, idleMinutes],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      sessionId: r.session_id,
      csrfToken: r.csrf_token,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      userId: r.user_id,
      username: r.username,
      role: r.role,
      partnerOrganisationId: r.partner_organisation_id,
      teamIds: r.team_ids ?? [],
      mustChangePassword: r.must_change_password,
    };
  }

  async touch(sessionId: string, tokenHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
    this.cache.touched(tokenHash);
  }

  async create(
    em: EntityManager,
    session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'csrfToken' | 'expiresAt' | 'userAgent' | 'clientAddress'>,
  ): Promise<string> {
    const result = await em.insert(SessionEntity, { ...session, lastSeenAt: new Date() });
    return result.identifiers[0]['id'] as string;
  }

  listActiveForUser(userId: string, idleMinutes: number): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', { userId })
      .andWhere('s.last_seen_at > now() - make_interval(mins => :idle)', { idle: idleMinutes })
      .orderBy('s.last_seen_at', 'DESC')
      .getMany();
  }

  /** Revokes one session of the user; false when there was no such live session. */
  async revokeOne(em: EntityManager, userId: string, sessionId: string, reason: string): Promise<boolean> {
    this.cache.forgetUser(userId);
    const result = await em.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $3
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, reason],
    );
    return (result[0] as unknown[]).length > 0;
  }

  /** Revokes every live session of the user except `keepSessionId` (if given). */
  async revokeAllForUser(em: EntityManager, userId: string, reason: string, keepSessionId?: string): Promise<void> {
    this.cache.forgetUser(userId);
    await em.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, keepSessionId ?? null],
    );
  }
}
