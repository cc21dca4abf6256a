import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  addDays,
  addMonths,
  computeDeadlines,
  currentStage,
  danishToday,
  EvictionCase,
  EvictionOutcome,
  EvictionStageEntry,
  EvictionStatus,
  EvictionSummary,
  isAvoided,
  lacksKommuneNotification,
  lacksRecentContact,
  nextDeadline,
  NO_CONTACT_FLAG_DAYS,
  outcomeMismatch,
  RecordStageResponse,
  StageFact,
  stageEntryFieldErrors,
  stagesAfter,
  stageWarnings,
  SUSTAINED_CHECK_MONTHS,
  TimelineEventType,
  UpcomingEvictionItem,
  CASE_WORKER_ROLES,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { danishDate } from '../../common/text/danish';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { TimelineWriter } from '../case-core/timeline.writer';
import {
  CreateEvictionDto,
  DecideOutcomeDto,
  LinkCaseDto,
  ListEvictionsQueryDto,
  ProposeOutcomeDto,
  ReasonDto,
  RecordStageDto,
  SustainedCheckDto,
  UpcomingQueryDto,
  UpdateEvictionDto,
} from './evictions.dto';

const PURPOSE = 'Sagsbehandling: udsættelsessag';
/** The entry for a list read: about the case when filtered to one, else a search over the team's evictions. */
function listEntry(caseId: string | undefined, criterion: string) {
  return caseId
    ? { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE }
    : {
        action: AccessAction.Search,
        subjectType: AccessSubjectType.Eviction,
        purpose: PURPOSE,
        searchCriterion: criterion,
      };
}

interface EvictionRow {
  id: string;
  lejemaal_id: string;
  team_id: string;
  ground: EvictionSummary['ground'];
  status: EvictionStatus;
  responsible_id: string | null;
  responsible_name: string | null;
  outcome: EvictionOutcome | null;
  outcome_note: string | null;
  rehousing_note: string | null;
  proposed_by: string | null;
  proposed_by_name: string | null;
  proposed_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  decided_at: Date | null;
  returned_reason: string | null;
  sustained_due: string | null;
  sustained_checked_at: Date | null;
  sustained_still_resident: boolean | null;
  sustained_source: 'restanceliste' | 'medarbejder' | null;
  sustained_note: string | null;
  version: number;
  created_at: Date;
  address: string;
  lejemaalsnummer: string;
  afdeling: string;
}

const SELECT_EVICTION = `
  SELECT e.*, to_char(e.sustained_due, 'YYYY-MM-DD') AS sustained_due,
         ru.display_name AS responsible_name, pu.display_name AS proposed_by_name, au.display_name AS approved_by_name,
         l.address, l.lejemaalsnummer, a.afdelingsnummer || ' ' || a.name AS afdeling
    FROM eviction_case e
    JOIN lejemaal l ON l.id = e.lejemaal_id
    JOIN afdeling a ON a.id = l.afdeling_id
    LEFT JOIN app_user ru ON ru.id = e.responsible_id
    LEFT JOIN app_user pu ON pu.id = e.proposed_by
    LEFT JOIN app_user au ON au.id = e.approved_by`;

type StageRow = EvictionStageEntry & StageFact;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const user = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/**
 * Udsættelsessager: the stage chain with deadlines on the Danish working-day calendar, the outcome
 * with a team lead's approval for "undgået", the sustained check, and the restanceliste hook.
 * Every use case is one transaction; every read of a case is access-logged.
 */
