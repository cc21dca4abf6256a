import { Injectable } from '@nestjs/common';
import { AccessAction, AccessSubjectType, TeamSummary } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { TeamEntity } from './team.entity';
import { CreateTeamDto, UpdateTeamDto } from './teams.dto';
import { TeamRow, TeamsRepository } from './teams.repository';

const PURPOSE = 'Teamadministration';

export function toTeamSummary({ team, memberCount }: TeamRow): TeamSummary {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    isActive: team.isActive,
    afdelinger: [...team.afdelinger]
      .sort((a, b) => a.afdelingsnummer.localeCompare(b.afdelingsnummer, 'da', { numeric: true }))
      .map((a) => ({ id: a.id, name: a.name, afdelingsnummer: a.afdelingsnummer })),
    memberCount,
    version: team.version,
  };
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsRepository,
    private readonly accessLog: AccessLogService,
    private readonly sessions: SessionsRepository,
  ) {}

  async list(): Promise<TeamSummary[]> {
    return (await this.teams.findAllWithCounts()).map(toTeamSummary);
  }

  async get(id: string): Promise<TeamSummary> {
    const row = await this.teams.findById(id);
    if (!row) throw notFound('Teamet');
    return toTeamSummary(row);
  }

  async create(ctx: RequestContext, dto: CreateTeamDto): Promise<TeamSummary> {
    const id = await this.dataSource.transaction(async (em) => {
      await this.assertValid(em, dto.name, dto.afdelingIds ?? []);
      const teamId = await this.teams.insert(em, dto.name, dto.description ?? null);
      await this.teams.setAfdelinger(em, teamId, [...new Set(dto.afdelingIds ?? [])]);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Create, subjectType: AccessSubjectType.Team, subjectId: teamId, purpose: PURPOSE },
        em,
      );
      return teamId;
    });
    return this.get(id);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateTeamDto): Promise<TeamSummary> {
    await this.dataSource.transaction(async (em) => {
      const current = await this.teams.findById(id, em);
      if (!current) throw notFound('Teamet');
      if (current.team.version !== dto.version) throw versionConflict(toTeamSummary(current));
      await this.assertValid(em, dto.name, dto.afdelingIds ?? [], id);
      const changes: Partial<TeamEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.isActive !== undefined) changes.isActive = dto.isActive;
      // A session holds its user's active teams (the commit notifies the other processes too).
      if (dto.isActive !== undefined) this.sessions.forgetUser('*');
      if (!(await this.teams.updateIfVersion(em, id, dto.version, changes))) {
        const fresh = await this.teams.findById(id);
        throw versionConflict(fresh ? toTeamSummary(fresh) : null);
      }
      if (dto.afdelingIds) await this.teams.setAfdelinger(em, id, [...new Set(dto.afdelingIds)]);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Team, subjectId: id, purpose: PURPOSE },
        em,
      );
    });
    return this.get(id);
  }

  private async assertValid(
    em: EntityManager,
    name: string | undefined,
    afdelingIds: string[],
    exceptId?: string,
  ): Promise<void> {
    if (name !== undefined && (await this.teams.nameTaken(em, name, exceptId))) {
      throw new DomainError('ALREADY_EXISTS', 'Et team med det navn findes allerede.', {
        fields: { name: ['Navnet er i brug'] },
      });
    }
    const unique = [...new Set(afdelingIds)];
    if (unique.length && (await this.teams.countAfdelinger(em, unique)) !== unique.length) {
      throw fieldError('afdelingIds', 'En eller flere afdelinger findes ikke');
    }
  }
}
