import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  AssignableUser,
  CASE_TRANSITIONS,
  CaseDetail,
  CaseSummary,
  CaseType,
  HandleplanAction,
  IssueTag,
  Page,
  SENSITIVE_TAGS,
  TimelineEvent,
  CASE_WORKER_ROLES,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess, CaseRow } from '../case-core/case-access';
import { ConsentCoverageService } from '../consent/consent-coverage.service';
import { TimelineWriter } from '../case-core/timeline.writer';
import { CASEWORK_PURPOSE, PeopleService } from '../people/people.service';
import { PERSON_COLUMNS, PersonRow, toPerson } from '../people/people.mapper';
import {
  ChangeCaseStatusDto,
  CreateActionDto,
  CreateCaseDto,
  CreateCaseTypeDto,
  CreateContactAttemptDto,
  CreateGoalDto,
  CreateNoteDto,
  ListCasesQueryDto,
  ListTimelineQueryDto,
  ReopenCaseDto,
  UpdateActionDto,
  UpdateCaseDto,
} from './cases.dto';

const REOPEN_WITHIN_MONTHS = 12;
const SORT_COLUMNS = {
  updatedAt: 's.updated_at',
  openedAt: 's.opened_at',
  caseNumber: 's.case_number',
  status: 's.status',
} as const;

