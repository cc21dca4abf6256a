import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  CaseDetail,
  DEFAULT_TRIAGE_WEIGHTS,
  Page,
  TriageRule,
  TriageWeights,
  WorklistRow,
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
import {
  AssignRowsDto,
  ConvertRowDto,
  ListWorklistQueryDto,
  TriageWeightsDto,
  UpdateRowOutreachDto,
} from './restance.dto';
import { triage } from './triage';

const PURPOSE = 'Restancearbejde';
const EXPORT_LIMIT = 50_000;
/** Sortable columns: the same names on restance_row and in the row's JSON. */
const SORTS = {
  priority: 'priority',
  amount: 'amount',
  months: 'months',
  lejemaalsnummer: 'lejemaalsnummer',
} as const;

/** Rows of the newest committed list of each boligorganisation, limited to the caller's teams' afdelinger. */
const scope = (teams: string) => `r.accepted AND r.import_id IN (
    SELECT DISTINCT ON (i.boligorganisation_id) i.id FROM restance_import i
     WHERE i.status = 'committed' ORDER BY i.boligorganisation_id, i.list_date DESC, i.committed_at DESC)
  AND r.afdeling_id IN (SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY(${teams}))`;
const SCOPE = scope('$1::uuid[]');

/** Whether a newer committed list no longer has arrears for the row's tenancy ("bank ikke på"). */
const superseded = (
  r: string,
) => `EXISTS (SELECT 1 FROM restance_import ni WHERE ni.boligorganisation_id = ${r}.boligorganisation_id
      AND ni.status = 'committed' AND ni.list_date > ${r}.list_date
      AND NOT EXISTS (SELECT 1 FROM restance_row nr WHERE nr.import_id = ni.id AND nr.row_key = ${r}.row_key AND nr.accepted AND nr.change <> 'afviklet'))`;

/** The columns a worklist row shows (not the raw line or its errors). */
const ROW_COLUMNS = [
  'id',
  'import_id',
  'boligorganisation_id',
  'list_date',
  'row_key',
  'afdelingsnummer',
  'lejemaalsnummer',
  'lejemaal_id',
  'tenant_names',
  'address',
  'amount',
  'previous_amount',
  'months',
  'oldest_due_date',
  'paakrav_date',
  'ophaevelse_date',
  'has_agreement',
  'change',
  'repeat_count',
  'priority',
  'reasons',
  'outreach_status',
  'attempts',
  'assignee_id',
  'case_id',
  'version',
]
  .map((c) => `r.${c}`)
  .join(', ');

const WORKLIST_SCOPE = `SELECT array(SELECT DISTINCT ON (i.boligorganisation_id) i.id FROM restance_import i WHERE i.status = 'committed'
                 ORDER BY i.boligorganisation_id, i.list_date DESC, i.committed_at DESC) AS imports,
          array(SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY($1::uuid[])) AS afdelinger`;

/**
 * A worklist row exactly as the API answers it (WorklistRow), as a select list whose row PostgreSQL turns
 * into JSON (row_to_json / json_agg): the page travels as one JSON text instead of 50 parsed rows that
 * Node would map and serialise again. `r` is the row (with ROW_COLUMNS), `u` its assignee (app_user).
 */
const rowFields = (
  r: string,
  u: string,
) => `${r}.id AS "id", ${r}.import_id AS "importId", ${r}.list_date AS "listDate",
    ${r}.afdelingsnummer AS "afdelingsnummer", ${r}.lejemaalsnummer AS "lejemaalsnummer", ${r}.lejemaal_id AS "tenancyId",
    ${r}.tenant_names AS "tenantNames", ${r}.address AS "address", ${r}.amount AS "amount",
    ${r}.previous_amount AS "previousAmount", ${r}.months AS "months", ${r}.oldest_due_date AS "oldestDueDate",
    ${r}.paakrav_date AS "paakravDate", ${r}.ophaevelse_date AS "ophaevelseDate", ${r}.has_agreement AS "hasAgreement",
    ${r}.change AS "change", ${r}.repeat_count AS "repeatCount", ${r}.priority AS "priority", ${r}.reasons AS "reasons",
    ${r}.outreach_status AS "outreachStatus", ${r}.attempts AS "attempts",
    CASE WHEN ${r}.assignee_id IS NULL THEN NULL
         ELSE json_build_object('id', ${r}.assignee_id, 'displayName', ${u}.display_name) END AS "assignee",
    ${r}.case_id AS "caseId", ${superseded(r)} AS "supersededByNewerList", ${r}.version AS "version"`;

