import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { TeamEntity } from './team.entity';

export interface TeamRow {
  team: TeamEntity;
  memberCount: number;
}

@Injectable()
export class TeamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAllWithCounts(em: EntityManager = this.dataSource.manager): Promise<TeamRow[]> {
    const teams = await em.find(TeamEntity, { relations: { afdelinger: true }, order: { name: 'ASC' } });
    const counts: Array<{ team_id: string; n: number }> = await em.query(
      `SELECT ut.team_id, count(*)::int AS n FROM user_team ut JOIN app_user u ON u.id = ut.user_id WHERE u.is_active GROUP BY ut.team_id`,
    );
    const byTeam = new Map(counts.map((c) => [c.team_id, c.n]));
    return teams.map((team) => ({ team, memberCount: byTeam.get(team.id) ?? 0 }));
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<TeamRow | null> {
    const team = await em.findOne(TeamEntity, { where: { id }, relations: { afdelinger: true } });
    if (!team) return null;
    const [row] = await em.query(
      `SELECT count(*)::int AS n FROM user_team ut JOIN app_user u ON u.id = ut.user_id WHERE u.is_active AND ut.team_id = $1`,
      [id],
    );
    return { team, memberCount: row.n };
  }

  async nameTaken(em: EntityManager, name: string, exceptId?: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM team WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [name, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async countAfdelinger(em: EntityManager, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const [row] = await em.query(`SELECT count(*)::int AS n FROM afdeling WHERE id = ANY($1::uuid[])`, [ids]);
    return row.n;
  }

  async insert(em: EntityManager, name: string, description: string | null): Promise<string> {
    const result = await em.insert(TeamEntity, { name, description });
    return result.identifiers[0]['id'] as string;
  }

  async updateIfVersion(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    changes: Partial<TeamEntity>,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(TeamEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setAfdelinger(em: EntityManager, teamId: string, afdelingIds: string[]): Promise<void> {
    await em.query(`DELETE FROM team_afdeling WHERE team_id = $1`, [teamId]);
    if (afdelingIds.length) {
      await em.query(`INSERT INTO team_afdeling (team_id, afdeling_id) SELECT $1, unnest($2::uuid[])`, [
        teamId,
        afdelingIds,
      ]);
    }
  }
}
