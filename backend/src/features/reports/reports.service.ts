import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  AvoidedEvictionRule,
  DEFAULT_COST_BOLIGORGANISATION,
  DEFAULT_COST_KOMMUNE,
  DrilldownRow,
  IndicatorDefinition,
  Permission,
  Report,
  ReportResult,
  ReportScopeType,
  ReportSummary,
  ReproduceResult,
  Role,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { computeReport, evictionRows, ReportParameters, ReportScope } from './report-queries';
import { CreateDefinitionDto, DrilldownQueryDto, MyNumbersQueryDto, ReportRequestDto } from './reports.dto';

const KEY = 'undgaaet_udsaettelse';
const MAX_DAYS = 3 * 366;

type Row = Record<string, never>;

/**
 * Reports for a period and a scope. Every report stores its numbers, the definition versions and
 * the parameters it used, so it can be shown and reproduced later; a new definition version never
 * rewrites an old report.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async definitions(): Promise<IndicatorDefinition[]> {
    const rows = await this.dataSource.query(
      `SELECT d.*, u.display_name FROM report_definition d LEFT JOIN app_user u ON u.id = d.created_by ORDER BY key, version`,
    );
    return rows.map(toDefinition);
  }

  async createDefinition(ctx: RequestContext, dto: CreateDefinitionDto): Promise<IndicatorDefinition> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('report_definition'))`);
      const [{ next }] = await em.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM report_definition WHERE key = $1`,
        [dto.key],
      );
      await em.query(
        `INSERT INTO report_definition (key, version, description, rule, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [dto.key, next, dto.description, JSON.stringify(dto.rule), ctx.userId],
      );
      const [row] = await em.query(
        `SELECT d.*, u.display_name FROM report_definition d LEFT JOIN app_user u ON u.id = d.created_by
          WHERE d.key = $1 AND d.version = $2`,
        [dto.key, next],
      );
      return toDefinition(row);
    });
  }

  async generate(ctx: RequestContext, dto: ReportRequestDto): Promise<Report> {
    this.checkPeriod(dto.from, dto.to);
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const { scope, name } = await this.resolveScope(em, ctx, dto.scopeType, dto.scopeId ?? null, dto.from, dto.to);
      const definition = await this.latest(em);
      const params: ReportParameters = {
        audience: dto.audience,
        costBoligorganisation: dto.costBoligorganisation ?? DEFAULT_COST_BOLIGORGANISATION,
        costKommune: dto.costKommune ?? DEFAULT_COST_KOMMUNE,
      };
      const result = await computeReport(em, scope, definition.rule, params);
      const [row] = await em.query(
        `INSERT INTO report (title, period_from, period_to, scope_type, scope_id, scope_name, team_ids, audience, parameters,
                             definitions, result, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          dto.title ?? null,
          dto.from,
          dto.to,
          dto.scopeType,
          dto.scopeId ?? null,
          name,
          scope.teamIds,
          dto.audience,
          JSON.stringify({ ...params, afdelingIds: scope.afdelingIds }),
          JSON.stringify([{ key: KEY, version: definition.version }]),
          JSON.stringify(result),
          ctx.userId,
        ],
      );
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Search, purpose: 'Rapport (aggregeret)', searchCriterion: `rapport:${row.id}` },
        em,
      );
      return this.byId(em, ctx, row.id);
    });
  }

  async list(ctx: RequestContext): Promise<ReportSummary[]> {
    const rows = await this.dataSource.query(
      `SELECT r.*, to_char(r.period_from, 'YYYY-MM-DD') AS f, to_char(r.period_to, 'YYYY-MM-DD') AS t, u.display_name
         FROM report r LEFT JOIN app_user u ON u.id = r.created_by
        WHERE ${this.visibleSql('r')} ORDER BY r.created_at DESC LIMIT 200`,
      this.visibleParams(ctx),
    );
    return rows.map((r: Row) => ({
      id: r['id'],
      title: r['title'],
      createdAt: (r['created_at'] as Date).toISOString(),
      createdBy: r['display_name'],
      from: r['f'],
      to: r['t'],
      scopeType: r['scope_type'],
      scopeName: r['scope_name'],
      audience: r['audience'],
      definitions: r['definitions'],
    }));
  }

  async get(ctx: RequestContext, id: string): Promise<Report> {
    return this.byId(this.dataSource.manager, ctx, id);
  }

  /** Recomputes a stored report with its own definition versions and parameters, and compares. */
  async reproduce(ctx: RequestContext, id: string): Promise<ReproduceResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const stored = await this.byId(em, ctx, id);
      const [row] = await em.query(`SELECT team_ids, parameters FROM report WHERE id = $1`, [id]);
      const version = stored.definitions.find((d) => d.key === KEY)?.version ?? 1;
      const [def] = await em.query(`SELECT rule FROM report_definition WHERE key = $1 AND version = $2`, [
        KEY,
        version,
      ]);
      const result = await computeReport(
        em,
        {
          from: stored.request.from,
          to: stored.request.to,
          teamIds: row.team_ids,
          afdelingIds: row.parameters.afdelingIds ?? null,
          ownerId: null,
        },
        def.rule as AvoidedEvictionRule,
        row.parameters as ReportParameters,
      );
      const changed = diff(stored.result, result);
      return { identical: changed.length === 0, changed, result };
    });
  }

  async drilldown(ctx: RequestContext, q: DrilldownQueryDto): Promise<DrilldownRow[]> {
    // Case-level rows only for roles that may read those cases (not the administrator).
    if (!ctx.permissions.includes(Permission.CaseRead))
      throw new DomainError('FORBIDDEN', 'Du har ikke adgang til sagerne bag tallene.');
    this.checkPeriod(q.from, q.to);
    return this.dataSource.transaction(async (em) => {
      const { scope } = await this.resolveScope(em, ctx, q.scopeType, q.scopeId ?? null, q.from, q.to);
      const definition = await this.latest(em);
      const rows = await evictionRows(em, scope, definition.rule, q.indicator);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Search,
          subjectType: AccessSubjectType.Eviction,
          purpose: 'Rapport: sagerne bag tallet',
          searchCriterion: `${q.indicator} ${q.from}–${q.to}`,
        },
        em,
      );
      return rows.map((r) => ({
        evictionId: r['id'] as string,
        address: r['address'] as string,
        afdeling: r['afdeling'] as string,
        currentStage: r['current_stage'] as DrilldownRow['currentStage'],
        status: r['status'] as string,
        outcome: r['outcome'] as DrilldownRow['outcome'],
        decidedAt: r['decided_at'] ? (r['decided_at'] as Date).toISOString() : null,
        caseIds: (r['case_ids'] as string[] | null) ?? [],
      }));
    });
  }

  /** A worker's own numbers: their cases, visits and contacts; never the team's. Not stored. */
  async mine(ctx: RequestContext, q: MyNumbersQueryDto): Promise<ReportResult> {
    this.checkPeriod(q.from, q.to);
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const definition = await this.latest(em);
      return computeReport(
        em,
        { from: q.from, to: q.to, teamIds: ctx.teamIds, afdelingIds: null, ownerId: ctx.userId },
        definition.rule,
        {
          audience: 'intern',
          costBoligorganisation: DEFAULT_COST_BOLIGORGANISATION,
          costKommune: DEFAULT_COST_KOMMUNE,
        },
      );
    });
  }

  // ---- internals ----

  private checkPeriod(from: string, to: string): void {
    if (to < from) throw fieldError('to', 'Slutdatoen ligger før startdatoen');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS) throw fieldError('to', 'Højst tre år ad gangen');
  }

  private async latest(em: EntityManager): Promise<{ version: number; rule: AvoidedEvictionRule }> {
    const [row] = await em.query(
      `SELECT version, rule FROM report_definition WHERE key = $1 ORDER BY version DESC LIMIT 1`,
      [KEY],
    );
    return row;
  }

  /** Teams the caller may report on: their own; all for the administrator. */
  private async allowedTeams(em: EntityManager, ctx: RequestContext): Promise<string[]> {
    if (ctx.role === Role.Admin) return (await em.query(`SELECT id FROM team`)).map((t: { id: string }) => t.id);
    return ctx.teamIds;
  }

  private async resolveScope(
    em: EntityManager,
    ctx: RequestContext,
    type: ReportScopeType,
    scopeId: string | null,
    from: string,
    to: string,
  ): Promise<{ scope: ReportScope; name: string }> {
    const allowed = await this.allowedTeams(em, ctx);
    const scope = (teamIds: string[], afdelingIds: string[] | null): ReportScope => ({
      from,
      to,
      teamIds,
      afdelingIds,
      ownerId: null,
    });
    if (type === 'alle') return { scope: scope(allowed, null), name: 'Alle' };
    if (!scopeId) throw fieldError('scopeId', 'Vælg hvad rapporten dækker');
    if (type === 'team' || type === 'helhedsplan') {
      const [team] = await em.query(`SELECT id, name FROM team WHERE id = $1 AND id = ANY($2::uuid[])`, [
        scopeId,
        allowed,
      ]);
      if (!team) throw notFound('Teamet');
      return { scope: scope([team.id], null), name: team.name };
    }
    if (type === 'afdeling') {
      const [afd] = await em.query(
        `SELECT a.id, a.afdelingsnummer || ' ' || a.name AS name FROM afdeling a
          WHERE a.id = $1 AND EXISTS (SELECT 1 FROM team_afdeling ta WHERE ta.afdeling_id = a.id AND ta.team_id = ANY($2::uuid[]))`,
        [scopeId, allowed],
      );
      if (!afd) throw notFound('Afdelingen');
      return { scope: scope(allowed, [afd.id]), name: `Afd. ${afd.name}` };
    }
    const [bo] = await em.query(`SELECT id, name FROM boligorganisation WHERE id = $1`, [scopeId]);
    const afdelinger: string[] = bo
      ? (
          await em.query(
            `SELECT DISTINCT a.id FROM afdeling a JOIN team_afdeling ta ON ta.afdeling_id = a.id
              WHERE a.boligorganisation_id = $1 AND ta.team_id = ANY($2::uuid[])`,
            [scopeId, allowed],
          )
        ).map((a: { id: string }) => a.id)
      : [];
    if (!bo || !afdelinger.length) throw notFound('Boligorganisationen');
    return { scope: scope(allowed, afdelinger), name: bo.name };
  }

  private visibleSql(r: string): string {
    return `($1::boolean OR ${r}.team_ids <@ $2::uuid[])`;
  }

  private visibleParams(ctx: RequestContext): unknown[] {
    return [ctx.role === Role.Admin, ctx.teamIds];
  }

  private async byId(em: EntityManager, ctx: RequestContext, id: string): Promise<Report> {
    const [r] = await em.query(
      `SELECT r.*, to_char(r.period_from, 'YYYY-MM-DD') AS f, to_char(r.period_to, 'YYYY-MM-DD') AS t, u.display_name
         FROM report r LEFT JOIN app_user u ON u.id = r.created_by WHERE r.id = $3 AND ${this.visibleSql('r')}`,
      [...this.visibleParams(ctx), id],
    );
    if (!r) throw notFound('Rapporten');
    return {
      id: r.id,
      title: r.title,
      createdAt: (r.created_at as Date).toISOString(),
      createdBy: r.created_by ? { id: r.created_by, displayName: r.display_name } : null,
      request: {
        from: r.f,
        to: r.t,
        scopeType: r.scope_type,
        scopeId: r.scope_id,
        audience: r.audience,
        costBoligorganisation: r.parameters.costBoligorganisation,
        costKommune: r.parameters.costKommune,
        title: r.title,
      },
      scopeName: r.scope_name,
      definitions: r.definitions,
      result: r.result,
    };
  }
}

function toDefinition(r: Row): IndicatorDefinition {
  return {
    key: r['key'],
    version: r['version'],
    description: r['description'],
    rule: r['rule'],
    createdAt: (r['created_at'] as Date).toISOString(),
    createdBy: r['display_name'] ?? null,
  };
}

/** Dotted paths where two results differ. */
export function diff(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [path || '(rod)'];
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) =>
    diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
  );
}
