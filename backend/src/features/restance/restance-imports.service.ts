import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  AccessAction,
  ColumnAliases,
  DEFAULT_TRIAGE_WEIGHTS,
  ImportCounts,
  ImportPreview,
  ImportProfile,
  RestanceField,
  RestanceImportSummary,
  Role,
  RowError,
  TriageWeights,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { TimelineWriter } from '../case-core/timeline.writer';
import { copyRows, CopyValue } from '../../common/database/copy';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { JobContext, JobsService } from '../jobs/jobs.service';
import { EvictionsService } from '../evictions/evictions.service';
import { parseAmount, parseDate, ParseError, parseInteger } from './parsing/danish-formats';
import { FileRejectedError } from './parsing/file-limits';
import { Inspection, inspectInWorker, ParseBudget, parseInWorker } from './parsing/parse-in-worker';
import { DEFAULT_ALIASES, ParsedRow, ParseResult } from './parsing/restance-parser';
import { CorrectRowDto, UpdateImportProfileDto, UploadRestanceDto } from './restance.dto';
import { triage } from './triage';

const JOB_TYPE = 'restance-import';

export interface RejectedRowView {
  id: string;
  importId: string;
  rowNumber: number;
  raw: Record<string, unknown>;
  errors: RowError[];
}
const MAX_ERRORS_SHOWN = 500;

interface PreviousRow {
  row_key: string;
  amount: string;
  repeat_count: number;
  outreach_status: string;
  attempts: number;
  assignee_id: string | null;
  case_id: string | null;
  lejemaal_id: string | null;
  afdeling_id: string | null;
  afdelingsnummer: string;
  lejemaalsnummer: string;
  tenant_names: string;
  address: string | null;
  change: string;
}

@Injectable()
export class RestanceImportsService implements OnModuleInit {
  private readonly logger = new Logger(RestanceImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
    private readonly evictions: EvictionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // Expiry well past the longest import: pg-boss 10 has no heartbeat, so a job running longer
    // would be retried beside itself (harmless, the commit is idempotent, but wasted work).
    await this.jobs.register(JOB_TYPE, (job) => this.process(job), {
      expireInSeconds: this.config.JOBS_IMPORT_EXPIRE_SECONDS,
      retryLimit: 3,
      retryDelaySeconds: 30,
    });
  }

  // ---- profiles ---------------------------------------------------------------------------------

  async profile(boligorganisationId: string, em: EntityManager = this.dataSource.manager): Promise<ImportProfile> {
    const [bo] = await em.query(`SELECT 1 FROM boligorganisation WHERE id = $1`, [boligorganisationId]);
    if (!bo) throw notFound('Boligorganisationen');
    const [row] = await em.query(`SELECT aliases, version FROM import_profile WHERE boligorganisation_id = $1`, [
      boligorganisationId,
    ]);
    return row
      ? { boligorganisationId, aliases: { ...DEFAULT_ALIASES, ...row.aliases }, isDefault: false, version: row.version }
      : { boligorganisationId, aliases: DEFAULT_ALIASES, isDefault: true, version: 0 };
  }

  async updateProfile(boligorganisationId: string, dto: UpdateImportProfileDto): Promise<ImportProfile> {
    const aliases = cleanAliases(dto.aliases);
    await this.dataSource.transaction(async (em) => {
      const current = await this.profile(boligorganisationId, em);
      if (current.version !== dto.version) throw versionConflict(current);
      await em.query(
        `INSERT INTO import_profile (boligorganisation_id, aliases) VALUES ($1, $2)
         ON CONFLICT (boligorganisation_id) DO UPDATE SET aliases = EXCLUDED.aliases, version = import_profile.version + 1, updated_at = now()`,
        [boligorganisationId, JSON.stringify(aliases)],
      );
    });
    return this.profile(boligorganisationId);
  }

  // ---- upload, preview, commit ------------------------------------------------------------------

  /** Dry run: parses, matches and compares with last month, and writes nothing. */
  async preview(ctx: RequestContext, dto: UploadRestanceDto): Promise<ImportPreview> {
    const content = this.decode(dto.base64);
    await this.assertMayImport(this.dataSource.manager, ctx, dto.boligorganisationId);
    const parsed = await this.parse(content, dto.boligorganisationId, 'request');
    const hash = sha256(content);
    const [existing] = await this.dataSource.query(
      `SELECT 1 FROM restance_import WHERE boligorganisation_id = $1 AND file_hash = $2 AND status = 'committed'`,
      [dto.boligorganisationId, hash],
    );
    const plan = await this.plan(this.dataSource.manager, dto.boligorganisationId, dto.listDate, parsed);
    return {
      filename: dto.filename,
      fileHash: hash,
      alreadyImported: !!existing,
      counts: plan.counts,
      errors: plan.errors.slice(0, MAX_ERRORS_SHOWN),
      missingColumns: parsed.missingColumns,
      detected: {
        encoding: parsed.table.encoding,
        delimiter: parsed.table.delimiter,
        format: parsed.table.format,
        headerRow: parsed.headerRow,
      },
    };
  }

