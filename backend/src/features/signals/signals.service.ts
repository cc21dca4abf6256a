import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  CaseDetail,
  ContactAttempt,
  Page,
  SIGNAL_TRANSITIONS,
  SignalStatus,
  SignalSummary,
  CASE_WORKER_ROLES,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { TimelineWriter } from '../case-core/timeline.writer';
import { CasesService } from '../cases/cases.service';
import { CreateContactAttemptDto } from '../cases/cases.dto';
import { CASEWORK_PURPOSE } from '../people/people.service';
import { ConvertSignalDto, CreateSignalDto, ListSignalsQueryDto, UpdateSignalDto } from './signals.dto';

const CLOSED: readonly SignalStatus[] = ['konverteret', 'beboer_afslog', 'ikke_relevant', 'loest_uden_sag'];
const PURPOSE = `${CASEWORK_PURPOSE}: henvendelse`;

@Injectable()
export class SignalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly cases: CasesService,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(ctx: RequestContext, q: ListSignalsQueryDto): Promise<Page<SignalSummary>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const params: unknown[] = [ctx.teamIds];
    const where = ['g.team_id = ANY($1::uuid[])'];
    if (q.status) {
      params.push(q.status);
      where.push(`g.status = $${params.length}`);
    }
    if (q.mine) {
      params.push(ctx.userId);
      where.push(`g.assignee_id = $${params.length}`);
    }
    if (q.open) {
      params.push(CLOSED);
      where.push(`g.status <> ALL($${params.length}::text[])`);
    }
    return this.dataSource.transaction(async (em) => {
      const [{ total }] = await em.query(
        `SELECT count(*)::int AS total FROM signal g WHERE ${where.join(' AND ')}`,
        params,
      );
      const ids: Array<{ id: string }> = await em.query(
        `SELECT g.id FROM signal g WHERE ${where.join(' AND ')} ORDER BY g.received_at DESC, g.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      );
      const items = await this.summaries(
        em,
        ids.map((i) => i.id),
      );
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Search,
          subjectType: AccessSubjectType.Person,
          purpose: PURPOSE,
          searchCriterion: `signals:${q.status ?? ''}`,
        },
        em,
      );
      return { items, total, page, pageSize };
    });
  }

  async create(ctx: RequestContext, dto: CreateSignalDto): Promise<SignalSummary> {
    this.access.requireTeam(ctx, dto.teamId);
    const id = await this.dataSource.transaction(async (em) => {
      if (dto.personId) await this.access.requirePerson(em, ctx, dto.personId);
      if (dto.tenancyId) await this.access.requireTenancy(em, ctx, dto.tenancyId, 'tenancyId');
      const assignee = dto.assigneeId ?? ctx.userId;
      const [row] = await em.query(
        `INSERT INTO signal (team_id, source, description, reporter, lejemaal_id, person_id, assignee_id, received_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()), $9) RETURNING id, received_at`,
        [
          dto.teamId,
          dto.source,
          dto.description,
          dto.reporter ?? null,
          dto.tenancyId ?? null,
          dto.personId ?? null,
          assignee,
          dto.receivedAt ?? null,
          ctx.userId,
        ],
      );
      await this.timeline.append(em, {
        signalId: row.id,
        type: 'signal_received',
        occurredAt: row.received_at,
        authorId: ctx.userId,
        text: dto.description,
        data: { source: dto.source },
      });
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Create,
          subjectType: dto.personId ? AccessSubjectType.Person : null,
          subjectId: dto.personId ?? null,
          purpose: PURPOSE,
        },
        em,
      );
      return row.id as string;
    });
    return this.get(ctx, id, false);
  }

  async get(ctx: RequestContext, id: string, log = true): Promise<SignalSummary> {
    return this.dataSource.transaction(async (em) => {
      const signal = await this.requireSignal(em, ctx, id);
      const [summary] = await this.summaries(em, [id]);
      if (log)
        await this.accessLog.record(
          ctx,
          {
            action: AccessAction.Read,
            subjectType: signal.person_id ? AccessSubjectType.Person : null,
            subjectId: signal.person_id,
            purpose: PURPOSE,
          },
          em,
        );
      return summary;
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateSignalDto): Promise<SignalSummary> {
    await this.dataSource.transaction(async (em) => {
      const signal = await this.requireSignal(em, ctx, id, true);
      if (signal.version !== dto.version) throw versionConflict((await this.summaries(em, [id]))[0]);
      if (dto.status && dto.status !== signal.status && !SIGNAL_TRANSITIONS[signal.status].includes(dto.status)) {
        throw new DomainError('INVALID_STATE', `Henvendelsen kan ikke gå fra "${signal.status}" til "${dto.status}".`, {
          fields: { status: [`Ikke tilladt fra ${signal.status}`] },
        });
      }
      if (dto.assigneeId) await this.assertTeamMember(em, signal.team_id, dto.assigneeId);
      await em.query(
        `UPDATE signal SET status = coalesce($2, status), assignee_id = CASE WHEN $3 THEN $4::uuid ELSE assignee_id END,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.status ?? null, dto.assigneeId !== undefined, dto.assigneeId ?? null],
      );
      if (dto.status && dto.status !== signal.status) {
        await this.timeline.append(em, {
          signalId: id,
          type: 'status_change',
          authorId: ctx.userId,
          data: { scope: 'signal', from: signal.status, to: dto.status },
        });
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: signal.person_id ? AccessSubjectType.Person : null,
          subjectId: signal.person_id,
          purpose: PURPOSE,
        },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  async addContactAttempt(ctx: RequestContext, id: string, dto: CreateContactAttemptDto): Promise<SignalSummary> {
    await this.dataSource.transaction(async (em) => {
      const signal = await this.requireSignal(em, ctx, id, true);
      if (CLOSED.includes(signal.status)) throw new DomainError('INVALID_STATE', 'Henvendelsen er afsluttet.');
      const occurredAt = dto.occurredAt ?? new Date().toISOString();
      await em.query(
        `INSERT INTO contact_attempt (signal_id, channel, outcome, occurred_at, author_id) VALUES ($1, $2, $3, $4, $5)`,
        [id, dto.channel, dto.outcome, occurredAt, ctx.userId],
      );
      await this.timeline.append(em, {
        signalId: id,
        type: 'contact_attempt',
        occurredAt,
        authorId: ctx.userId,
        data: { channel: dto.channel, outcome: dto.outcome },
      });
      // The first attempt moves a new signal into "kontaktforsøg".
      if (signal.status === 'ny' || signal.status === 'under_vurdering' || signal.status === 'ingen_kontakt') {
        await em.query(
          `UPDATE signal SET status = 'kontaktforsoeg', version = version + 1, updated_at = now() WHERE id = $1`,
          [id],
        );
      } else {
        await em.query(`UPDATE signal SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: signal.person_id ? AccessSubjectType.Person : null,
          subjectId: signal.person_id,
          purpose: PURPOSE,
        },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  /** Turns the signal into a case; the signal's events (received, contact attempts) stay on the case's timeline. */
  async convert(ctx: RequestContext, id: string, dto: ConvertSignalDto): Promise<CaseDetail> {
    const caseId = await this.dataSource.transaction(async (em) => {
      const signal = await this.requireSignal(em, ctx, id, true);
      if (signal.version !== dto.version) throw versionConflict((await this.summaries(em, [id]))[0]);
      if (CLOSED.includes(signal.status))
        throw new DomainError('INVALID_STATE', 'Henvendelsen er allerede afsluttet eller konverteret.');
      let personId = signal.person_id ?? dto.personId ?? null;
      if (personId) {
        await this.access.requirePerson(em, ctx, personId);
      } else if (dto.newPersonName) {
        const [p] = await em.query(`INSERT INTO person (team_id, name, created_by) VALUES ($1, $2, $3) RETURNING id`, [
          signal.team_id,
          dto.newPersonName,
          ctx.userId,
        ]);
        personId = p.id as string;
      } else {
        throw fieldError('personId', 'Vælg en person eller skriv navnet på en ny');
      }
      const created = await this.cases.createInTransaction(em, ctx, {
        type: dto.caseType,
        personId,
        teamId: signal.team_id,
        tenancyId: signal.lejemaal_id,
        responsibleId:
          signal.assignee_id && (await this.isCaseWorker(em, signal.team_id, signal.assignee_id))
            ? signal.assignee_id
            : ctx.userId,
        originSignalId: id,
      });
      await em.query(
        `UPDATE signal SET status = 'konverteret', person_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, personId],
      );
      await this.timeline.append(em, {
        signalId: id,
        type: 'status_change',
        authorId: ctx.userId,
        data: { scope: 'signal', from: signal.status, to: 'konverteret', caseId: created },
      });
      return created;
    });
    return this.cases.get(ctx, caseId, false);
  }

  private async requireSignal(em: EntityManager, ctx: RequestContext, id: string, forUpdate = false) {
    const rows: Array<{
      id: string;
      team_id: string;
      status: SignalStatus;
      person_id: string | null;
      lejemaal_id: string | null;
      assignee_id: string | null;
      version: number;
    }> = await em.query(
      `SELECT id, team_id, status, person_id, lejemaal_id, assignee_id, version FROM signal
          WHERE id = $1 AND team_id = ANY($2::uuid[]) ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id, ctx.teamIds],
    );
    if (!rows[0]) throw notFound('Henvendelsen');
    return rows[0];
  }

  private async assertTeamMember(em: EntityManager, teamId: string, userId: string): Promise<void> {
    if (!(await this.isCaseWorker(em, teamId, userId)))
      throw fieldError('assigneeId', 'Medarbejderen er ikke med i teamet');
  }

  private async isCaseWorker(em: EntityManager, teamId: string, userId: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id WHERE ut.team_id = $1 AND ut.user_id = $2 AND u.is_active
         AND u.role = ANY($3::text[])`,
      [teamId, userId, CASE_WORKER_ROLES],
    );
    return rows.length > 0;
  }

  private async summaries(em: EntityManager, ids: string[]): Promise<SignalSummary[]> {
    if (!ids.length) return [];
    const rows = await em.query(
      `SELECT g.*, l.address, l.lejemaalsnummer, p.name AS person_name, u.display_name AS assignee_name, s.id AS case_id
         FROM signal g LEFT JOIN lejemaal l ON l.id = g.lejemaal_id LEFT JOIN person p ON p.id = g.person_id
         LEFT JOIN app_user u ON u.id = g.assignee_id LEFT JOIN sag s ON s.origin_signal_id = g.id
        WHERE g.id = ANY($1::uuid[])`,
      [ids],
    );
    const attempts = await em.query(
      `SELECT a.id, a.signal_id, a.channel, a.outcome, a.occurred_at, u.display_name AS author_name
         FROM contact_attempt a LEFT JOIN app_user u ON u.id = a.author_id WHERE a.signal_id = ANY($1::uuid[]) ORDER BY a.occurred_at`,
      [ids],
    );
    const bySignal = new Map<string, ContactAttempt[]>();
    for (const a of attempts) {
      const list = bySignal.get(a.signal_id) ?? [];
      list.push({
        id: a.id,
        channel: a.channel,
        outcome: a.outcome,
        occurredAt: a.occurred_at.toISOString(),
        authorName: a.author_name ?? '',
      });
      bySignal.set(a.signal_id, list);
    }
    const byId = new Map<string, SignalSummary>(
      rows.map((r: Record<string, never>) => [
        r['id'],
        {
          id: r['id'],
          source: r['source'],
          status: r['status'],
          description: r['description'],
          reporter: r['reporter'],
          receivedAt: (r['received_at'] as Date).toISOString(),
          tenancy: r['lejemaal_id']
            ? { id: r['lejemaal_id'], address: r['address'], lejemaalsnummer: r['lejemaalsnummer'] }
            : null,
          person: r['person_id'] ? { id: r['person_id'], name: r['person_name'] } : null,
          assignee: r['assignee_id'] ? { id: r['assignee_id'], displayName: r['assignee_name'] } : null,
          teamId: r['team_id'],
          caseId: r['case_id'] ?? null,
          contactAttempts: bySignal.get(r['id']) ?? [],
          version: r['version'],
        },
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((s): s is SignalSummary => !!s);
  }
}