export interface NewCase {
  type: string;
  personId: string;
  teamId: string;
  tenancyId: string | null;
  responsibleId: string;
  originSignalId?: string | null;
  reopenedFromId?: string | null;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly consent: ConsentCoverageService,
    private readonly people: PeopleService,
    private readonly accessLog: AccessLogService,
  ) {}

  // ---- case types -------------------------------------------------------------------------------

  async listCaseTypes(): Promise<CaseType[]> {
    const rows = await this.dataSource.query(`SELECT * FROM case_type ORDER BY is_builtin DESC, label_da`);
    return rows.map(
      (r: { code: string; label_da: string; label_en: string; is_builtin: boolean; is_active: boolean }) => ({
        code: r.code,
        labelDa: r.label_da,
        labelEn: r.label_en,
        isBuiltin: r.is_builtin,
        isActive: r.is_active,
      }),
    );
  }

  async createCaseType(dto: CreateCaseTypeDto): Promise<CaseType> {
    const taken = await this.dataSource.query(`SELECT 1 FROM case_type WHERE code = $1`, [dto.code]);
    if (taken.length)
      throw new DomainError('ALREADY_EXISTS', 'Sagstypen findes allerede.', { fields: { code: ['Koden er i brug'] } });
    await this.dataSource.query(`INSERT INTO case_type (code, label_da, label_en) VALUES ($1, $2, $3)`, [
      dto.code,
      dto.labelDa,
      dto.labelEn,
    ]);
    return { code: dto.code, labelDa: dto.labelDa, labelEn: dto.labelEn, isBuiltin: false, isActive: true };
  }

  async assignableUsers(ctx: RequestContext, teamId: string): Promise<AssignableUser[]> {
    this.access.requireTeam(ctx, teamId);
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.role FROM app_user u JOIN user_team ut ON ut.user_id = u.id
        WHERE ut.team_id = $1 AND u.is_active
          AND u.role = ANY($2::text[])
        ORDER BY u.display_name`,
      [teamId, CASE_WORKER_ROLES],
    );
  }

  // ---- cases ------------------------------------------------------------------------------------

  async list(ctx: RequestContext, q: ListCasesQueryDto): Promise<Page<CaseSummary>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const params: unknown[] = [ctx.teamIds];
    const where = ['s.team_id = ANY($1::uuid[])'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.mine) {
      params.push(ctx.userId);
      const me = `$${params.length}`;
      where.push(
        `(s.responsible_id = ${me} OR EXISTS (SELECT 1 FROM sag_coworker c WHERE c.sag_id = s.id AND c.user_id = ${me}))`,
      );
    }
    if (q.teamId) add('s.team_id = ?', q.teamId);
    if (q.personId) add('s.person_id = ?', q.personId);
    if (q.type) add('s.type = ?', q.type);
    if (q.status) add('s.status = ?', q.status);
    if (q.open) where.push(`s.status <> 'afsluttet'`);
    const order = `${SORT_COLUMNS[q.sort ?? 'updatedAt']} ${q.direction === 'asc' ? 'ASC' : 'DESC'}, s.id`;
    return this.dataSource.transaction(async (em) => {
      const [{ total }] = await em.query(
        `SELECT count(*)::int AS total FROM sag s WHERE ${where.join(' AND ')}`,
        params,
      );
      const rows = await em.query(
        `${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      );
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Search,
          subjectType: q.personId ? AccessSubjectType.Person : AccessSubjectType.Case,
          subjectId: q.personId ?? null,
          purpose: CASEWORK_PURPOSE,
          searchCriterion: describeQuery(q),
        },
        em,
      );
      return { items: rows.map(toSummary), total, page, pageSize };
    });
  }

  async create(ctx: RequestContext, dto: CreateCaseDto): Promise<CaseDetail> {
    const id = await this.dataSource.transaction(async (em) => {
      this.access.requireTeam(ctx, dto.teamId);
      await this.access.requirePerson(em, ctx, dto.personId);
      if (dto.tenancyId) await this.access.requireTenancy(em, ctx, dto.tenancyId, 'tenancyId');
      return this.createInTransaction(em, ctx, {
        type: dto.type,
        personId: dto.personId,
        teamId: dto.teamId,
        tenancyId: dto.tenancyId ?? null,
        responsibleId: dto.responsibleId ?? ctx.userId,
      });
    });
    return this.get(ctx, id, false);
  }

  /** Creates a case inside the caller's transaction (also used by signal conversion and reopening). */
  async createInTransaction(em: EntityManager, ctx: RequestContext, c: NewCase): Promise<string> {
    const [type] = await em.query(`SELECT is_active FROM case_type WHERE code = $1`, [c.type]);
    if (!type?.is_active) throw fieldError('type', 'Vælg en gyldig sagstype');
    await this.assertTeamWorker(em, c.teamId, c.responsibleId, 'responsibleId');
    let householdId: string | null = null;
    if (c.tenancyId) {
      householdId = await this.people.joinHousehold(em, c.tenancyId, c.personId, 'lejer', true);
    } else {
      const [h] = await em.query(`SELECT household_id FROM household_member WHERE person_id = $1 LIMIT 1`, [
        c.personId,
      ]);
      householdId = h?.household_id ?? null;
    }
    const [{ n }] = await em.query(`SELECT nextval('sag_number_seq') AS n`);
    const caseNumber = `S-${new Date().getFullYear()}-${String(n).padStart(5, '0')}`;
    const [row] = await em.query(
      `INSERT INTO sag (case_number, type, person_id, household_id, lejemaal_id, team_id, responsible_id, origin_signal_id, reopened_from_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        caseNumber,
        c.type,
        c.personId,
        householdId,
        c.tenancyId,
        c.teamId,
        c.responsibleId,
        c.originSignalId ?? null,
        c.reopenedFromId ?? null,
      ],
    );
    await this.timeline.append(em, {
      caseId: row.id,
      type: 'case_opened',
      authorId: ctx.userId,
      data: {
        caseNumber,
        type: c.type,
        originSignalId: c.originSignalId ?? null,
        reopenedFromId: c.reopenedFromId ?? null,
      },
    });
    await this.accessLog.record(
      ctx,
      {
        action: AccessAction.Create,
        subjectType: AccessSubjectType.Case,
        subjectId: row.id,
        purpose: CASEWORK_PURPOSE,
      },
      em,
    );
    return row.id;
  }

  async get(ctx: RequestContext, id: string, log = true): Promise<CaseDetail> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, id);
      const detail = await this.detail(em, ctx, c);
      if (log)
        await this.accessLog.record(
          ctx,
          { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
          em,
        );
      return detail;
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateCaseDto): Promise<CaseDetail> {
    await this.dataSource.transaction(async (em) => {
      const c = assertOpen(await this.access.requireCase(em, ctx, id, true));
      if (c.version !== dto.version) throw versionConflict(await this.detail(em, ctx, c));
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.responsibleId) {
        await this.assertTeamWorker(em, c.team_id, dto.responsibleId, 'responsibleId');
        set('responsible_id', dto.responsibleId);
      }
      if (dto.tags) {
        const sensitive = dto.tags.filter((t) => SENSITIVE_TAGS.includes(t));
        const hidden = c.tags.filter((t) => SENSITIVE_TAGS.includes(t as IssueTag));
        if (!c.is_member && sensitive.length)
          throw fieldError('tags', 'Kun sagens medarbejdere kan sætte følsomme tags');
        // Non-members never saw the sensitive tags, so their edit must keep them.
        set('tags', [...new Set([...dto.tags, ...(c.is_member ? [] : hidden)])]);
      }
      if (dto.reviewDate !== undefined) set('review_date', dto.reviewDate);
      if (sets.length)
        await em.query(
          `UPDATE sag SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
          params,
        );
      else await em.query(`UPDATE sag SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      if (dto.coWorkerIds) {
        for (const userId of dto.coWorkerIds) await this.assertTeamWorker(em, c.team_id, userId, 'coWorkerIds');
        await em.query(`DELETE FROM sag_coworker WHERE sag_id = $1`, [id]);
        await em.query(
          `INSERT INTO sag_coworker (sag_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, dto.coWorkerIds],
        );
      }
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  async changeStatus(ctx: RequestContext, id: string, dto: ChangeCaseStatusDto): Promise<CaseDetail> {
    await this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, id, true);
      if (c.version !== dto.version) throw versionConflict(await this.detail(em, ctx, c));
      if (!CASE_TRANSITIONS[c.status].includes(dto.status)) {
        throw new DomainError('INVALID_STATE', `Sagen kan ikke gå fra "${c.status}" til "${dto.status}".`, {
          fields: { status: [`Ikke tilladt fra ${c.status}`] },
        });
      }
      const closing = dto.status === 'afsluttet';
      if (closing && !dto.closureReason) throw fieldError('closureReason', 'Vælg en afslutningsårsag');
      if (!closing && dto.closureReason) throw fieldError('closureReason', 'Kun når sagen afsluttes');
      await em.query(
        `UPDATE sag SET status = $2, closure_reason = $3, closed_at = CASE WHEN $4 THEN now() ELSE NULL END,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.status, closing ? dto.closureReason : null, closing],
      );
      await this.timeline.append(em, {
        caseId: id,
        type: 'status_change',
        authorId: ctx.userId,
        text: dto.note ?? null,
        data: { from: c.status, to: dto.status, closureReason: closing ? dto.closureReason : null },
      });
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  /** A closed case is reopened as a new case that links to it, so repeat episodes stay visible. */
  async reopen(ctx: RequestContext, id: string, dto: ReopenCaseDto): Promise<CaseDetail> {
    const newId = await this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, id, true);
      if (c.status !== 'afsluttet') throw new DomainError('INVALID_STATE', 'Kun en afsluttet sag kan genåbnes.');
      const [{ too_old }] = await em.query(`SELECT $1::timestamptz < now() - make_interval(months => $2) AS too_old`, [
        c.closed_at,
        REOPEN_WITHIN_MONTHS,
      ]);
      if (too_old)
        throw new DomainError(
          'INVALID_STATE',
          `Sagen blev lukket for mere end ${REOPEN_WITHIN_MONTHS} måneder siden. Opret en ny sag.`,
        );
      const already = await em.query(`SELECT 1 FROM sag WHERE reopened_from_id = $1`, [id]);
      if (already.length) throw new DomainError('INVALID_STATE', 'Sagen er allerede genåbnet.');
      const created = await this.createInTransaction(em, ctx, {
        type: c.type,
        personId: c.person_id,
        teamId: c.team_id,
        tenancyId: c.lejemaal_id,
        responsibleId: ctx.userId,
        reopenedFromId: id,
      });
      if (dto.note)
        await this.timeline.append(em, { caseId: created, type: 'note', authorId: ctx.userId, text: dto.note });
      await this.timeline.append(em, {
        caseId: id,
        type: 'status_change',
        authorId: ctx.userId,
        data: { reopenedAs: created },
      });
      return created;
    });
    return this.get(ctx, newId, false);
  }

  // ---- timeline ---------------------------------------------------------------------------------

  async listTimeline(ctx: RequestContext, id: string, q: ListTimelineQueryDto): Promise<Page<TimelineEvent>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, id);
      const params: unknown[] = [id, c.origin_signal_id, c.is_member];
      let typeFilter = '';
      if (q.types?.length) {
        params.push(q.types);
        typeFilter = `AND e.type = ANY($4::text[])`;
      }
      const from = `FROM timeline_event e
        WHERE (e.sag_id = $1 OR ($2::uuid IS NOT NULL AND e.signal_id = $2::uuid))
          AND (e.visibility = 'team' OR $3::boolean) ${typeFilter}`;
      const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, params);
      const rows = await em.query(
        `SELECT e.*, u.display_name AS author_name,
                (SELECT coalesce(array_agg(x.id), '{}') FROM timeline_event x
                  WHERE x.corrects_event_id = e.id AND (x.visibility = 'team' OR $3::boolean)) AS corrected_by
           ${from.replace('FROM timeline_event e', 'FROM timeline_event e LEFT JOIN app_user u ON u.id = e.author_id')}
          ORDER BY e.occurred_at DESC, e.recorded_at DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      );
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Read,
          subjectType: AccessSubjectType.Case,
          subjectId: id,
          purpose: `${CASEWORK_PURPOSE}: tidslinje`,
        },
        em,
      );
      return { items: rows.map(toEvent), total, page, pageSize };
    });
  }

  async addNote(ctx: RequestContext, id: string, dto: CreateNoteDto): Promise<TimelineEvent> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, id, true);
      if (dto.correctsEventId) {
        const target = await em.query(
          `SELECT 1 FROM timeline_event WHERE id = $1 AND (sag_id = $2 OR ($3::uuid IS NOT NULL AND signal_id = $3::uuid))
             AND (visibility = 'team' OR $4::boolean)`,
          [dto.correctsEventId, id, c.origin_signal_id, c.is_member],
        );
        if (!target.length) throw fieldError('correctsEventId', 'Hændelsen findes ikke på denne sag');
      }
      const visibility = dto.visibility ?? 'team';
      if (visibility === 'case_members' && !c.is_member)
        throw fieldError('visibility', 'Kun sagens medarbejdere kan skrive begrænsede noter');
      const eventId = await this.timeline.append(em, {
        caseId: id,
        type: dto.correctsEventId ? 'correction' : 'note',
        occurredAt: dto.occurredAt,
        authorId: ctx.userId,
        visibility,
        text: dto.text,
        correctsEventId: dto.correctsEventId ?? null,
      });
      await this.timeline.touchCase(em, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
      return this.eventById(em, eventId);
    });
  }

  async addContactAttempt(ctx: RequestContext, id: string, dto: CreateContactAttemptDto): Promise<TimelineEvent> {
    return this.dataSource.transaction(async (em) => {
      assertOpen(await this.access.requireCase(em, ctx, id, true));
      const occurredAt = dto.occurredAt ?? new Date().toISOString();
      await em.query(
        `INSERT INTO contact_attempt (sag_id, channel, outcome, occurred_at, author_id) VALUES ($1, $2, $3, $4, $5)`,
        [id, dto.channel, dto.outcome, occurredAt, ctx.userId],
      );
      const eventId = await this.timeline.append(em, {
        caseId: id,
        type: 'contact_attempt',
        occurredAt,
        authorId: ctx.userId,
        data: { channel: dto.channel, outcome: dto.outcome },
      });
      await this.timeline.touchCase(em, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
      return this.eventById(em, eventId);
    });
  }

  // ---- handleplan -------------------------------------------------------------------------------

  async addGoal(ctx: RequestContext, id: string, dto: CreateGoalDto): Promise<CaseDetail> {
    await this.dataSource.transaction(async (em) => {
      assertOpen(await this.access.requireCase(em, ctx, id, true));
      const [goal] = await em.query(
        `INSERT INTO handleplan_goal (sag_id, text, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [id, dto.text, ctx.userId],
      );
      await this.timeline.append(em, {
        caseId: id,
        type: 'goal_added',
        authorId: ctx.userId,
        text: dto.text,
        data: { goalId: goal.id },
      });
      await this.timeline.touchCase(em, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  async addAction(ctx: RequestContext, id: string, dto: CreateActionDto): Promise<CaseDetail> {
    await this.dataSource.transaction(async (em) => {
      assertOpen(await this.access.requireCase(em, ctx, id, true));
      if (dto.goalId) {
        const goal = await em.query(`SELECT 1 FROM handleplan_goal WHERE id = $1 AND sag_id = $2`, [dto.goalId, id]);
        if (!goal.length) throw fieldError('goalId', 'Målet findes ikke på sagen');
      }
      const [action] = await em.query(
        `INSERT INTO handleplan_action (sag_id, goal_id, description, owner, owner_name, due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, dto.goalId ?? null, dto.description, dto.owner, dto.ownerName ?? null, dto.dueDate ?? null, ctx.userId],
      );
      await this.timeline.append(em, {
        caseId: id,
        type: 'action_added',
        authorId: ctx.userId,
        text: dto.description,
        data: { actionId: action.id, owner: dto.owner, dueDate: dto.dueDate ?? null },
      });
      await this.timeline.touchCase(em, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  async updateAction(ctx: RequestContext, id: string, actionId: string, dto: UpdateActionDto): Promise<CaseDetail> {
    await this.dataSource.transaction(async (em) => {
      assertOpen(await this.access.requireCase(em, ctx, id, true));
      const [current] = await em.query(`SELECT * FROM handleplan_action WHERE id = $1 AND sag_id = $2`, [actionId, id]);
      if (!current) throw notFound('Handlingen');
      const result = await em.query(
        `UPDATE handleplan_action SET status = coalesce($3, status),
                due_date = CASE WHEN $4 THEN $5::date ELSE due_date END, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        [actionId, dto.version, dto.status ?? null, dto.dueDate !== undefined, dto.dueDate ?? null],
      );
      if (!(result[0] as unknown[]).length) {
        const [fresh] = await em.query(`${ACTION_SELECT} WHERE a.id = $1`, [actionId]);
        throw versionConflict(toAction(fresh));
      }
      await this.timeline.append(em, {
        caseId: id,
        type: 'action_updated',
        authorId: ctx.userId,
        text: current.description,
        data: { actionId, from: current.status, to: dto.status ?? current.status, dueDate: dto.dueDate ?? null },
      });
      await this.timeline.touchCase(em, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: id, purpose: CASEWORK_PURPOSE },
        em,
      );
    });
    return this.get(ctx, id, false);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private async assertTeamWorker(em: EntityManager, teamId: string, userId: string, field: string): Promise<void> {
    const rows = await em.query(
      `SELECT 1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id
        WHERE ut.team_id = $1 AND ut.user_id = $2 AND u.is_active
          AND u.role = ANY($3::text[])`,
      [teamId, userId, CASE_WORKER_ROLES],
    );
    if (!rows.length) throw fieldError(field, 'Medarbejderen er ikke med i sagens team');
  }

  private async eventById(em: EntityManager, id: string): Promise<TimelineEvent> {
    const [row] = await em.query(
      `SELECT e.*, u.display_name AS author_name, '{}'::uuid[] AS corrected_by FROM timeline_event e
         LEFT JOIN app_user u ON u.id = e.author_id WHERE e.id = $1`,
      [id],
    );
    return toEvent(row);
  }

  async detail(em: EntityManager, ctx: RequestContext, c: CaseRow): Promise<CaseDetail> {
    const [summary] = await em.query(`${SUMMARY_SELECT} WHERE s.id = $1`, [c.id]);
    const [person]: PersonRow[] = await em.query(`SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = $1`, [
      c.person_id,
    ]);
    const tenancy = c.lejemaal_id ? await this.people.tenancyById(em, c.lejemaal_id) : null;
    const household = c.household_id ? await this.people.householdDetail(em, ctx, c.household_id, tenancy) : null;
    const coWorkers = await em.query(
      `SELECT u.id, u.display_name AS "displayName" FROM sag_coworker c JOIN app_user u ON u.id = c.user_id WHERE c.sag_id = $1 ORDER BY u.display_name`,
      [c.id],
    );
    const goals = await em.query(
      `SELECT id, text, created_at FROM handleplan_goal WHERE sag_id = $1 ORDER BY created_at`,
      [c.id],
    );
    const actions = await em.query(
      `${ACTION_SELECT} WHERE a.sag_id = $1 ORDER BY a.due_date NULLS LAST, a.created_at`,
      [c.id],
    );
    const [reopenedFrom] = c.reopened_from_id
      ? await em.query(`SELECT id, case_number FROM sag WHERE id = $1`, [c.reopened_from_id])
      : [];
    const tags = c.tags as IssueTag[];
    const visibleTags = c.is_member ? tags : tags.filter((t) => !SENSITIVE_TAGS.includes(t));
    return {
      ...toSummary(summary),
      person: toPerson(person),
      tenancy,
      household,
      coWorkers,
      tags: visibleTags,
      hiddenSensitiveTags: visibleTags.length !== tags.length,
      closureReason: c.closure_reason as CaseDetail['closureReason'],
      reopenedFrom: reopenedFrom ? { id: reopenedFrom.id, caseNumber: reopenedFrom.case_number } : null,
      originSignalId: c.origin_signal_id,
      reviewDate: c.review_date,
      goals: goals.map((g: { id: string; text: string; created_at: Date }) => ({
        id: g.id,
        text: g.text,
        createdAt: g.created_at.toISOString(),
      })),
      actions: actions.map(toAction),
      consent: await this.consent.bannerFor(em, c.person_id),
      isMember: c.is_member,
    };
  }
}

/** A closed case takes notes (and corrections) but no new work: reopen it for that. */
function assertOpen(c: CaseRow): CaseRow {
  if (c.status === 'afsluttet')
    throw new DomainError('INVALID_STATE', 'Sagen er afsluttet. Genåbn den for at arbejde videre.');
  return c;
}

const SUMMARY_SELECT = `SELECT s.id, s.case_number, s.type, s.status, s.opened_at, s.closed_at, s.updated_at, s.version,
    p.id AS person_id, p.name AS person_name, l.id AS lejemaal_id, l.address AS lejemaal_address,
    t.id AS team_id, t.name AS team_name, u.id AS responsible_id, u.display_name AS responsible_name
  FROM sag s JOIN person p ON p.id = s.person_id JOIN team t ON t.id = s.team_id JOIN app_user u ON u.id = s.responsible_id
  LEFT JOIN lejemaal l ON l.id = s.lejemaal_id`;

const ACTION_SELECT = `SELECT a.id, a.goal_id, a.description, a.owner, a.owner_name, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
    a.status, a.version FROM handleplan_action a`;

interface SummaryRow {
  id: string;
  case_number: string;
  type: string;
  status: CaseSummary['status'];
  opened_at: Date;
  closed_at: Date | null;
  updated_at: Date;
  version: number;
  person_id: string;
  person_name: string;
  lejemaal_id: string | null;
  lejemaal_address: string | null;
  team_id: string;
  team_name: string;
  responsible_id: string;
  responsible_name: string;
}

function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    caseNumber: r.case_number,
    type: r.type,
    status: r.status,
    person: { id: r.person_id, name: r.person_name },
    tenancy: r.lejemaal_id ? { id: r.lejemaal_id, address: r.lejemaal_address ?? '' } : null,
    team: { id: r.team_id, name: r.team_name },
    responsible: { id: r.responsible_id, displayName: r.responsible_name },
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function toAction(r: {
  id: string;
  goal_id: string | null;
  description: string;
  owner: HandleplanAction['owner'];
  owner_name: string | null;
  due_date: string | null;
  status: HandleplanAction['status'];
  version: number;
}): HandleplanAction {
  return {
    id: r.id,
    goalId: r.goal_id,
    description: r.description,
    owner: r.owner,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status: r.status,
    version: r.version,
  };
}

function toEvent(r: {
  id: string;
  type: TimelineEvent['type'];
  occurred_at: Date;
  recorded_at: Date;
  author_id: string | null;
  author_name: string | null;
  visibility: TimelineEvent['visibility'];
  text: string | null;
  data: Record<string, unknown>;
  corrects_event_id: string | null;
  corrected_by: string[];
}): TimelineEvent {
  return {
    id: r.id,
    type: r.type,
    occurredAt: r.occurred_at.toISOString(),
    recordedAt: r.recorded_at.toISOString(),
    author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null,
    visibility: r.visibility,
    text: r.text,
    data: r.data ?? {},
    correctsEventId: r.corrects_event_id,
    correctedByEventIds: r.corrected_by ?? [],
  };
}

function describeQuery(q: ListCasesQueryDto): string | null {
  const parts = Object.entries(q)
    .filter(([k, v]) => v !== undefined && !['page', 'pageSize', 'sort', 'direction'].includes(k))
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.join('&') : null;
}