  /** Stores the file and queues the commit as a background job; the answer carries its id for progress. */
  async upload(ctx: RequestContext, dto: UploadRestanceDto): Promise<RestanceImportSummary> {
    const content = this.decode(dto.base64);
    // Only a caller who may import for the organisation gets a parse worker (checked again below).
    await this.assertMayImport(this.dataSource.manager, ctx, dto.boligorganisationId);
    // Fail fast on an unreadable file or missing columns; the rows are parsed once, in the job.
    const inspected = await this.inspect(content, dto.boligorganisationId);
    if (inspected.missingColumns.length) throw missingColumns(inspected.missingColumns);
    const hash = sha256(content);
    const id = await this.dataSource.transaction(async (em) => {
      await this.assertMayImport(em, ctx, dto.boligorganisationId);
      const [done] = await em.query(
        `SELECT id FROM restance_import WHERE boligorganisation_id = $1 AND file_hash = $2 AND status IN ('committed','queued','running')`,
        [dto.boligorganisationId, hash],
      );
      const [row] = await em.query(
        `INSERT INTO restance_import (boligorganisation_id, list_date, filename, file_hash, file_content, status, created_by, committed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'unchanged' THEN now() END) RETURNING id`,
        [dto.boligorganisationId, dto.listDate, dto.filename, hash, content, done ? 'unchanged' : 'queued', ctx.userId],
      );
      if (!done) {
        const jobId = await this.jobs.enqueue(em, JOB_TYPE, { importId: row.id }, inspected.dataRows);
        await em.query(`UPDATE restance_import SET job_id = $2 WHERE id = $1`, [row.id, jobId]);
      }
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Create, purpose: 'Restanceliste indlæst', searchCriterion: `import:${row.id}` },
        em,
      );
      return row.id as string;
    });
    this.jobs.wake(JOB_TYPE); // committed: a worker can claim it now rather than at its next poll
    return this.get(ctx, id);
  }

  async list(ctx: RequestContext, boligorganisationId?: string): Promise<RestanceImportSummary[]> {
    const visible = await this.visibleBoligorganisationer(ctx);
    const ids = boligorganisationId ? visible.filter((b) => b === boligorganisationId) : visible;
    const rows = await this.dataSource.query(
      `${SUMMARY_SELECT} WHERE i.boligorganisation_id = ANY($1::uuid[]) ORDER BY i.created_at DESC LIMIT 50`,
      [ids],
    );
    return rows.map(toSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<RestanceImportSummary> {
    const [row] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE i.id = $1`, [id]);
    if (!row || !(await this.visibleBoligorganisationer(ctx)).includes(row.boligorganisation_id))
      throw notFound('Indlæsningen');
    return toSummary(row);
  }

  async rejectedRows(ctx: RequestContext, importId: string): Promise<RejectedRowView[]> {
    await this.get(ctx, importId);
    await this.accessLog.record(ctx, {
      action: AccessAction.Read,
      purpose: 'Restanceliste: afviste rækker',
      searchCriterion: `import:${importId}`,
    });
    // Lines of an afdeling only another team covers are left out; lines without a known afdeling are
    // the importers' to fix (ADR 0006).
    const rows = await this.dataSource.query(
      `SELECT r.id, r.import_id, r.row_number, r.raw, r.errors FROM restance_row r
        WHERE r.import_id = $1 AND NOT r.accepted AND ${this.rejectedLineScope(ctx, 'r', '$2')} ORDER BY r.row_number`,
      [importId, ctx.teamIds],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r['id'],
      importId: r['import_id'],
      rowNumber: r['row_number'],
      raw: r['raw'],
      errors: r['errors'],
    }));
  }

  /**
   * Applies a rejected row after a person corrected it: parsed with the same Danish rules, matched,
   * compared with last month and scored, in one transaction. Only on the newest list of the organisation.
   */
  async correctRow(ctx: RequestContext, rowId: string, dto: CorrectRowDto): Promise<RestanceImportSummary> {
    const importId = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT r.id, r.import_id, r.row_number, r.accepted, i.boligorganisation_id, i.list_date, i.status, i.counts
           FROM restance_row r JOIN restance_import i ON i.id = r.import_id
          WHERE r.id = $1 AND ${this.rejectedLineScope(ctx, 'r', '$2')} FOR UPDATE OF r, i`,
        [rowId, ctx.teamIds],
      );
      if (!row || !(await this.visibleBoligorganisationer(ctx, em)).includes(row.boligorganisation_id))
        throw notFound('Rækken');
      if (row.accepted) throw new DomainError('INVALID_STATE', 'Rækken er allerede godkendt.');
      const [newest] = await em.query(
        `SELECT id FROM restance_import WHERE boligorganisation_id = $1 AND status = 'committed' ORDER BY list_date DESC, committed_at DESC LIMIT 1`,
        [row.boligorganisation_id],
      );
      if (newest?.id !== row.import_id)
        throw new DomainError('INVALID_STATE', 'Kun rækker på den nyeste liste kan rettes.');
      const fields: Record<string, string[]> = {};
      const read = <T>(field: string, fn: () => T): T | null => {
        try {
          return fn();
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          fields[field] = [e.message];
          return null;
        }
      };
      const amount = read('amount', () => parseAmount(dto.amount));
      const months = read('months', () => parseInteger(dto.months));
      const oldestDueDate = read('oldestDueDate', () => parseDate(dto.oldestDueDate));
      const paakravDate = read('paakravDate', () => parseDate(dto.paakravDate));
      const ophaevelseDate = read('ophaevelseDate', () => parseDate(dto.ophaevelseDate));
      if (amount === null && !fields['amount']) fields['amount'] = ['Restancebeløbet mangler'];
      const [afdeling] = await em.query(
        `SELECT a.id, (SELECT ta.team_id FROM team_afdeling ta WHERE ta.afdeling_id = a.id LIMIT 1) AS team_id
           FROM afdeling a WHERE a.boligorganisation_id = $1 AND lower(a.afdelingsnummer) = lower($2)
            AND ${ctx.role === Role.Boligorganisation ? 'true' : 'a.id IN (SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY($3::uuid[]))'}`,
        [row.boligorganisation_id, dto.afdeling, ...(ctx.role === Role.Boligorganisation ? [] : [ctx.teamIds])],
      );
      if (!afdeling) fields['afdeling'] = [`Afdeling ${dto.afdeling} findes ikke hos boligorganisationen`];
      const key = `${dto.afdeling.toLowerCase()}|${dto.lejemaalsnummer.toLowerCase()}`;
      const taken = await em.query(
        `SELECT row_number FROM restance_row WHERE import_id = $1 AND row_key = $2 AND accepted AND change <> 'afviklet'`,
        [row.import_id, key],
      );
      if (taken.length) fields['lejemaalsnummer'] = [`Lejemålet står allerede i række ${taken[0].row_number}`];
      if (Object.keys(fields).length)
        throw new DomainError('VALIDATION_FAILED', 'Der er fejl i de indtastede oplysninger.', { fields });
      const listDate = toIsoDate(row.list_date);
      const [existing] = await em.query(
        `SELECT l.id FROM lejemaal l WHERE l.afdeling_id = $1 AND lower(l.lejemaalsnummer) = lower($2)`,
        [afdeling.id, dto.lejemaalsnummer],
      );
      const tenancyId: string =
        existing?.id ??
        (
          await em.query(
            `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer) VALUES ($1, $2, $3) RETURNING id`,
            [afdeling.id, dto.address ?? `Lejemål ${dto.lejemaalsnummer}`, dto.lejemaalsnummer],
          )
        )[0].id;
      // Last month is the list before this one (as in the import's own comparison).
      const [prev] = await em.query(
        `SELECT r.amount, r.repeat_count, r.outreach_status, r.attempts, r.assignee_id, r.case_id, r.change FROM restance_row r
          WHERE r.import_id = (SELECT i.id FROM restance_import i WHERE i.boligorganisation_id = $1 AND i.status = 'committed'
                                  AND i.id <> $3 AND i.list_date <= $4 ORDER BY i.list_date DESC, i.committed_at DESC LIMIT 1)
            AND r.row_key = $2 AND r.accepted`,
        [row.boligorganisation_id, key, row.import_id, listDate],
      );
      const prevAmount = prev && prev.change !== 'afviklet' ? Number(prev.amount) : null;
      const change =
        prevAmount === null
          ? 'ny'
          : (amount as number) > prevAmount
            ? 'steget'
            : (amount as number) < prevAmount
              ? 'faldet'
              : 'uaendret';
      const [{ children }] = await em.query(
        `SELECT EXISTS (SELECT 1 FROM household h JOIN household_member m ON m.household_id = h.id WHERE h.lejemaal_id = $1 AND m.relation = 'barn') AS children`,
        [tenancyId],
      );
      const [weightsRow] = afdeling.team_id
        ? await em.query(`SELECT weights FROM triage_weights WHERE team_id = $1`, [afdeling.team_id])
        : [];
      const outreach = prev && prev.change !== 'afviklet' ? prev.outreach_status : 'ikke_kontaktet';
      const repeatCount = prev && prev.change !== 'afviklet' ? prev.repeat_count + 1 : 1;
      const { priority, reasons } = triage(
        {
          amount: amount as number,
          months,
          paakravDate,
          ophaevelseDate,
          hasChildren: children,
          contacted: outreach !== 'ikke_kontaktet',
          repeatCount,
          hasAgreement: !!dto.hasAgreement,
          change,
        },
        { ...DEFAULT_TRIAGE_WEIGHTS, ...(weightsRow?.weights ?? {}) },
      );
      // The "afviklet" row this tenancy got while its line was rejected is no longer true.
      const gone = await em.query(
        `DELETE FROM restance_row WHERE import_id = $1 AND row_key = $2 AND change = 'afviklet' RETURNING id`,
        [row.import_id, key],
      );
      await em.query(
        `UPDATE restance_row SET accepted = true, errors = '[]', row_key = $2, afdeling_id = $3, lejemaal_id = $4, afdelingsnummer = $5,
                lejemaalsnummer = $6, tenant_names = $7, address = $8, amount = $9, previous_amount = $10, months = $11, oldest_due_date = $12,
                paakrav_date = $13, ophaevelse_date = $14, has_agreement = $15, change = $16, repeat_count = $17, priority = $18, reasons = $19,
                outreach_status = $20, attempts = $21, assignee_id = $22, case_id = $23, version = version + 1
          WHERE id = $1`,
        [
          rowId,
          key,
          afdeling.id,
          tenancyId,
          dto.afdeling,
          dto.lejemaalsnummer,
          dto.tenantNames ?? '',
          dto.address ?? null,
          amount,
          prevAmount,
          months,
          oldestDueDate,
          paakravDate,
          ophaevelseDate,
          !!dto.hasAgreement,
          change,
          repeatCount,
          priority,
          JSON.stringify(reasons),
          outreach,
          prev && prev.change !== 'afviklet' ? prev.attempts : 0,
          prev?.assignee_id ?? null,
          prev?.case_id ?? null,
        ],
      );
      const counts: ImportCounts = row.counts;
      counts.rejected -= 1;
      if (change === 'ny') counts.new += 1;
      else if (change === 'uaendret') counts.unchanged += 1;
      else counts.changed += 1;
      counts.disappeared -= (gone[0] as unknown[]).length;
      const errors = (
        await em.query(`SELECT errors FROM restance_import WHERE id = $1`, [row.import_id])
      )[0].errors.filter((e: RowError) => e.row !== row.row_number);
      await em.query(`UPDATE restance_import SET counts = $2, errors = $3 WHERE id = $1`, [
        row.import_id,
        JSON.stringify(counts),
        JSON.stringify(errors),
      ]);
      // Idempotent: stages already recorded from this list are skipped.
      await this.evictions.syncFromRestance(em, row.import_id, ctx.userId);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          purpose: 'Restanceliste: række rettet',
          searchCriterion: `import:${row.import_id}`,
        },
        em,
      );
      return row.import_id as string;
    });
    return this.get(ctx, importId);
  }

  /** The job: everything in one transaction, so a list is either fully applied or not at all. */
  private async process(job: JobContext): Promise<void> {
    const importId = job.payload['importId'] as string;
    const [imp] = await this.dataSource.query(`SELECT * FROM restance_import WHERE id = $1`, [importId]);
    // "running" too: a crash or an expired job left it so; the commit below decides who applies it.
    if (!imp || !['queued', 'running'].includes(imp.status)) return;
    await this.dataSource.query(
      `UPDATE restance_import SET status = 'running' WHERE id = $1 AND status IN ('queued','running')`,
      [importId],
    );
    // Phase timings for operations (counts and milliseconds only, never row content).
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      timings[phase] = Math.round(now - mark);
      mark = now;
    };
    try {
      const parsed = await this.parse(imp.file_content, imp.boligorganisation_id);
      lap('parse');
      const total = parsed.accepted.length + parsed.rejected.length;
      await job.progress(0, total);
      await this.dataSource.transaction(async (em) => {
        // One import per boligorganisation at a time keeps month-over-month comparisons consistent.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`restance:${imp.boligorganisation_id}`]);
        // Idempotent: a retried job (its first run expired, or its process died after the commit)
        // finds the list already applied and leaves it as it is.
        const [current] = await em.query(`SELECT status FROM restance_import WHERE id = $1 FOR UPDATE`, [importId]);
        if (!current || !['queued', 'running'].includes(current.status)) return;
        const [dup] = await em.query(
          `SELECT 1 FROM restance_import WHERE boligorganisation_id = $1 AND file_hash = $2 AND status = 'committed'`,
          [imp.boligorganisation_id, imp.file_hash],
        );
        if (dup) {
          await em.query(`UPDATE restance_import SET status = 'unchanged', committed_at = now() WHERE id = $1`, [
            importId,
          ]);
          return;
        }
        const plan = await this.plan(em, imp.boligorganisation_id, toIsoDate(imp.list_date), parsed, true);
        lap('plan');
        // Every row in one COPY on the transaction's connection; progress after every chunk.
        await copyRows(
          em,
          'restance_row',
          ROW_COLUMNS,
          plan.rows.map((r) => rowValues(importId, imp.boligorganisation_id, toIsoDate(imp.list_date), r)),
          (done) => job.progress(done, plan.rows.length),
        );
        lap('rows');
        for (const event of plan.caseEvents) {
          await this.timeline.append(em, {
            caseId: event.caseId,
            type: 'arrears_update',
            authorId: imp.created_by,
            data: event.data,
          });
          await this.timeline.touchCase(em, event.caseId);
        }
        lap('caseEvents');
        // Påkrav and ophævelse dates on the list open or update the lejemål's udsættelsessag.
        await this.evictions.syncFromRestance(em, importId, imp.created_by);
        lap('evictions');
        await em.query(
          `UPDATE restance_import SET status = 'committed', counts = $2, errors = $3, committed_at = now() WHERE id = $1`,
          [importId, JSON.stringify(plan.counts), JSON.stringify(plan.errors.slice(0, MAX_ERRORS_SHOWN))],
        );
      });
      lap('commit');
      this.logger.log({ importId, rows: total, ms: timings }, 'Restance list imported');
      // A month's list can double the table: refresh the planner's statistics for the worklist queries.
      // The tenancies it created sit in the address trigram index's pending list, which every address
      // search reads through until a vacuum: move them into the index now.
      await this.dataSource.query(`VACUUM (ANALYZE) restance_row, lejemaal`);
    } catch (error) {
      const message =
        error instanceof ParseError || error instanceof DomainError
          ? error.message
          : 'Indlæsningen fejlede. Prøv igen.';
      const isFileError = error instanceof ParseError || error instanceof DomainError || isDataError(error);
      // Anything else (the database went away, the process is stopping) is retried by the queue;
      // the list fails only when the file is at fault or the last attempt has failed.
      if (isFileError || job.isLastAttempt) {
        await this.dataSource.query(
          `UPDATE restance_import SET status = 'failed', error = $2 WHERE id = $1 AND status IN ('queued','running')`,
          [importId, message],
        );
      }
      if (!isFileError) throw error;
    }
  }

  /**
   * Matching, month-over-month comparison and triage. With `write`, unknown tenancies are created;
   * without, nothing is written (the preview).
   */
  private async plan(
    em: EntityManager,
    boligorganisationId: string,
    listDate: string,
    parsed: ParseResult,
    write = false,
  ) {
    const afdelinger: Array<{ id: string; afdelingsnummer: string; team_id: string | null }> = await em.query(
      `SELECT a.id, a.afdelingsnummer, (SELECT ta.team_id FROM team_afdeling ta WHERE ta.afdeling_id = a.id LIMIT 1) AS team_id
         FROM afdeling a WHERE a.boligorganisation_id = $1`,
      [boligorganisationId],
    );
    const byNummer = new Map(afdelinger.map((a) => [a.afdelingsnummer.toLowerCase(), a]));
    const weightsByTeam = new Map<string, TriageWeights>(
      (await em.query(`SELECT team_id, weights FROM triage_weights`)).map(
        (w: { team_id: string; weights: TriageWeights }) => [w.team_id, { ...DEFAULT_TRIAGE_WEIGHTS, ...w.weights }],
      ),
    );
    const [previousImport] = await em.query(
      `SELECT id FROM restance_import WHERE boligorganisation_id = $1 AND status = 'committed' AND list_date <= $2 ORDER BY list_date DESC, committed_at DESC LIMIT 1`,
      [boligorganisationId, listDate],
    );
    const previous = new Map<string, PreviousRow>();
    if (previousImport) {
      const rows: PreviousRow[] = await em.query(
        `SELECT row_key, amount, repeat_count, outreach_status, attempts, assignee_id, case_id, lejemaal_id, afdeling_id,
                afdelingsnummer, lejemaalsnummer, tenant_names, address, change
           FROM restance_row WHERE import_id = $1 AND accepted`,
        [previousImport.id],
      );
      for (const r of rows) previous.set(r.row_key, r);
    }
    const tenancies = new Map<string, string>(
      (
        await em.query(
          `SELECT lower(a.afdelingsnummer) || '|' || lower(l.lejemaalsnummer) AS key, l.id FROM lejemaal l JOIN afdeling a ON a.id = l.afdeling_id
            WHERE a.boligorganisation_id = $1`,
          [boligorganisationId],
        )
      ).map((r: { key: string; id: string }) => [r.key, r.id]),
    );
    const withChildren = new Set<string>(
      (
        await em.query(
          `SELECT DISTINCT h.lejemaal_id FROM household h JOIN household_member m ON m.household_id = h.id
            JOIN lejemaal l ON l.id = h.lejemaal_id JOIN afdeling a ON a.id = l.afdeling_id
            WHERE m.relation = 'barn' AND a.boligorganisation_id = $1`,
          [boligorganisationId],
        )
      ).map((r: { lejemaal_id: string }) => r.lejemaal_id),
    );
    const openCases = new Map<string, string[]>();
    for (const c of await em.query(
      `SELECT s.id, s.lejemaal_id FROM sag s JOIN lejemaal l ON l.id = s.lejemaal_id JOIN afdeling a ON a.id = l.afdeling_id
        WHERE s.status <> 'afsluttet' AND a.boligorganisation_id = $1`,
      [boligorganisationId],
    )) {
      openCases.set(c.lejemaal_id, [...(openCases.get(c.lejemaal_id) ?? []), c.id]);
    }

    const errors: RowError[] = parsed.rejected.flatMap((r) => r.errors);
    // A rejected line whose afdeling is known belongs to the teams that cover it (ADR 0006).
    const rows: RowValues[] = parsed.rejected.map((r) =>
      rejectedRow(r.rowNumber, r.raw, r.errors, byNummer.get((r.afdeling ?? '').toLowerCase())?.id ?? null),
    );
    const counts: ImportCounts = {
      total: parsed.accepted.length + parsed.rejected.length,
      new: 0,
      changed: 0,
      unchanged: 0,
      disappeared: 0,
      rejected: parsed.rejected.length,
    };
    const caseEvents: Array<{ caseId: string; data: Record<string, unknown> }> = [];
    const seen = new Set<string>();

    if (write) {
      // Tenancies the list names that Bofast does not know yet are created in one statement.
      const unknown = parsed.accepted.filter((p) => byNummer.has(p.afdeling.toLowerCase()) && !tenancies.has(p.key));
      if (unknown.length) {
        const created: Array<{ id: string; key: string }> = await em.query(
          `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer)
           SELECT x.afdeling_id, x.address, x.nummer FROM jsonb_to_recordset($1::jsonb) AS x(afdeling_id uuid, address text, nummer text)
           RETURNING id, (SELECT lower(a.afdelingsnummer) FROM afdeling a WHERE a.id = afdeling_id) || '|' || lower(lejemaalsnummer) AS key`,
          [
            JSON.stringify(
              unknown.map((p) => ({
                afdeling_id: byNummer.get(p.afdeling.toLowerCase())?.id,
                address: p.address ?? `Lejemål ${p.lejemaalsnummer}`,
                nummer: p.lejemaalsnummer,
              })),
            ),
          ],
        );
        for (const c of created) tenancies.set(c.key, c.id);
      }
    }

    for (const p of parsed.accepted) {
      const afdeling = byNummer.get(p.afdeling.toLowerCase());
      if (!afdeling) {
        const error = {
          row: p.rowNumber,
          column: 'afdeling',
          value: p.afdeling,
          message: `Afdeling ${p.afdeling} findes ikke hos boligorganisationen`,
        };
        errors.push(error);
        rows.push(rejectedRow(p.rowNumber, p.raw, [error]));
        counts.rejected++;
        continue;
      }
      seen.add(p.key);
      const tenancyId = tenancies.get(p.key) ?? null;
      const prev = previous.get(p.key);
      const prevAmount = prev && prev.change !== 'afviklet' ? Number(prev.amount) : null;
      const change =
        prevAmount === null ? 'ny' : p.amount > prevAmount ? 'steget' : p.amount < prevAmount ? 'faldet' : 'uaendret';
      if (change === 'ny') counts.new++;
      else if (change === 'uaendret') counts.unchanged++;
      else counts.changed++;
      const repeatCount = prev && prev.change !== 'afviklet' ? prev.repeat_count + 1 : 1;
      const cases = tenancyId ? (openCases.get(tenancyId) ?? []) : [];
      const outreach =
        prev?.outreach_status && prev.change !== 'afviklet'
          ? prev.outreach_status
          : cases.length
            ? 'sag_oprettet'
            : 'ikke_kontaktet';
      const weights = (afdeling.team_id && weightsByTeam.get(afdeling.team_id)) || DEFAULT_TRIAGE_WEIGHTS;
      const { priority, reasons } = triage(
        {
          amount: p.amount,
          months: p.months,
          paakravDate: p.paakravDate,
          ophaevelseDate: p.ophaevelseDate,
          hasChildren: tenancyId ? withChildren.has(tenancyId) : false,
          contacted: outreach !== 'ikke_kontaktet' || cases.length > 0,
          repeatCount,
          hasAgreement: p.hasAgreement,
          change,
        },
        weights,
      );
      rows.push(
        acceptedRow(
          p,
          afdeling.id,
          tenancyId,
          change,
          prevAmount,
          repeatCount,
          priority,
          reasons,
          prev,
          outreach,
          cases[0] ?? prev?.case_id ?? null,
        ),
      );
      for (const caseId of cases) {
        caseEvents.push({
          caseId,
          data: {
            listDate,
            amount: p.amount,
            previousAmount: prevAmount,
            change,
            months: p.months,
            paakravDate: p.paakravDate,
            ophaevelseDate: p.ophaevelseDate,
          },
        });
      }
    }
    // Tenancies on last month's list and not on this one: the arrears are gone (afviklet).
    for (const prev of previous.values()) {
      if (seen.has(prev.row_key) || prev.change === 'afviklet') continue;
      counts.disappeared++;
      rows.push(goneRow(prev));
      for (const caseId of prev.lejemaal_id ? (openCases.get(prev.lejemaal_id) ?? []) : []) {
        caseEvents.push({
          caseId,
          data: { listDate, amount: 0, previousAmount: Number(prev.amount), change: 'afviklet' },
        });
      }
    }
    return { counts, errors, rows, caseEvents };
  }

  // Both read the file in a worker thread within a time budget (parse-in-worker.ts): a request
  // answers within ~5 s and the event loop stays free whatever the file holds.
  private async inspect(content: Buffer, boligorganisationId: string): Promise<Inspection> {
    const profile = await this.profile(boligorganisationId);
    return readingFile(() => inspectInWorker(content, profile.aliases, 'request'));
  }

  private async parse(content: Buffer, boligorganisationId: string, budget: ParseBudget = 'job'): Promise<ParseResult> {
    const profile = await this.profile(boligorganisationId);
    return readingFile(() => parseInWorker(content, profile.aliases, budget));
  }

  private decode(base64: string): Buffer {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw fieldError('base64', 'Filen kunne ikke læses');
    return Buffer.from(base64, 'base64');
  }

  /** Boligorganisation users import for their own organisation; staff for the ones their teams cover. */
  private async assertMayImport(em: EntityManager, ctx: RequestContext, boligorganisationId: string): Promise<void> {
    if (!(await this.visibleBoligorganisationer(ctx, em)).includes(boligorganisationId))
      throw notFound('Boligorganisationen');
  }

  /**
   * SQL condition on restance_row `r` for a rejected line: the organisation's own uploader sees all
   * its lines; staff see lines without a known afdeling and those of afdelinger their teams cover.
   * (`teams` is a uuid[] parameter; the boligorganisation role leaves it unused.)
   */
  private rejectedLineScope(ctx: RequestContext, r: string, teams: string): string {
    if (ctx.role === Role.Boligorganisation) return `(${teams}::uuid[] IS NOT NULL OR true)`;
    return `(${r}.afdeling_id IS NULL OR ${r}.afdeling_id IN (SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY(${teams}::uuid[])))`;
  }

  async visibleBoligorganisationer(
    ctx: RequestContext,
    em: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (ctx.role === Role.Boligorganisation) {
      const rows = await em.query(
        `SELECT boligorganisation_id FROM app_user WHERE id = $1 AND boligorganisation_id IS NOT NULL`,
        [ctx.userId],
      );
      return rows.map((r: { boligorganisation_id: string }) => r.boligorganisation_id);
    }
    const rows = await em.query(
      `SELECT DISTINCT a.boligorganisation_id FROM team_afdeling ta JOIN afdeling a ON a.id = ta.afdeling_id WHERE ta.team_id = ANY($1::uuid[])`,
      [ctx.teamIds],
    );
    return rows.map((r: { boligorganisation_id: string }) => r.boligorganisation_id);
  }
}