@Injectable()
export class EvictionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(ctx: RequestContext, q: ListEvictionsQueryDto): Promise<EvictionSummary[]> {
    return this.dataSource.transaction(async (em) => {
      if (q.caseId) await this.access.requireCase(em, ctx, q.caseId);
      const where = ['e.team_id = ANY($1::uuid[])'];
      const params: unknown[] = [ctx.teamIds];
      if (q.status === 'aktive') where.push(`e.status <> 'afsluttet'`);
      else if (q.status) where.push(`e.status = $${params.push(q.status)}`);
      if (q.mine) where.push(`e.responsible_id = $${params.push(ctx.userId)}`);
      if (q.caseId)
        where.push(
          `EXISTS (SELECT 1 FROM eviction_case_sag x WHERE x.eviction_case_id = e.id AND x.sag_id = $${params.push(q.caseId)})`,
        );
      if (q.tenancyId) where.push(`e.lejemaal_id = $${params.push(q.tenancyId)}`);
      const rows: EvictionRow[] = await em.query(
        `${SELECT_EVICTION} WHERE ${where.join(' AND ')} ORDER BY e.updated_at DESC LIMIT 500`,
        params,
      );
      await this.accessLog.record(ctx, listEntry(q.caseId, 'udsættelsessager'), em);
      return this.summaries(em, rows, danishToday());
    });
  }

  /** Dated items between `from` and `to` for "Kommende udsættelser" and the month calendar. */
  async upcoming(ctx: RequestContext, q: UpcomingQueryDto): Promise<UpcomingEvictionItem[]> {
    const today = danishToday();
    const from = q.from ?? addDays(today, -14);
    const to = q.to ?? addDays(today, 120);
    if (to < from) throw fieldError('to', 'Slutdatoen ligger før startdatoen');
    if (to > addDays(from, 400)) throw fieldError('to', 'Højst 400 dage ad gangen');
    return this.dataSource.transaction(async (em) => {
      const params: unknown[] = [ctx.teamIds];
      const mine = q.mine ? `AND e.responsible_id = $${params.push(ctx.userId)}` : '';
      const rows: EvictionRow[] = await em.query(
        `${SELECT_EVICTION}
          WHERE e.team_id = ANY($1::uuid[]) ${mine}
            AND (e.status <> 'afsluttet' OR (e.sustained_due IS NOT NULL AND e.sustained_checked_at IS NULL))`,
        params,
      );
      await this.accessLog.record(ctx, listEntry(undefined, 'kommende udsættelser'), em);
      const { stages, contacts } = await this.facts(
        em,
        rows.map((r) => r.id),
      );
      const items: UpcomingEvictionItem[] = [];
      for (const r of rows) {
        const own = stages.get(r.id) ?? [];
        const flags = this.flags(r, own, contacts.get(r.id) ?? null, today);
        for (const d of this.deadlines(r, own, today)) {
          if (d.date < from || d.date > to) continue;
          items.push({
            evictionId: r.id,
            address: r.address,
            afdeling: r.afdeling,
            responsible: user(r.responsible_id, r.responsible_name),
            currentStage: currentStage(own),
            deadline: d,
            flags,
          });
        }
      }
      return items.sort(
        (a, b) =>
          a.deadline.date.localeCompare(b.deadline.date) ||
          (a.deadline.time ?? '').localeCompare(b.deadline.time ?? '') ||
          a.address.localeCompare(b.address, 'da'),
      );
    });
  }

  async get(ctx: RequestContext, id: string): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id);
      await this.logRead(ctx, em, id);
      return this.view(em, ctx, row);
    });
  }

  async create(ctx: RequestContext, dto: CreateEvictionDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      // A tenancy outside the afdelinger the caller's teams cover answers as one that does not exist.
      await this.access.requireTenancy(em, ctx, dto.tenancyId);
      const [tenancy] = await em.query(`SELECT id, afdeling_id FROM lejemaal WHERE id = $1`, [dto.tenancyId]);
      const caseIds = [...new Set(dto.caseIds ?? [])];
      const cases = [];
      for (const caseId of caseIds) cases.push(await this.access.requireCase(em, ctx, caseId));
      let teamId = cases[0]?.team_id as string | undefined;
      if (!teamId) {
        const [team] = await em.query(
          `SELECT team_id FROM team_afdeling WHERE afdeling_id = $1 AND team_id = ANY($2::uuid[]) ORDER BY team_id LIMIT 1`,
          [tenancy.afdeling_id, ctx.teamIds],
        );
        if (!team) throw fieldError('tenancyId', 'Lejemålet ligger ikke i en afdeling, dit team dækker');
        teamId = team.team_id as string;
      }
      const responsibleId = dto.responsibleId === undefined ? ctx.userId : dto.responsibleId;
      if (responsibleId) await this.assertTeamWorker(em, teamId, responsibleId);
      const [open] = await em.query(`SELECT id FROM eviction_case WHERE lejemaal_id = $1 AND status <> 'afsluttet'`, [
        dto.tenancyId,
      ]);
      if (open)
        throw new DomainError('ALREADY_EXISTS', 'Der er allerede en åben udsættelsessag for lejemålet.', {
          current: { id: open.id },
        });
      const [row] = await em.query(
        `INSERT INTO eviction_case (lejemaal_id, team_id, ground, responsible_id, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.tenancyId, teamId, dto.ground, responsibleId, ctx.userId],
      );
      for (const c of cases) await this.link(em, row.id, c.id, ctx.userId);
      await this.logWrite(ctx, em, row.id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, row.id));
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateEvictionDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      if (dto.responsibleId) await this.assertTeamWorker(em, row.team_id, dto.responsibleId);
      await em.query(
        `UPDATE eviction_case SET ground = coalesce($2, ground),
                responsible_id = CASE WHEN $4 THEN $3::uuid ELSE responsible_id END,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.ground ?? null, dto.responsibleId ?? null, dto.responsibleId !== undefined],
      );
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  async linkCase(ctx: RequestContext, id: string, dto: LinkCaseDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      await this.access.requireCase(em, ctx, dto.caseId);
      await this.link(em, id, dto.caseId, ctx.userId);
      await this.bump(em, id);
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  async recordStage(ctx: RequestContext, id: string, dto: RecordStageDto): Promise<RecordStageResponse> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      if (row.status === 'afsluttet')
        throw new DomainError('INVALID_STATE', 'Udsættelsessagen er afsluttet. Genåbn den for at registrere nye trin.');
      const fields = stageEntryFieldErrors(dto);
      if (Object.keys(fields).length)
        throw new DomainError('VALIDATION_FAILED', 'Der er fejl i de indtastede oplysninger.', { fields });
      const existing = (await this.facts(em, [id])).stages.get(id) ?? [];
      const warnings = stageWarnings(existing, dto, danishToday());
      const outOfOrder = warnings.some((w) => w.code === 'out_of_order');
      const [entry] = await em.query(
        `INSERT INTO eviction_stage (eviction_case_id, stage, stage_date, stage_time, amount, source, notified_by, channel,
                                     move_out_date, note, out_of_order, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          id,
          dto.stage,
          dto.date,
          dto.time ?? null,
          dto.amount ?? null,
          dto.source,
          dto.notifiedBy ?? null,
          dto.channel ?? null,
          dto.moveOutDate ?? null,
          dto.note ?? null,
          outOfOrder,
          ctx.userId,
        ],
      );
      await this.bump(em, id);
      await this.toCases(em, id, ctx.userId, TimelineEventType.EvictionStage, {
        evictionId: id,
        stageEntryId: entry.id,
        stage: dto.stage,
        date: dto.date,
        time: dto.time ?? null,
        amount: dto.amount ?? null,
        source: dto.source,
        notifiedBy: dto.notifiedBy ?? null,
        channel: dto.channel ?? null,
        moveOutDate: dto.moveOutDate ?? null,
        outOfOrder,
        note: dto.note ?? null,
      });
      await this.logWrite(ctx, em, id);
      return { eviction: await this.view(em, ctx, await this.requireEviction(em, ctx, id)), warnings };
    });
  }

  /** A worker proposes an outcome. "Undgået" waits for a team lead; the others are recorded at once. */
  async proposeOutcome(ctx: RequestContext, id: string, dto: ProposeOutcomeDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      if (row.status !== 'aaben')
        throw new DomainError(
          'INVALID_STATE',
          row.status === 'afventer_godkendelse'
            ? 'Der ligger allerede et forslag til godkendelse.'
            : 'Udsættelsessagen er afsluttet.',
        );
      if (dto.outcome === 'fraflyttet_frivilligt' && !dto.rehousingNote)
        throw fieldError('rehousingNote', 'Skriv hvor husstanden er flyttet hen (genhusning)');
      const mismatch = outcomeMismatch(dto.outcome, (await this.facts(em, [id])).stages.get(id) ?? []);
      if (mismatch) throw fieldError('outcome', mismatch);
      const avoided = isAvoided(dto.outcome);
      await em.query(
        `UPDATE eviction_case SET outcome = $2, outcome_note = $3, rehousing_note = $4, proposed_by = $5, proposed_at = now(),
                status = $6, decided_at = CASE WHEN $6 = 'afsluttet' THEN now() END, returned_reason = NULL,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.outcome,
          dto.note ?? null,
          dto.rehousingNote ?? null,
          ctx.userId,
          avoided ? 'afventer_godkendelse' : 'afsluttet',
        ],
      );
      await this.toCases(em, id, ctx.userId, TimelineEventType.EvictionOutcome, {
        evictionId: id,
        action: avoided ? 'proposed' : 'recorded',
        outcome: dto.outcome,
        note: dto.note ?? null,
      });
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  /** A team lead approves an "undgået" proposal; never their own (four eyes). */
  async approve(ctx: RequestContext, id: string, dto: DecideOutcomeDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requirePending(em, ctx, id, dto.version);
      if (row.proposed_by === ctx.userId)
        throw new DomainError('INVALID_STATE', 'Et forslag skal godkendes af en anden end den, der foreslog det.');
      const due = addMonths(danishToday(), SUSTAINED_CHECK_MONTHS);
      await em.query(
        `UPDATE eviction_case SET status = 'afsluttet', approved_by = $2, decided_at = now(), sustained_due = $3,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ctx.userId, due],
      );
      await this.toCases(em, id, ctx.userId, TimelineEventType.EvictionOutcome, {
        evictionId: id,
        action: 'approved',
        outcome: row.outcome,
        note: dto.reason ?? null,
        sustainedDue: due,
      });
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  /** A team lead sends the proposal back to the worker with a reason. */
  async sendBack(ctx: RequestContext, id: string, dto: ReasonDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requirePending(em, ctx, id, dto.version);
      await em.query(
        `UPDATE eviction_case SET status = 'aaben', outcome = NULL, outcome_note = NULL, rehousing_note = NULL,
                proposed_by = NULL, proposed_at = NULL, returned_reason = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, dto.reason],
      );
      await this.toCases(em, id, ctx.userId, TimelineEventType.EvictionOutcome, {
        evictionId: id,
        action: 'returned',
        outcome: row.outcome,
        reason: dto.reason,
      });
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  /** A team lead withdraws a decided outcome (e.g. an "undgået" that did not hold); the case is open again. */
  async reopen(ctx: RequestContext, id: string, dto: ReasonDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      if (row.status !== 'afsluttet') throw new DomainError('INVALID_STATE', 'Udsættelsessagen er ikke afsluttet.');
      const [open] = await em.query(
        `SELECT 1 FROM eviction_case WHERE lejemaal_id = $1 AND status <> 'afsluttet' AND id <> $2`,
        [row.lejemaal_id, id],
      );
      if (open) throw new DomainError('ALREADY_EXISTS', 'Der er allerede en anden åben udsættelsessag for lejemålet.');
      await em.query(
        `UPDATE eviction_case SET status = 'aaben', outcome = NULL, outcome_note = NULL, rehousing_note = NULL,
                proposed_by = NULL, proposed_at = NULL, approved_by = NULL, decided_at = NULL, returned_reason = $2,
                sustained_due = NULL, sustained_checked_at = NULL, sustained_still_resident = NULL,
                sustained_source = NULL, sustained_note = NULL, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, dto.reason],
      );
      await this.toCases(em, id, ctx.userId, TimelineEventType.EvictionOutcome, {
        evictionId: id,
        action: 'withdrawn',
        outcome: row.outcome,
        reason: dto.reason,
      });
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  /** The sustained check, from the due date on: does the household still live in the lejemål? */
  async sustainedCheck(ctx: RequestContext, id: string, dto: SustainedCheckDto): Promise<EvictionCase> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireEviction(em, ctx, id, true);
      if (row.version !== dto.version) throw versionConflict(await this.view(em, ctx, row));
      if (row.status !== 'afsluttet' || !row.sustained_due)
        throw new DomainError('INVALID_STATE', 'Opfølgningen hører til et godkendt "undgået"-udfald.');
      if (row.sustained_checked_at) throw new DomainError('INVALID_STATE', 'Opfølgningen er allerede registreret.');
      if (danishToday() < row.sustained_due)
        throw new DomainError('INVALID_STATE', `Opfølgningen kan registreres fra ${danishDate(row.sustained_due)}.`);
      await this.recordSustained(em, id, dto.stillResident, 'medarbejder', dto.note ?? null, ctx.userId);
      await this.logWrite(ctx, em, id);
      return this.view(em, ctx, await this.requireEviction(em, ctx, id));
    });
  }

  /**
   * The restanceliste hook, inside the import's transaction: rows with a påkrav or ophævelse date
   * open or update the udsættelsessag of their lejemål (source: the list), and a later list that
   * still has the household answers a due sustained check. Returns how many cases were touched.
   */
  async syncFromRestance(em: EntityManager, importId: string, authorId: string | null): Promise<number> {
    // Set-based: a 50,000-row list may carry thousands of påkrav dates, and this runs inside its commit.
    const rows = `restance_row r WHERE r.import_id = $1 AND r.accepted AND r.lejemaal_id IS NOT NULL
      AND r.change <> 'afviklet' AND (r.paakrav_date IS NOT NULL OR r.ophaevelse_date IS NOT NULL)`;
    // 1. Open a case for every such lejemål that has none open (a manual one made meanwhile wins).
    await em.query(
      `INSERT INTO eviction_case (lejemaal_id, team_id, ground, responsible_id, created_by)
       SELECT DISTINCT ON (r.lejemaal_id) r.lejemaal_id, ta.team_id, 'restance',
              coalesce((SELECT s.responsible_id FROM sag s WHERE s.lejemaal_id = r.lejemaal_id AND s.status <> 'afsluttet'
                         ORDER BY s.opened_at LIMIT 1), r.assignee_id), $2
         FROM ${rows.replace(
           'restance_row r',
           `restance_row r
         JOIN LATERAL (SELECT team_id FROM team_afdeling WHERE afdeling_id = r.afdeling_id ORDER BY team_id LIMIT 1) ta ON true`,
         )}
          AND NOT EXISTS (SELECT 1 FROM eviction_case e WHERE e.lejemaal_id = r.lejemaal_id AND e.status <> 'afsluttet')
        ORDER BY r.lejemaal_id, r.row_number
       ON CONFLICT (lejemaal_id) WHERE status <> 'afsluttet' DO NOTHING`,
      [importId, authorId],
    );
    // 2. Link the lejemål's open cases, each new link on that case's timeline.
    await em.query(
      `WITH linked AS (
         INSERT INTO eviction_case_sag (eviction_case_id, sag_id, linked_by)
         SELECT DISTINCT e.id, s.id, $2::uuid FROM eviction_case e
           JOIN sag s ON s.lejemaal_id = e.lejemaal_id AND s.status <> 'afsluttet'
          WHERE e.status <> 'afsluttet' AND e.lejemaal_id IN (SELECT r.lejemaal_id FROM ${rows})
         ON CONFLICT DO NOTHING RETURNING eviction_case_id, sag_id),
       events AS (
         INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, data)
         SELECT sag_id, 'eviction_linked', now(), $2::uuid, jsonb_build_object('evictionId', eviction_case_id) FROM linked
         RETURNING sag_id)
       UPDATE sag SET updated_at = now() WHERE id IN (SELECT sag_id FROM events)`,
      [importId, authorId],
    );
    // 3. The påkrav and ophævelse dates as stage entries, unless that stage has that date already;
    //    out of order when a later stage is recorded. Each entry on every linked case's timeline.
    const [result] = await em.query(
      `WITH cand AS (
         SELECT DISTINCT ON (e.id, v.stage) e.id AS eid, v.stage, v.d, r.amount, r.list_date
           FROM restance_row r
           JOIN eviction_case e ON e.lejemaal_id = r.lejemaal_id AND e.status <> 'afsluttet'
           CROSS JOIN LATERAL (VALUES ('paakrav', r.paakrav_date), ('ophaevelse', r.ophaevelse_date)) v(stage, d)
          WHERE r.import_id = $1 AND r.accepted AND r.change <> 'afviklet' AND v.d IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM eviction_stage x WHERE x.eviction_case_id = e.id AND x.stage = v.stage AND x.stage_date = v.d)
          ORDER BY e.id, v.stage, r.row_number),
       ins AS (
         INSERT INTO eviction_stage (eviction_case_id, stage, stage_date, amount, source, source_import_id, out_of_order, recorded_by)
         SELECT c.eid, c.stage, c.d, c.amount, 'restanceliste', $1, EXISTS (
                  SELECT 1 FROM eviction_stage y WHERE y.eviction_case_id = c.eid
                     AND y.stage = ANY(CASE c.stage WHEN 'paakrav' THEN $3::text[] ELSE $4::text[] END)), $2::uuid
           FROM cand c
         RETURNING id, eviction_case_id, stage, stage_date, amount, out_of_order),
       events AS (
         INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, data)
         SELECT l.sag_id, 'eviction_stage', now(), $2::uuid, jsonb_build_object(
                  'evictionId', i.eviction_case_id, 'stageEntryId', i.id, 'stage', i.stage,
                  'date', to_char(i.stage_date, 'YYYY-MM-DD'), 'amount', i.amount, 'source', 'restanceliste',
                  'listDate', (SELECT to_char(list_date, 'YYYY-MM-DD') FROM restance_import WHERE id = $1),
                  'outOfOrder', i.out_of_order)
           FROM ins i JOIN eviction_case_sag l ON l.eviction_case_id = i.eviction_case_id
         RETURNING sag_id),
       touched AS (UPDATE sag SET updated_at = now() WHERE id IN (SELECT sag_id FROM events) RETURNING id),
       bumped AS (
         UPDATE eviction_case SET version = version + 1, updated_at = now()
          WHERE id IN (SELECT eviction_case_id FROM ins) RETURNING id)
       SELECT (SELECT count(*) FROM bumped)::int AS cases, (SELECT count(*) FROM touched)::int AS sager`,
      [importId, authorId, stagesAfter('paakrav'), stagesAfter('ophaevelse')],
    );
    // 4. A later list that still has the household answers a due sustained check.
    const due: { id: string }[] = await em.query(
      `SELECT e.id FROM eviction_case e JOIN restance_import i ON i.id = $1
        WHERE e.status = 'afsluttet' AND e.sustained_due IS NOT NULL AND e.sustained_checked_at IS NULL
          AND e.sustained_due <= i.list_date
          AND EXISTS (SELECT 1 FROM restance_row r WHERE r.import_id = i.id AND r.accepted
                        AND r.lejemaal_id = e.lejemaal_id AND r.change <> 'afviklet')
        FOR UPDATE OF e`,
      [importId],
    );
    for (const e of due) {
      await this.recordSustained(
        em,
        e.id,
        true,
        'restanceliste',
        'Lejemålet står på en senere restanceliste',
        authorId,
      );
    }
    return result.cases + due.length;
  }

  // ---- internals ----

  private async recordSustained(
    em: EntityManager,
    id: string,
    stillResident: boolean,
    source: 'restanceliste' | 'medarbejder',
    note: string | null,
    authorId: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE eviction_case SET sustained_checked_at = now(), sustained_still_resident = $2, sustained_source = $3,
              sustained_note = $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, stillResident, source, note],
    );
    await this.toCases(em, id, authorId, TimelineEventType.EvictionSustained, {
      evictionId: id,
      stillResident,
      source,
      note,
    });
  }

  private async requireEviction(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    forUpdate = false,
  ): Promise<EvictionRow> {
    const rows: EvictionRow[] = await em.query(
      `${SELECT_EVICTION} WHERE e.id = $1 AND e.team_id = ANY($2::uuid[]) ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
      [id, ctx.teamIds],
    );
    if (!rows[0]) throw notFound('Udsættelsessagen');
    return rows[0];
  }

  private async requirePending(em: EntityManager, ctx: RequestContext, id: string, version: number) {
    const row = await this.requireEviction(em, ctx, id, true);
    if (row.version !== version) throw versionConflict(await this.view(em, ctx, row));
    if (row.status !== 'afventer_godkendelse')
      throw new DomainError('INVALID_STATE', 'Der er intet forslag til godkendelse.');
    return row;
  }

  private async assertTeamWorker(em: EntityManager, teamId: string, userId: string): Promise<void> {
    const rows = await em.query(
      `SELECT 1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id
        WHERE ut.team_id = $1 AND ut.user_id = $2 AND u.is_active AND u.role = ANY($3::text[])`,
      [teamId, userId, CASE_WORKER_ROLES],
    );
    if (!rows.length) throw fieldError('responsibleId', 'Medarbejderen er ikke med i teamet');
  }

  private async link(em: EntityManager, evictionId: string, caseId: string, authorId: string | null): Promise<void> {
    const inserted = await em.query(
      `INSERT INTO eviction_case_sag (eviction_case_id, sag_id, linked_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING sag_id`,
      [evictionId, caseId, authorId],
    );
    if (!inserted.length) return;
    await this.timeline.append(em, {
      caseId,
      type: TimelineEventType.EvictionLinked,
      authorId,
      data: { evictionId },
    });
    await this.timeline.touchCase(em, caseId);
  }

  /** Every linked case gets the event on its timeline. */
  private async toCases(
    em: EntityManager,
    evictionId: string,
    authorId: string | null,
    type: TimelineEventType,
    data: Record<string, unknown>,
  ): Promise<void> {
    const links: { sag_id: string }[] = await em.query(
      `SELECT sag_id FROM eviction_case_sag WHERE eviction_case_id = $1 ORDER BY linked_at`,
      [evictionId],
    );
    for (const l of links) {
      await this.timeline.append(em, { caseId: l.sag_id, type, authorId, data });
      await this.timeline.touchCase(em, l.sag_id);
    }
  }

  private async bump(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE eviction_case SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  private async logRead(
    ctx: RequestContext,
    em: EntityManager,
    id: string,
    type: AccessSubjectType = AccessSubjectType.Eviction,
  ) {
    await this.accessLog.record(
      ctx,
      { action: AccessAction.Read, subjectType: type, subjectId: id, purpose: PURPOSE },
      em,
    );
  }

  private async logWrite(ctx: RequestContext, em: EntityManager, id: string) {
    await this.accessLog.record(
      ctx,
      { action: AccessAction.Update, subjectType: AccessSubjectType.Eviction, subjectId: id, purpose: PURPOSE },
      em,
    );
  }

  /** Stage entries and the last established contact, for many cases in two queries. */
  private async facts(
    em: EntityManager,
    ids: string[],
  ): Promise<{ stages: Map<string, StageRow[]>; contacts: Map<string, string> }> {
    const stages = new Map<string, StageRow[]>();
    const contacts = new Map<string, string>();
    if (!ids.length) return { stages, contacts };
    const rows = await em.query(
      `SELECT s.*, to_char(s.stage_date, 'YYYY-MM-DD') AS d, to_char(s.stage_time, 'HH24:MI') AS t,
              to_char(s.move_out_date, 'YYYY-MM-DD') AS m, u.display_name AS recorded_by_name
         FROM eviction_stage s LEFT JOIN app_user u ON u.id = s.recorded_by
        WHERE s.eviction_case_id = ANY($1::uuid[]) ORDER BY s.recorded_at, s.id`,
      [ids],
    );
    for (const r of rows) {
      const entry: StageRow = {
        id: r.id,
        stage: r.stage,
        date: r.d,
        time: r.t,
        amount: r.amount === null ? null : Number(r.amount),
        source: r.source,
        notifiedBy: r.notified_by,
        channel: r.channel,
        moveOutDate: r.m,
        note: r.note,
        outOfOrder: r.out_of_order,
        recordedAt: (r.recorded_at as Date).toISOString(),
        recordedBy: user(r.recorded_by, r.recorded_by_name),
      };
      const list = stages.get(r.eviction_case_id) ?? [];
      list.push(entry);
      stages.set(r.eviction_case_id, list);
    }
    const last = await em.query(
      `SELECT l.eviction_case_id AS id, max(ca.occurred_at) AS at
         FROM eviction_case_sag l
         JOIN contact_attempt ca ON ca.sag_id = l.sag_id AND ca.outcome IN ('kontakt_etableret','aftale_lavet')
        WHERE l.eviction_case_id = ANY($1::uuid[]) GROUP BY l.eviction_case_id`,
      [ids],
    );
    for (const r of last) contacts.set(r.id, (r.at as Date).toISOString());
    return { stages, contacts };
  }

  private deadlines(r: EvictionRow, stages: StageRow[], today: string) {
    return computeDeadlines(stages, r.status, { due: r.sustained_due, checked: !!r.sustained_checked_at }, today);
  }

  private flags(r: EvictionRow, stages: StageRow[], lastContactAt: string | null, today: string) {
    return {
      noKommuneNotification: lacksKommuneNotification(stages, r.status),
      noRecentContact: lacksRecentContact(lastContactAt, r.status, today, NO_CONTACT_FLAG_DAYS),
      lastContactAt,
    };
  }

  private async summaries(em: EntityManager, rows: EvictionRow[], today: string): Promise<EvictionSummary[]> {
    const { stages, contacts } = await this.facts(
      em,
      rows.map((r) => r.id),
    );
    return rows.map((r) => this.summary(r, stages.get(r.id) ?? [], contacts.get(r.id) ?? null, today));
  }

  private summary(r: EvictionRow, stages: StageRow[], lastContact: string | null, today: string): EvictionSummary {
    return {
      id: r.id,
      tenancy: { id: r.lejemaal_id, address: r.address, lejemaalsnummer: r.lejemaalsnummer, afdeling: r.afdeling },
      ground: r.ground,
      status: r.status,
      currentStage: currentStage(stages),
      responsible: user(r.responsible_id, r.responsible_name),
      teamId: r.team_id,
      nextDeadline: nextDeadline(this.deadlines(r, stages, today)),
      flags: this.flags(r, stages, lastContact, today),
      outcome: r.outcome,
      version: r.version,
    };
  }

  private async view(em: EntityManager, ctx: RequestContext, r: EvictionRow): Promise<EvictionCase> {
    const today = danishToday();
    const { stages, contacts } = await this.facts(em, [r.id]);
    const own = stages.get(r.id) ?? [];
    const cases = await em.query(
      `SELECT s.id, s.case_number, s.status, p.name AS person_name
         FROM eviction_case_sag l JOIN sag s ON s.id = l.sag_id JOIN person p ON p.id = s.person_id
        WHERE l.eviction_case_id = $1 AND s.team_id = ANY($2::uuid[]) ORDER BY l.linked_at`,
      [r.id, ctx.teamIds],
    );
    const [arrears] = await em.query(
      `SELECT to_char(list_date, 'YYYY-MM-DD') AS list_date, amount, change FROM restance_row
        WHERE lejemaal_id = $1 AND accepted ORDER BY list_date DESC LIMIT 1`,
      [r.lejemaal_id],
    );
    return {
      ...this.summary(r, own, contacts.get(r.id) ?? null, today),
      cases: cases.map((c: Record<string, string>) => ({
        id: c['id'],
        caseNumber: c['case_number'],
        personName: c['person_name'],
        status: c['status'],
      })),
      stages: own,
      deadlines: this.deadlines(r, own, today),
      outcomeState: {
        outcome: r.outcome,
        note: r.outcome_note,
        rehousingNote: r.rehousing_note,
        proposedBy: user(r.proposed_by, r.proposed_by_name),
        proposedAt: iso(r.proposed_at),
        approvedBy: user(r.approved_by, r.approved_by_name),
        decidedAt: iso(r.decided_at),
        returnedReason: r.returned_reason,
      },
      sustained: r.sustained_due
        ? {
            dueDate: r.sustained_due,
            checkedAt: iso(r.sustained_checked_at),
            stillResident: r.sustained_still_resident,
            source: r.sustained_source,
            note: r.sustained_note,
          }
        : null,
      latestArrears: arrears
        ? { listDate: arrears.list_date, amount: Number(arrears.amount), change: arrears.change }
        : null,
      createdAt: r.created_at.toISOString(),
    };
  }
}