/** One row, as JSON, by a condition on `r` (restance_row); `lock` adds FOR UPDATE OF r. */
const rowJsonWhere = (where: string, lock: boolean) => `SELECT row_to_json(x) AS row FROM (
    SELECT ${rowFields('r', 'u')} FROM restance_row r LEFT JOIN app_user u ON u.id = r.assignee_id
     WHERE ${where} ${lock ? 'FOR UPDATE OF r' : ''}) x`;

@Injectable()
export class WorklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CasesService,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
  ) {}

  /** One page of the worklist as the API's JSON text (Page<WorklistRow>), built in one statement after the scope. */
  async pageJson(ctx: RequestContext, q: ListWorklistQueryDto, isExport = false): Promise<string> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    if (pageSize > 200 && !isExport) throw fieldError('pageSize', 'Højst 200 pr. side');
    // A read needs no transaction (under READ COMMITTED every statement has its own snapshot anyway).
    // The scope is resolved to constants first (the newest list per boligorganisation, the teams'
    // afdelinger), so the planner can walk the worklist index in priority order and stop at the page.
    // Logged in the same statement that reads the scope, so no page is ever answered without its entry.
    const [resolved] = await this.accessLog.readWithEntry<{ imports: string[]; afdelinger: string[] }>(
      ctx,
      {
        action: AccessAction.Search,
        subjectType: AccessSubjectType.Person,
        purpose: PURPOSE,
        searchCriterion: 'restanceliste',
      },
      WORKLIST_SCOPE,
      [ctx.teamIds],
    );
    // One list (the usual case) as a plain equality: the index then also gives the order.
    const single = resolved.imports.length === 1;
    const params: unknown[] = [single ? resolved.imports[0] : resolved.imports, resolved.afdelinger];
    const list = single ? '= $1::uuid' : '= ANY($1::uuid[])';
    // The same filters on the rows (for the page) and on their facet counts (for the total).
    const where = [`r.accepted AND r.import_id ${list} AND r.afdeling_id = ANY($2::uuid[])`];
    const facets = [`f.import_id ${list} AND f.afdeling_id = ANY($2::uuid[])`];
    const add = (column: string, value: unknown) => {
      params.push(value);
      where.push(`r.${column} ${Array.isArray(value) ? `= ANY($${params.length}::text[])` : `= $${params.length}`}`);
      facets.push(`f.${column} ${Array.isArray(value) ? `= ANY($${params.length}::text[])` : `= $${params.length}`}`);
    };
    const flag = (rowSql: string, facetSql: string) => {
      where.push(rowSql);
      facets.push(facetSql);
    };
    if (q.boligorganisationId) add('boligorganisation_id', q.boligorganisationId);
    if (q.change?.length) add('change', q.change);
    if (q.paakrav) flag('r.paakrav_date IS NOT NULL', 'f.has_paakrav');
    if (q.ophaevelse) flag('r.ophaevelse_date IS NOT NULL', 'f.has_ophaevelse');
    if (q.outreachStatus) add('outreach_status', q.outreachStatus);
    if (q.assigneeId) add('assignee_id', q.assigneeId);
    if (q.mine) add('assignee_id', ctx.userId);
    if (q.unassigned) flag('r.assignee_id IS NULL', 'f.assignee_id IS NULL');
    // priority DESC, id matches the worklist index; only months can be missing.
    const column = SORTS[q.sort ?? 'priority'];
    const order = (t: string) =>
      `${t}.${column} ${q.direction === 'asc' ? 'ASC' : 'DESC'}${column === 'months' ? ' NULLS LAST' : ''}, ${t}.id`;
    // The total (a sum over the facet counts the database keeps) is part of the page, even past its end.
    const totalSql = `(SELECT coalesce(sum(f.n), 0)::int FROM restance_facet f WHERE ${facets.join(' AND ')})`;
    const [{ page: json }]: Array<{ page: string }> = await this.dataSource.query(
      `SELECT json_build_object('items', coalesce(json_agg(x ORDER BY ${order('x')}), '[]'::json),
                                'total', ${totalSql}, 'page', ${page}, 'pageSize', ${pageSize})::text AS page
         FROM (SELECT ${rowFields('r', 'u')}
                 FROM (SELECT ${ROW_COLUMNS} FROM restance_row r WHERE ${where.join(' AND ')} ORDER BY ${order('r')}
                        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) r
                 LEFT JOIN app_user u ON u.id = r.assignee_id) x`,
      params,
    );
    return json;
  }

  async list(ctx: RequestContext, q: ListWorklistQueryDto, isExport = false): Promise<Page<WorklistRow>> {
    return JSON.parse(await this.pageJson(ctx, q, isExport)) as Page<WorklistRow>;
  }

  async exportRows(ctx: RequestContext, q: ListWorklistQueryDto): Promise<WorklistRow[]> {
    const page = await this.list(ctx, { ...q, page: 1, pageSize: EXPORT_LIMIT } as ListWorklistQueryDto, true);
    return page.items;
  }

  async get(ctx: RequestContext, id: string): Promise<WorklistRow> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireRow(em, ctx, id);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, purpose: PURPOSE, searchCriterion: `restancerække:${id}` },
        em,
      );
      return row;
    });
  }

  async assign(ctx: RequestContext, dto: AssignRowsDto): Promise<{ assigned: number }> {
    return this.dataSource.transaction(async (em) => {
      if (dto.assigneeId) {
        const ok = await em.query(
          `SELECT 1 FROM app_user u JOIN user_team ut ON ut.user_id = u.id WHERE u.id = $1 AND u.is_active AND ut.team_id = ANY($2::uuid[])
             AND u.role = ANY($3::text[])`,
          [dto.assigneeId, ctx.teamIds, CASE_WORKER_ROLES],
        );
        if (!ok.length) throw fieldError('assigneeId', 'Medarbejderen er ikke med i dit team');
      }
      const ids = [...new Set(dto.rowIds)];
      const result = await em.query(
        `UPDATE restance_row r SET assignee_id = $2, version = version + 1 WHERE r.id = ANY($3::uuid[]) AND ${SCOPE} RETURNING r.id`,
        [ctx.teamIds, dto.assigneeId, ids],
      );
      const assigned = (result[0] as unknown[]).length;
      if (assigned !== ids.length) throw notFound('En eller flere rækker');
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, purpose: `${PURPOSE}: fordeling`, searchCriterion: `${assigned} rækker` },
        em,
      );
      return { assigned };
    });
  }

  async updateOutreach(ctx: RequestContext, id: string, dto: UpdateRowOutreachDto): Promise<WorklistRow> {
    await this.dataSource.transaction(async (em) => {
      const row = await this.requireRow(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(row);
      await em.query(`UPDATE restance_row SET outreach_status = $2, version = version + 1 WHERE id = $1`, [
        id,
        dto.outreachStatus,
      ]);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, purpose: PURPOSE, searchCriterion: `restancerække:${id}` },
        em,
      );
    });
    return this.get(ctx, id);
  }

  async addContactAttempt(ctx: RequestContext, id: string, dto: CreateContactAttemptDto): Promise<WorklistRow> {
    await this.dataSource.transaction(async (em) => {
      const row = await this.requireRow(em, ctx, id, true);
      if (row.change === 'afviklet')
        throw new DomainError('INVALID_STATE', 'Restancen er væk fra den nyeste liste. Bank ikke på.');
      const next =
        row.outreachStatus === 'ikke_kontaktet' || row.outreachStatus === 'forsoegt'
          ? dto.outcome === 'kontakt_etableret' || dto.outcome === 'aftale_lavet'
            ? 'kontakt'
            : 'forsoegt'
          : row.outreachStatus;
      await em.query(
        `UPDATE restance_row SET attempts = attempts + 1, outreach_status = $2, first_contact_at = coalesce(first_contact_at, now()),
                version = version + 1 WHERE id = $1`,
        [id, next],
      );
      if (row.caseId) {
        const occurredAt = dto.occurredAt ?? new Date().toISOString();
        await em.query(
          `INSERT INTO contact_attempt (sag_id, channel, outcome, occurred_at, author_id) VALUES ($1, $2, $3, $4, $5)`,
          [row.caseId, dto.channel, dto.outcome, occurredAt, ctx.userId],
        );
        await this.timeline.append(em, {
          caseId: row.caseId,
          type: 'contact_attempt',
          occurredAt,
          authorId: ctx.userId,
          data: { channel: dto.channel, outcome: dto.outcome },
        });
      }
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, purpose: `${PURPOSE}: kontaktforsøg`, searchCriterion: `restancerække:${id}` },
        em,
      );
    });
    return this.get(ctx, id);
  }

  /** Opens an økonomi/restance case for the row's tenancy, with a new or existing person. */
  async convert(ctx: RequestContext, id: string, dto: ConvertRowDto): Promise<CaseDetail> {
    const caseId = await this.dataSource.transaction(async (em) => {
      const row = await this.requireRow(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(row);
      if (row.caseId) throw new DomainError('INVALID_STATE', 'Der er allerede en sag for rækken.');
      if (!row.tenancyId) throw new DomainError('INVALID_STATE', 'Rækken er ikke knyttet til et lejemål.');
      const [team] = await em.query(
        `SELECT ta.team_id FROM team_afdeling ta JOIN restance_row r ON r.afdeling_id = ta.afdeling_id WHERE r.id = $1 AND ta.team_id = ANY($2::uuid[]) LIMIT 1`,
        [id, ctx.teamIds],
      );
      let personId = dto.personId ?? null;
      if (!personId && !dto.personName) {
        // A known tenant of the tenancy (in the household as lejer) is the case's person.
        const [tenant] = await em.query(
          `SELECT m.person_id FROM household h JOIN household_member m ON m.household_id = h.id JOIN person p ON p.id = m.person_id
            WHERE h.lejemaal_id = $1 AND m.relation IN ('lejer','medlejer') AND ${this.access.personVisibleSql('p', '$2')}
            ORDER BY m.relation LIMIT 1`,
          [row.tenancyId, ctx.teamIds],
        );
        personId = tenant?.person_id ?? null;
      }
      if (personId) await this.access.requirePerson(em, ctx, personId);
      else {
        const name = dto.personName ?? row.tenantNames;
        if (!name) throw fieldError('personName', 'Skriv beboerens navn');
        const [p] = await em.query(`INSERT INTO person (team_id, name, created_by) VALUES ($1, $2, $3) RETURNING id`, [
          team.team_id,
          name,
          ctx.userId,
        ]);
        personId = p.id as string;
      }
      const created = await this.cases.createInTransaction(em, ctx, {
        type: 'oekonomi_restance',
        personId: personId as string,
        teamId: team.team_id,
        tenancyId: row.tenancyId,
        responsibleId: ctx.userId,
      });
      await this.timeline.append(em, {
        caseId: created,
        type: 'arrears_update',
        authorId: ctx.userId,
        data: {
          listDate: row.listDate,
          amount: row.amount,
          previousAmount: row.previousAmount,
          change: row.change,
          months: row.months,
          paakravDate: row.paakravDate,
          ophaevelseDate: row.ophaevelseDate,
        },
      });
      await em.query(
        `UPDATE restance_row SET case_id = $2, outreach_status = 'sag_oprettet', version = version + 1 WHERE id = $1`,
        [id, created],
      );
      return created;
    });
    return this.cases.get(ctx, caseId, false);
  }

  async weights(
    ctx: RequestContext,
    teamId: string,
  ): Promise<{ teamId: string; weights: TriageWeights; version: number }> {
    this.access.requireTeam(ctx, teamId);
    const [row] = await this.dataSource.query(`SELECT weights, version FROM triage_weights WHERE team_id = $1`, [
      teamId,
    ]);
    return { teamId, weights: { ...DEFAULT_TRIAGE_WEIGHTS, ...(row?.weights ?? {}) }, version: row?.version ?? 0 };
  }

  /** New weights apply at once: the newest lists' rows in the team's afdelinger are scored again. */
  async setWeights(
    ctx: RequestContext,
    dto: TriageWeightsDto,
  ): Promise<{ teamId: string; weights: TriageWeights; version: number }> {
    this.access.requireTeam(ctx, dto.teamId);
    const weights = { ...DEFAULT_TRIAGE_WEIGHTS };
    for (const [rule, value] of Object.entries(dto.weights)) {
      if (!(rule in DEFAULT_TRIAGE_WEIGHTS)) throw fieldError('weights', `Ukendt regel: ${rule}`);
      if (!Number.isInteger(value) || value < 0 || value > 1000)
        throw fieldError('weights', 'Vægte skal være hele tal fra 0 til 1000');
      weights[rule as TriageRule] = value;
    }
    await this.dataSource.transaction(async (em) => {
      const [current] = await em.query(`SELECT version FROM triage_weights WHERE team_id = $1 FOR UPDATE`, [
        dto.teamId,
      ]);
      if ((current?.version ?? 0) !== dto.version) throw versionConflict(await this.weights(ctx, dto.teamId));
      await em.query(
        `INSERT INTO triage_weights (team_id, weights, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (team_id) DO UPDATE SET weights = EXCLUDED.weights, version = triage_weights.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [dto.teamId, JSON.stringify(weights), ctx.userId],
      );
      await this.rescore(em, dto.teamId, weights);
    });
    return this.weights(ctx, dto.teamId);
  }

  private async rescore(em: EntityManager, teamId: string, weights: TriageWeights): Promise<void> {
    const rows = await em.query(
      `SELECT r.id, r.amount, r.months, r.paakrav_date::text, r.ophaevelse_date::text, r.repeat_count, r.has_agreement, r.change, r.outreach_status, r.case_id,
              EXISTS (SELECT 1 FROM household h JOIN household_member m ON m.household_id = h.id WHERE h.lejemaal_id = r.lejemaal_id AND m.relation = 'barn') AS children
         FROM restance_row r WHERE ${scope('ARRAY[$1::uuid]')}`,
      [teamId],
    );
    const scored = rows.map((r: Record<string, never>) => ({
      id: r['id'],
      ...triage(
        {
          amount: Number(r['amount']),
          months: r['months'],
          paakravDate: r['paakrav_date'],
          ophaevelseDate: r['ophaevelse_date'],
          hasChildren: r['children'],
          contacted: r['outreach_status'] !== 'ikke_kontaktet' || !!r['case_id'],
          repeatCount: r['repeat_count'],
          hasAgreement: r['has_agreement'],
          change: r['change'],
        },
        weights,
      ),
    }));
    // One statement for the whole list, not one per row.
    if (scored.length)
      await em.query(
        `UPDATE restance_row r SET priority = x.priority, reasons = x.reasons
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, priority int, reasons jsonb) WHERE r.id = x.id`,
        [JSON.stringify(scored)],
      );
  }

  private async requireRow(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    forUpdate = false,
  ): Promise<WorklistRow> {
    const rows = await em.query(
      rowJsonWhere(
        `r.id = $2 AND r.accepted AND r.afdeling_id IN (SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY($1::uuid[]))`,
        forUpdate,
      ),
      [ctx.teamIds, id],
    );
    if (!rows[0]) throw notFound('Rækken');
    return rows[0].row as WorklistRow;
  }
}