// ---- rows -----------------------------------------------------------------------------------------

interface RowValues {
  rowNumber: number;
  rowKey: string;
  accepted: boolean;
  errors: RowError[];
  raw: Record<string, unknown>;
  afdelingId: string | null;
  lejemaalId: string | null;
  afdelingsnummer: string;
  lejemaalsnummer: string;
  tenantNames: string;
  address: string | null;
  amount: number | null;
  previousAmount: number | null;
  months: number | null;
  oldestDueDate: string | null;
  paakravDate: string | null;
  ophaevelseDate: string | null;
  hasAgreement: boolean;
  remarks: string | null;
  change: string | null;
  repeatCount: number;
  priority: number;
  reasons: unknown[];
  outreachStatus: string;
  attempts: number;
  assigneeId: string | null;
  caseId: string | null;
}

const EMPTY = {
  afdelingId: null,
  lejemaalId: null,
  afdelingsnummer: '',
  lejemaalsnummer: '',
  tenantNames: '',
  address: null,
  amount: null,
  previousAmount: null,
  months: null,
  oldestDueDate: null,
  paakravDate: null,
  ophaevelseDate: null,
  hasAgreement: false,
  remarks: null,
  change: null,
  repeatCount: 0,
  priority: 0,
  reasons: [],
  outreachStatus: 'ikke_kontaktet',
  attempts: 0,
  assigneeId: null,
  caseId: null,
};

