import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  Task,
  TimelineEventType,
  Visit,
  VISIT_TRANSITIONS,
  VisitParticipant,
  VisitStatus,
  CASE_WORKER_ROLES,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess, CaseRow } from '../case-core/case-access';
import { ConsentCoverageService } from '../consent/consent-coverage.service';
import { TimelineWriter } from '../case-core/timeline.writer';
import {
  CompleteVisitDto,
  CreateVisitDto,
  FollowUpDto,
  ListTasksQueryDto,
  ListVisitsQueryDto,
  UpdateTaskDto,
  VisitParticipantDto,
} from './visits.dto';

const PURPOSE = 'Sagsbehandling: besøg';
const TASK_PURPOSE = 'Sagsbehandling: opgaver';

const VISIT_SELECT = `
  SELECT v.*, s.case_number, s.team_id, p.name AS person_name, l.address, u.display_name AS author_name
    FROM visit v JOIN sag s ON s.id = v.sag_id JOIN person p ON p.id = s.person_id
    LEFT JOIN lejemaal l ON l.id = s.lejemaal_id LEFT JOIN app_user u ON u.id = v.author_id`;

const TASK_SELECT = `
  SELECT t.*, to_char(t.due_date, 'YYYY-MM-DD') AS due, s.case_number, u.display_name AS assignee_name
    FROM task t JOIN sag s ON s.id = t.sag_id LEFT JOIN app_user u ON u.id = t.assignee_id`;

type Row = Record<string, never>;

