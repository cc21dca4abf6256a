import { Injectable } from '@nestjs/common';
import { ListUsersQuery, Page } from '@bofast/contracts';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { UserEntity } from './user.entity';

const RELATIONS = { teams: true, partnerOrganisation: true, boligorganisation: true } as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return em.findOne(UserEntity, { where: { id }, relations: RELATIONS });
  }

  /** With the password hash, for login and password change only. */
  findForAuthentication(username: string, em: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return em
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
  }

  findPasswordHash(id: string, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    return em
      .createQueryBuilder(UserEntity, 'u')
      .select('u.id')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne()
      .then((u) => u?.passwordHash ?? null);
  }

  async findPage(query: ListUsersQuery): Promise<Page<UserEntity>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').select('u.id');
    if (!query.includeInactive) qb.andWhere('u.is_active');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.teamId)
      qb.andWhere('EXISTS (SELECT 1 FROM user_team ut WHERE ut.user_id = u.id AND ut.team_id = :teamId)', {
        teamId: query.teamId,
      });
    if (query.search) {
      const term = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.display_name ILIKE :term', { term }).orWhere('u.username ILIKE :term', { term }),
        ),
      );
    }
    const total = await qb.getCount();
    const ids = await qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getMany();
    const items = ids.length
      ? await this.dataSource.getRepository(UserEntity).find({
          where: ids.map((i) => ({ id: i.id })),
          relations: RELATIONS,
          order: { displayName: 'ASC', id: 'ASC' },
        })
      : [];
    return { items, total, page, pageSize };
  }

  /**
   * Updates the user's columns only if `expectedVersion` is still current, and bumps the version.
   * Returns false on a stale version (the caller answers 409).
   */
  async updateIfVersion(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    changes: Partial<UserEntity>,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setTeams(em: EntityManager, userId: string, teamIds: string[]): Promise<void> {
    await em.query(`DELETE FROM user_team WHERE user_id = $1`, [userId]);
    if (teamIds.length) {
      await em.query(`INSERT INTO user_team (user_id, team_id) SELECT $1, unnest($2::uuid[])`, [userId, teamIds]);
    }
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await em.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, passwordHash, mustChange],
    );
  }

  /** After an admin's reset: no password works until the user sets one through the new link. */
  async clearPassword(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE app_user SET password_hash = NULL, must_change_password = false, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * The user's own password, set through an activation link. True on the account's first activation.
   * The version stays: nothing an admin edits has changed, and an open edit dialog stays valid.
   */
  async setPasswordFromActivation(em: EntityManager, id: string, passwordHash: string): Promise<boolean> {
    const [rows] = await em.query(
      `UPDATE app_user u SET password_hash = $2, must_change_password = false, activated_at = coalesce(u.activated_at, now()),
              updated_at = now()
         FROM (SELECT activated_at FROM app_user WHERE id = $1) old
        WHERE u.id = $1
        RETURNING old.activated_at IS NULL AS first`,
      [id, passwordHash],
    );
    return rows[0]?.first === true;
  }

  async markLoggedIn(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1`, [id]);
  }

  async countExistingTeams(em: EntityManager, teamIds: string[]): Promise<number> {
    if (!teamIds.length) return 0;
    const [row] = await em.query(`SELECT count(*)::int AS n FROM team WHERE id = ANY($1::uuid[]) AND is_active`, [
      teamIds,
    ]);
    return row.n;
  }

  async partnerOrganisationExists(em: EntityManager, id: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM partner_organisation WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}