function rejectedRow(
  rowNumber: number,
  raw: Record<string, unknown>,
  errors: RowError[],
  afdelingId: string | null = null,
): RowValues {
  return { ...EMPTY, afdelingId, rowNumber, rowKey: `afvist|${rowNumber}`, accepted: false, errors, raw };
}

function acceptedRow(
  p: ParsedRow,
  afdelingId: string,
  lejemaalId: string | null,
  change: string,
  previousAmount: number | null,
  repeatCount: number,
  priority: number,
  reasons: unknown[],
  prev: PreviousRow | undefined,
  outreachStatus: string,
  caseId: string | null,
): RowValues {
  return {
    rowNumber: p.rowNumber,
    rowKey: p.key,
    accepted: true,
    errors: [],
    raw: p.raw,
    afdelingId,
    lejemaalId,
    afdelingsnummer: p.afdeling,
    lejemaalsnummer: p.lejemaalsnummer,
    tenantNames: p.tenantNames,
    address: p.address,
    amount: p.amount,
    previousAmount,
    months: p.months,
    oldestDueDate: p.oldestDueDate,
    paakravDate: p.paakravDate,
    ophaevelseDate: p.ophaevelseDate,
    hasAgreement: p.hasAgreement,
    remarks: p.remarks,
    change,
    repeatCount,
    priority,
    reasons,
    outreachStatus,
    attempts: prev && prev.change !== 'afviklet' ? prev.attempts : 0,
    assigneeId: prev?.assignee_id ?? null,
    caseId,
  };
}