/**
 * Home visits and meetings on a case, and the follow-up tasks (opfølgning) they and unanswered
 * referrals create. A visit carries the device's draft id, so a draft sent again after a dropped
 * connection creates one visit, not two.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly consent: ConsentCoverageService,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(ctx: RequestContext, q: ListVisitsQueryDto): Promise<Visit[]> {
    return this.dataSource.transaction(async (em) => {
      if (q.caseId) await this.access.requireCase(em, ctx, q.caseId);
      const params: unknown[] = [ctx.teamIds];
      const where = ['s.team_id = ANY($1::uuid[])'];
      if (q.caseId) where.push(`v.sag_id = $${params.push(q.caseId)}`);
      if (q.mine) where.push(`v.author_id = $${params.push(ctx.userId)}`);
      if (q.status) where.push(`v.status = $${params.push(q.status)}`);
      if (q.date)
        where.push(
          `(coalesce(v.occurred_at, v.planned_at) AT TIME ZONE 'Europe/Copenhagen')::date = $${params.push(q.date)}::date`,
        );
      const rows = await em.query(
        `${VISIT_SELECT} WHERE ${where.join(' AND ')} ORDER BY coalesce(v.occurred_at, v.planned_at) DESC LIMIT 200`,
        params,
      );
      await this.accessLog.record(
        ctx,
        q.caseId
          ? { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: q.caseId, purpose: PURPOSE }
          : {
              action: AccessAction.Search,
              subjectType: AccessSubjectType.Case,
              purpose: PURPOSE,
              searchCriterion: 'besøg',
            },
        em,
      );
      return this.views(em, rows);
    });
  }

  async create(ctx: RequestContext, caseId: string, dto: CreateVisitDto): Promise<Visit> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.requireOpenCase(em, ctx, caseId);
      if (dto.clientId) {
        const [existing] = await em.query(`SELECT id, sag_id FROM visit WHERE client_id = $1`, [dto.clientId]);
        if (existing) {
          if (existing.sag_id !== caseId)
            throw new DomainError('ALREADY_EXISTS', 'Kladden er allerede gemt på en anden sag.');
          return this.byId(em, existing.id);
        }
      }
      const fields: Record<string, string[]> = {};
      if (dto.status === 'planlagt' && !dto.plannedAt) fields['plannedAt'] = ['Angiv hvornår besøget er planlagt'];
      if (dto.status === 'planlagt' && dto.summary) fields['summary'] = ['Et planlagt besøg har ikke et referat endnu'];
      if (dto.occurredAt && new Date(dto.occurredAt).getTime() > Date.now() + 10 * 60_000)
        fields['occurredAt'] = ['Et afholdt besøg kan ikke ligge i fremtiden'];
      if (Object.keys(fields).length)
        throw new DomainError('VALIDATION_FAILED', 'Der er fejl i de indtastede oplysninger.', { fields });
      const participants = await this.checkParticipants(em, c, dto.participants ?? []);
      const held = !['planlagt', 'aflyst'].includes(dto.status);
      const occurredAt = held ? (dto.occurredAt ?? new Date().toISOString()) : null;
      const [row] = await em.query(
        `INSERT INTO visit (sag_id, client_id, status, planned_at, occurred_at, location_type, announced, participants, purpose, summary, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (client_id) DO NOTHING RETURNING id`,
        [
          caseId,
          dto.clientId ?? null,
          dto.status,
          dto.plannedAt ?? null,
          occurredAt,
          dto.locationType,
          dto.announced,
          JSON.stringify(participants),
          dto.purpose ?? null,
          dto.summary ?? null,
          ctx.userId,
        ],
      );
      if (!row) throw new DomainError('ALREADY_EXISTS', 'Kladden er allerede ved at blive gemt. Indlæs sagen igen.');
      await this.addFollowUps(em, caseId, row.id, ctx.userId, dto.followUps ?? []);
      await this.timeline.append(em, {
        caseId,
        type: TimelineEventType.Visit,
        occurredAt: occurredAt ?? undefined,
        authorId: ctx.userId,
        text: dto.summary ?? null,
        data: {
          visitId: row.id,
          status: dto.status,
          plannedAt: dto.plannedAt ?? null,
          locationType: dto.locationType,
          announced: dto.announced,
          participants: participants.map((p) => p.kind),
          followUps: (dto.followUps ?? []).length,
        },
      });
      await this.timeline.touchCase(em, caseId);
      await this.logWrite(ctx, em, caseId);
      return this.byId(em, row.id);
    });
  }

  /** A planned visit is held (or not): its outcome, summary and follow-ups. */
  async complete(ctx: RequestContext, visitId: string, dto: CompleteVisitDto): Promise<Visit> {
    return this.dataSource.transaction(async (em) => {
      const [v] = await em.query(
        `SELECT v.* FROM visit v JOIN sag s ON s.id = v.sag_id WHERE v.id = $1 AND s.team_id = ANY($2::uuid[]) FOR UPDATE OF v`,
        [visitId, ctx.teamIds],
      );
      if (!v) throw notFound('Besøget');
      if (v.version !== dto.version) throw versionConflict(await this.byId(em, visitId));
      if (!VISIT_TRANSITIONS[v.status as VisitStatus].includes(dto.status))
        throw new DomainError('INVALID_STATE', `Besøget kan ikke gå fra "${v.status}" til "${dto.status}".`, {
          fields: { status: ['Ikke tilladt'] },
        });
      const c = await this.requireOpenCase(em, ctx, v.sag_id);
      const participants = dto.participants
        ? await this.checkParticipants(em, c, dto.participants)
        : (v.participants as VisitParticipant[]);
      const occurredAt = dto.status === 'aflyst' ? null : (dto.occurredAt ?? new Date().toISOString());
      await em.query(
        `UPDATE visit SET status = $2, occurred_at = $3, summary = coalesce($4, summary), participants = $5,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [visitId, dto.status, occurredAt, dto.summary ?? null, JSON.stringify(participants)],
      );
      await this.addFollowUps(em, v.sag_id, visitId, ctx.userId, dto.followUps ?? []);
      await this.timeline.append(em, {
        caseId: v.sag_id,
        type: TimelineEventType.Visit,
        occurredAt: occurredAt ?? undefined,
        authorId: ctx.userId,
        text: dto.summary ?? null,
        data: {
          visitId,
          status: dto.status,
          from: v.status,
          locationType: v.location_type,
          announced: v.announced,
          participants: participants.map((p) => p.kind),
          followUps: (dto.followUps ?? []).length,
        },
      });
      await this.timeline.touchCase(em, v.sag_id);
      await this.logWrite(ctx, em, v.sag_id);
      return this.byId(em, visitId);
    });
  }

  async tasks(ctx: RequestContext, q: ListTasksQueryDto): Promise<Task[]> {
    return this.dataSource.transaction(async (em) => {
      if (q.caseId) await this.access.requireCase(em, ctx, q.caseId);
      const params: unknown[] = [ctx.teamIds];
      const where = ['s.team_id = ANY($1::uuid[])'];
      if (q.caseId) where.push(`t.sag_id = $${params.push(q.caseId)}`);
      if (q.mine) where.push(`t.assignee_id = $${params.push(ctx.userId)}`);
      where.push(`t.status = $${params.push(q.status ?? 'aaben')}`);
      const rows = await em.query(
        `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.due_date, t.created_at LIMIT 500`,
        params,
      );
      // Task titles carry names ("Ring til …"): the list is a read of personal data.
      await this.accessLog.record(
        ctx,
        q.caseId
          ? {
              action: AccessAction.Read,
              subjectType: AccessSubjectType.Case,
              subjectId: q.caseId,
              purpose: TASK_PURPOSE,
            }
          : {
              action: AccessAction.Search,
              subjectType: AccessSubjectType.Case,
              purpose: TASK_PURPOSE,
              searchCriterion: 'opgaver',
            },
        em,
      );
      return rows.map(toTask);
    });
  }

  async updateTask(ctx: RequestContext, taskId: string, dto: UpdateTaskDto): Promise<Task> {
    return this.dataSource.transaction(async (em) => {
      const [t] = await em.query(`${TASK_SELECT} WHERE t.id = $1 AND s.team_id = ANY($2::uuid[]) FOR UPDATE OF t`, [
        taskId,
        ctx.teamIds,
      ]);
      if (!t) throw notFound('Opgaven');
      if (t.version !== dto.version) throw versionConflict(toTask(t));
      await em.query(
        `UPDATE task SET status = $2, done_at = CASE WHEN $2 = 'udfoert' THEN now() END, version = version + 1 WHERE id = $1`,
        [taskId, dto.status],
      );
      if (dto.status !== t.status) {
        await this.timeline.append(em, {
          caseId: t.sag_id,
          type: TimelineEventType.Task,
          authorId: ctx.userId,
          text: t.title,
          data: { taskId, status: dto.status, source: t.source },
        });
      }
      const [fresh] = await em.query(`${TASK_SELECT} WHERE t.id = $1`, [taskId]);
      return toTask(fresh);
    });
  }

  // ---- internals ----

  private async requireOpenCase(em: EntityManager, ctx: RequestContext, caseId: string): Promise<CaseRow> {
    const c = await this.access.requireCase(em, ctx, caseId, true);
    if (c.status === 'afsluttet')
      throw new DomainError('INVALID_STATE', 'Sagen er afsluttet. Genåbn den for at arbejde videre.');
    return c;
  }

  /**
   * Household members must belong to the case's household (or be its person); colleagues must be
   * workers of the team; partner staff only with a consent for "tredjepart ved besøg".
   */
  private async checkParticipants(
    em: EntityManager,
    c: CaseRow,
    list: VisitParticipantDto[],
  ): Promise<VisitParticipant[]> {
    const out: VisitParticipant[] = [];
    for (const p of list) {
      if (p.kind === 'husstand') {
        if (!p.personId) throw fieldError('participants', 'Vælg hvem fra husstanden der deltog');
        const ok =
          p.personId === c.person_id ||
          (c.household_id &&
            (
              await em.query(`SELECT 1 FROM household_member WHERE household_id = $1 AND person_id = $2`, [
                c.household_id,
                p.personId,
              ])
            ).length);
        if (!ok) throw fieldError('participants', 'Personen hører ikke til sagens husstand');
        out.push({ kind: 'husstand', personId: p.personId });
      } else if (p.kind === 'kollega') {
        if (!p.userId) throw fieldError('participants', 'Vælg kollegaen');
        const ok = await em.query(
          `SELECT 1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id
            WHERE ut.team_id = $1 AND ut.user_id = $2 AND u.is_active AND u.role = ANY($3::text[])`,
          [c.team_id, p.userId, CASE_WORKER_ROLES],
        );
        if (!ok.length) throw fieldError('participants', 'Kollegaen er ikke med i sagens team');
        out.push({ kind: 'kollega', userId: p.userId });
      } else if (p.kind === 'partner') {
        if (!p.partnerOrganisationId) throw fieldError('participants', 'Vælg partnerens organisation');
        const cover = await this.consent.covers(em, {
          personId: c.person_id,
          recipientId: p.partnerOrganisationId,
          purpose: 'tredjepart_ved_besoeg',
          categories: ['bolig'],
        });
        if (!cover.covered)
          throw fieldError(
            'participants',
            'Partnerens medarbejder kan kun deltage med et gyldigt samtykke til "tredjepart ved besøg"',
          );
        out.push({ kind: 'partner', partnerOrganisationId: p.partnerOrganisationId, name: p.name ?? null });
      } else {
        out.push({ kind: 'tolk', name: p.name ?? null });
      }
    }
    return out;
  }

  private async addFollowUps(
    em: EntityManager,
    caseId: string,
    visitId: string,
    userId: string,
    followUps: FollowUpDto[],
  ): Promise<void> {
    for (const f of followUps) {
      await em.query(
        `INSERT INTO task (sag_id, title, due_date, assignee_id, source, source_id) VALUES ($1, $2, $3, $4, 'besoeg', $5)`,
        [caseId, f.title, f.dueDate, userId, visitId],
      );
    }
  }

  private async byId(em: EntityManager, id: string): Promise<Visit> {
    const rows = await em.query(`${VISIT_SELECT} WHERE v.id = $1`, [id]);
    return (await this.views(em, rows))[0];
  }

  private async views(em: EntityManager, rows: Row[]): Promise<Visit[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r['id']);
    const tasks = new Map<string, Task[]>();
    for (const t of await em.query(`${TASK_SELECT} WHERE t.source = 'besoeg' AND t.source_id = ANY($1::uuid[])`, [
      ids,
    ])) {
      tasks.set(t.source_id, [...(tasks.get(t.source_id) ?? []), toTask(t)]);
    }
    const persons = new Map<string, string>();
    const users = new Map<string, string>();
    const partners = new Map<string, string>();
    const all = rows.flatMap((r) => r['participants'] as VisitParticipant[]);
    const load = async (
      sql: string,
      idsOf: (p: VisitParticipant) => string | null | undefined,
      into: Map<string, string>,
    ) => {
      const wanted = [...new Set(all.map(idsOf).filter((x): x is string => !!x))];
      if (!wanted.length) return;
      for (const r of await em.query(sql, [wanted])) into.set(r.id, r.name);
    };
    await load(`SELECT id, name FROM person WHERE id = ANY($1::uuid[])`, (p) => p.personId, persons);
    await load(`SELECT id, display_name AS name FROM app_user WHERE id = ANY($1::uuid[])`, (p) => p.userId, users);
    await load(
      `SELECT id, name FROM partner_organisation WHERE id = ANY($1::uuid[])`,
      (p) => p.partnerOrganisationId,
      partners,
    );
    return rows.map((r) => ({
      id: r['id'],
      caseId: r['sag_id'],
      caseNumber: r['case_number'],
      personName: r['person_name'],
      address: r['address'],
      status: r['status'],
      plannedAt: r['planned_at'] ? (r['planned_at'] as Date).toISOString() : null,
      occurredAt: r['occurred_at'] ? (r['occurred_at'] as Date).toISOString() : null,
      locationType: r['location_type'],
      announced: r['announced'],
      participants: (r['participants'] as VisitParticipant[]).map((p) => ({
        ...p,
        displayName:
          p.kind === 'husstand'
            ? (persons.get(p.personId ?? '') ?? '')
            : p.kind === 'kollega'
              ? (users.get(p.userId ?? '') ?? '')
              : p.kind === 'partner'
                ? [p.name, partners.get(p.partnerOrganisationId ?? '')].filter(Boolean).join(', ')
                : (p.name ?? 'Tolk'),
      })),
      purpose: r['purpose'],
      summary: r['summary'],
      followUps: tasks.get(r['id']) ?? [],
      author: r['author_id'] ? { id: r['author_id'], displayName: r['author_name'] } : null,
      clientId: r['client_id'],
      version: r['version'],
    }));
  }

  private async logWrite(ctx: RequestContext, em: EntityManager, caseId: string) {
    await this.accessLog.record(
      ctx,
      { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
      em,
    );
  }
}

export function toTask(t: Row): Task {
  return {
    id: t['id'],
    caseId: t['sag_id'],
    caseNumber: t['case_number'],
    title: t['title'],
    dueDate: t['due'],
    assignee: t['assignee_id'] ? { id: t['assignee_id'], displayName: t['assignee_name'] } : null,
    status: t['status'],
    source: t['source'],
    sourceId: t['source_id'],
    version: t['version'],
  };
}
