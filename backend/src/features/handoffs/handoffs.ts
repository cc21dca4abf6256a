import { Body, Controller, Get, Injectable, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessAction, AccessSubjectType, Handoff, Permission, TimelineEventType } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { DomainError, fieldError, versionConflict } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { TimelineWriter } from '../case-core/timeline.writer';
import { CreateHandoffDto } from '../referrals/referrals.dto';

const PURPOSE = 'Overdragelse';
const WORKER_ROLES = `('social_vicevaert','beboerraadgiver','oekonomisk_raadgiver','teamleder')`;

/** Internal handoffs (overdragelser): worker to worker, or team to team, with a handover note and history. */
@Injectable()
export class HandoffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(ctx: RequestContext, caseId: string): Promise<Handoff[]> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId);
      const rows = await this.rows(em, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return rows;
    });
  }

  async create(ctx: RequestContext, caseId: string, dto: CreateHandoffDto): Promise<Handoff> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, caseId, true);
      if (c.version !== dto.version) throw versionConflict({ id: c.id, version: c.version });
      if (c.status === 'afsluttet') throw new DomainError('INVALID_STATE', 'En afsluttet sag kan ikke overdrages.');
      const toTeamId = dto.toTeamId ?? c.team_id;
      const [team] = await em.query(`SELECT id FROM team WHERE id = $1 AND is_active`, [toTeamId]);
      if (!team) throw fieldError('toTeamId', 'Ukendt team');
      const ok = await em.query(
        `SELECT 1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id
          WHERE ut.team_id = $1 AND ut.user_id = $2 AND u.is_active AND u.role IN ${WORKER_ROLES}`,
        [toTeamId, dto.toUserId],
      );
      if (!ok.length) throw fieldError('toUserId', 'Medarbejderen er ikke med i det valgte team');
      if (dto.toUserId === c.responsible_id && toTeamId === c.team_id)
        throw fieldError('toUserId', 'Sagen ligger allerede hos medarbejderen');
      const kind = toTeamId === c.team_id ? 'medarbejder' : 'team';
      const [row] = await em.query(
        `INSERT INTO handoff (sag_id, kind, from_user_id, from_team_id, to_user_id, to_team_id, note, by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [caseId, kind, c.responsible_id, c.team_id, dto.toUserId, toTeamId, dto.note, ctx.userId],
      );
      await em.query(
        `UPDATE sag SET responsible_id = $2, team_id = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [caseId, dto.toUserId, toTeamId],
      );
      if (kind === 'team') {
        // Co-workers belong to the old team. An open udsættelsessag linked only to this case follows it.
        await em.query(`DELETE FROM sag_coworker WHERE sag_id = $1`, [caseId]);
        await em.query(
          `UPDATE eviction_case e SET team_id = $2, responsible_id = $3, version = version + 1, updated_at = now()
            WHERE e.status <> 'afsluttet'
              AND EXISTS (SELECT 1 FROM eviction_case_sag l WHERE l.eviction_case_id = e.id AND l.sag_id = $1)
              AND NOT EXISTS (SELECT 1 FROM eviction_case_sag l WHERE l.eviction_case_id = e.id AND l.sag_id <> $1)`,
          [caseId, toTeamId, dto.toUserId],
        );
      }
      await this.timeline.append(em, {
        caseId,
        type: TimelineEventType.Handoff,
        authorId: ctx.userId,
        text: dto.note,
        data: { handoffId: row.id, kind, fromUserId: c.responsible_id, toUserId: dto.toUserId, toTeamId },
      });
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.Case,
          subjectId: caseId,
          purpose: PURPOSE,
        },
        em,
      );
      return (await this.rows(em, caseId)).find((h) => h.id === row.id) as Handoff;
    });
  }

  private async rows(em: EntityManager, caseId: string): Promise<Handoff[]> {
    const rows = await em.query(
      `SELECT h.*, fu.display_name AS from_user, tu.display_name AS to_user, ft.name AS from_team, tt.name AS to_team,
              bu.display_name AS by_name
         FROM handoff h JOIN app_user fu ON fu.id = h.from_user_id JOIN app_user tu ON tu.id = h.to_user_id
         JOIN team ft ON ft.id = h.from_team_id JOIN team tt ON tt.id = h.to_team_id LEFT JOIN app_user bu ON bu.id = h.by_id
        WHERE h.sag_id = $1 ORDER BY h.at DESC`,
      [caseId],
    );
    return rows.map((h: Record<string, never>) => ({
      id: h['id'],
      caseId: h['sag_id'],
      kind: h['kind'],
      from: {
        userId: h['from_user_id'],
        userName: h['from_user'],
        teamId: h['from_team_id'],
        teamName: h['from_team'],
      },
      to: { userId: h['to_user_id'], userName: h['to_user'], teamId: h['to_team_id'], teamName: h['to_team'] },
      note: h['note'],
      at: (h['at'] as Date).toISOString(),
      by: h['by_id'] ? { id: h['by_id'], displayName: h['by_name'] } : null,
    }));
  }
}

@ApiTags('handoffs')
@Controller('cases/:caseId/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @ApiOperation({ summary: "List a case's handoffs" })
  @ApiResult('Handoff[]')
  @Get()
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Overdragelse', subject: AccessSubjectType.Case, param: 'caseId' })
  list(@Ctx() ctx: RequestContext, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<Handoff[]> {
    return this.handoffs.list(ctx, caseId);
  }

  @ApiOperation({ summary: 'Hand a case over to a colleague' })
  @ApiResult('Handoff', { status: 201 })
  @Post()
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Overdragelse', subject: AccessSubjectType.Case, param: 'caseId' })
  create(
    @Ctx() ctx: RequestContext,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() dto: CreateHandoffDto,
  ): Promise<Handoff> {
    return this.handoffs.create(ctx, caseId, dto);
  }
}

@Module({ controllers: [HandoffsController], providers: [HandoffsService] })
export class HandoffsModule {}