function goneRow(prev: PreviousRow): RowValues {
  return {
    ...EMPTY,
    rowNumber: 0,
    rowKey: prev.row_key,
    accepted: true,
    errors: [],
    raw: {},
    afdelingId: prev.afdeling_id,
    lejemaalId: prev.lejemaal_id,
    afdelingsnummer: prev.afdelingsnummer,
    lejemaalsnummer: prev.lejemaalsnummer,
    tenantNames: prev.tenant_names,
    address: prev.address,
    amount: 0,
    previousAmount: Number(prev.amount),
    change: 'afviklet',
    outreachStatus: prev.outreach_status,
    attempts: prev.attempts,
    assigneeId: prev.assignee_id,
    caseId: prev.case_id,
  };
}

const ROW_COLUMNS = [
  'import_id',
  'boligorganisation_id',
  'list_date',
  'row_number',
  'row_key',
  'accepted',
  'errors',
  'raw',
  'afdeling_id',
  'lejemaal_id',
  'afdelingsnummer',
  'lejemaalsnummer',
  'tenant_names',
  'address',
  'amount',
  'previous_amount',
  'months',
  'oldest_due_date',
  'paakrav_date',
  'ophaevelse_date',
  'has_agreement',
  'remarks',
  'change',
  'repeat_count',
  'priority',
  'reasons',
  'outreach_status',
  'attempts',
  'assignee_id',
  'case_id',
] as const;

function rowValues(importId: string, boligorganisationId: string, listDate: string, r: RowValues): CopyValue[] {
  return [
    importId,
    boligorganisationId,
    listDate,
    r.rowNumber,
    r.rowKey,
    r.accepted,
    r.errors,
    r.raw,
    r.afdelingId,
    r.lejemaalId,
    r.afdelingsnummer,
    r.lejemaalsnummer,
    r.tenantNames,
    r.address,
    r.amount,
    r.previousAmount,
    r.months,
    r.oldestDueDate,
    r.paakravDate,
    r.ophaevelseDate,
    r.hasAgreement,
    r.remarks,
    r.change,
    r.repeatCount,
    r.priority,
    r.reasons,
    r.outreachStatus,
    r.attempts,
    r.assigneeId,
    r.caseId,
  ];
}

// ---- helpers --------------------------------------------------------------------------------------

const SUMMARY_SELECT = `SELECT i.id, i.boligorganisation_id, b.name AS boligorganisation_name, i.list_date, i.filename, i.status, i.counts,
    i.errors, i.error, i.created_at, i.committed_at, i.purged_at, coalesce(j.progress_done, 0) AS progress_done, coalesce(j.progress_total, 0) AS progress_total,
    CASE WHEN i.status <> 'committed' THEN NULL
         WHEN EXISTS (SELECT 1 FROM restance_import n WHERE n.boligorganisation_id = i.boligorganisation_id AND n.status = 'committed'
                       AND (n.list_date > i.list_date OR (n.list_date = i.list_date AND n.committed_at > i.committed_at))) THEN 'lukket'
         WHEN NOT EXISTS (SELECT 1 FROM restance_row r WHERE r.import_id = i.id AND r.accepted AND r.change <> 'afviklet'
                           AND r.outreach_status = 'ikke_kontaktet') THEN 'bearbejdet'
         WHEN NOT EXISTS (SELECT 1 FROM restance_row r WHERE r.import_id = i.id AND r.accepted AND r.change <> 'afviklet'
                           AND r.assignee_id IS NULL) THEN 'fordelt'
         ELSE 'modtaget' END AS list_state
  FROM restance_import i JOIN boligorganisation b ON b.id = i.boligorganisation_id LEFT JOIN job j ON j.id = i.job_id`;

function toSummary(r: Record<string, never>): RestanceImportSummary {
  return {
    id: r['id'],
    boligorganisation: { id: r['boligorganisation_id'], name: r['boligorganisation_name'] },
    listDate: toIsoDate(r['list_date']),
    filename: r['filename'],
    status: r['status'],
    progress: { done: r['progress_done'], total: r['progress_total'] },
    counts: r['counts'],
    errors: r['errors'] ?? [],
    error: r['error'],
    createdAt: (r['created_at'] as Date).toISOString(),
    committedAt: r['committed_at'] ? (r['committed_at'] as Date).toISOString() : null,
    listState: r['list_state'],
    purgedAt: r['purged_at'] ? (r['purged_at'] as Date).toISOString() : null,
  };
}

export function toIsoDate(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function missingColumns(fields: RestanceField[]): DomainError {
  const names: Record<string, string> = {
    afdeling: 'afdeling',
    lejemaalsnummer: 'lejemålsnummer',
    amount: 'restancebeløb',
  };
  return fieldError(
    'base64',
    `Filen mangler kolonner: ${fields.map((f) => names[f] ?? f).join(', ')}. Ret importprofilen eller filen.`,
  );
}

function cleanAliases(input: Record<string, unknown>): ColumnAliases {
  const out = { ...DEFAULT_ALIASES };
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_ALIASES)) throw fieldError('aliases', `Ukendt felt: ${key}`);
    const list = input[key];
    if (
      !Array.isArray(list) ||
      list.some((a) => typeof a !== 'string' || a.trim() === '' || a.length > 60) ||
      list.length > 30
    ) {
      throw fieldError('aliases', `Overskrifterne for ${key} skal være en liste af tekster`);
    }
    out[key as RestanceField] = list.map((a: string) => a.trim());
  }
  return out;
}

/** A file the parser refuses: 422 FILE_REJECTED for a limit, 400 on the file field for unreadable content. */
async function readingFile<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof FileRejectedError) {
      throw new DomainError('FILE_REJECTED', error.message, { fields: { base64: [error.message] } });
    }
    if (error instanceof ParseError) throw fieldError('base64', error.message);
    throw error;
  }
}

// SQLSTATE classes 22 (data exception, e.g. an amount too large) and 23 (integrity): the file's
// content is at fault, and a retry would fail the same way.
function isDataError(error: unknown): boolean {
  // A raw pg error (the COPY) carries the code itself; TypeORM's QueryFailedError wraps it.
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
