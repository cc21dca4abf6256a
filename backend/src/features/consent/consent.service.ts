import { Injectable } from '@nestjs/common';
import { AccessAction, AccessSubjectType, CONSENT_DEFAULT_MONTHS, Consent, ConsentCoverage } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { ConsentCoverageService, consentStatus } from './consent-coverage.service';
import { TimelineWriter } from '../case-core/timeline.writer';
import { CASEWORK_PURPOSE } from '../people/people.service';
import { CoverageQueryDto, CreateConsentDto, WithdrawConsentDto } from './consent.dto';

const PURPOSE = `${CASEWORK_PURPOSE}: samtykke`;
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly coverage: ConsentCoverageService,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
  ) {}

  async listForPerson(ctx: RequestContext, personId: string): Promise<Consent[]> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requirePerson(em, ctx, personId);
      const ids: Array<{ id: string }> = await em.query(
        `SELECT id FROM consent WHERE person_id = $1 ORDER BY given_at DESC`,
        [personId],
      );
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, subjectType: AccessSubjectType.Person, subjectId: personId, purpose: PURPOSE },
        em,
      );
      return this.byIds(
        em,
        ids.map((i) => i.id),
      );
    });
  }

  async create(ctx: RequestContext, dto: CreateConsentDto): Promise<Consent> {
    if (dto.form === 'mundtlig' && !dto.witnessName)
      throw fieldError('witnessName', 'Et mundtligt samtykke kræver et vidne');
    const document = dto.document ? this.decodeDocument(dto.document.base64, dto.document.contentType) : null;
    const givenAt = dto.givenAt ? new Date(dto.givenAt) : new Date();
    if (givenAt.getTime() > Date.now() + 60_000) throw fieldError('givenAt', 'Datoen ligger i fremtiden');
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : addMonths(givenAt, CONSENT_DEFAULT_MONTHS);
    if (expiresAt <= givenAt) throw fieldError('expiresAt', 'Udløbsdatoen skal ligge efter datoen for samtykket');
    const id = await this.dataSource.transaction(async (em) => {
      await this.access.requirePerson(em, ctx, dto.personId);
      if (dto.caseId) {
        const c = await this.access.requireCase(em, ctx, dto.caseId);
        if (c.person_id !== dto.personId) throw fieldError('caseId', 'Sagen hører ikke til personen');
      }
      const recipients = [...new Set(dto.recipientIds)];
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM partner_organisation WHERE id = ANY($1::uuid[])`, [
        recipients,
      ]);
      if (n !== recipients.length) throw fieldError('recipientIds', 'En eller flere modtagere findes ikke');
      const [row] = await em.query(
        `INSERT INTO consent (person_id, sag_id, data_categories, purposes, direction, form, witness_name, interpreter_used,
                              document, document_filename, document_content_type, given_at, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          dto.personId,
          dto.caseId ?? null,
          [...new Set(dto.dataCategories)],
          [...new Set(dto.purposes)],
          dto.direction,
          dto.form,
          dto.witnessName ?? null,
          dto.interpreterUsed ?? false,
          document,
          dto.document?.filename ?? null,
          dto.document?.contentType ?? null,
          givenAt,
          expiresAt,
          ctx.userId,
        ],
      );
      await em.query(
        `INSERT INTO consent_recipient (consent_id, partner_organisation_id) SELECT $1, unnest($2::uuid[])`,
        [row.id, recipients],
      );
      const names = await em.query(`SELECT name FROM partner_organisation WHERE id = ANY($1::uuid[]) ORDER BY name`, [
        recipients,
      ]);
      for (const caseId of await this.casesToNotify(em, ctx, dto.personId, dto.caseId ?? null)) {
        await this.timeline.append(em, {
          caseId,
          type: 'consent_given',
          occurredAt: givenAt,
          authorId: ctx.userId,
          data: {
            consentId: row.id,
            recipients: names.map((r: { name: string }) => r.name),
            dataCategories: dto.dataCategories,
            purposes: dto.purposes,
            form: dto.form,
            expiresAt: expiresAt.toISOString(),
          },
        });
        await this.timeline.touchCase(em, caseId);
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Create,
          subjectType: AccessSubjectType.Person,
          subjectId: dto.personId,
          purpose: PURPOSE,
        },
        em,
      );
      return row.id as string;
    });
    return (await this.byIds(this.dataSource.manager, [id]))[0];
  }

  /** Withdrawal takes effect at once: coverage checks from this moment on answer no. */
  async withdraw(ctx: RequestContext, id: string, dto: WithdrawConsentDto): Promise<Consent> {
    await this.dataSource.transaction(async (em) => {
      const [c] = await em.query(
        `SELECT id, person_id, sag_id, withdrawn_at, version FROM consent WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!c) throw notFound('Samtykket');
      await this.access.requirePerson(em, ctx, c.person_id);
      if (c.version !== dto.version) throw versionConflict((await this.byIds(em, [id]))[0]);
      if (c.withdrawn_at) throw fieldError('method', 'Samtykket er allerede tilbagekaldt');
      await em.query(
        `UPDATE consent SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_method = $3, withdrawal_note = $4, version = version + 1 WHERE id = $1`,
        [id, ctx.userId, dto.method, dto.note ?? null],
      );
      for (const caseId of await this.casesToNotify(em, ctx, c.person_id, c.sag_id)) {
        await this.timeline.append(em, {
          caseId,
          type: 'consent_withdrawn',
          authorId: ctx.userId,
          text: dto.note ?? null,
          data: { consentId: id, method: dto.method },
        });
        await this.timeline.touchCase(em, caseId);
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.Person,
          subjectId: c.person_id,
          purpose: PURPOSE,
        },
        em,
      );
    });
    return (await this.byIds(this.dataSource.manager, [id]))[0];
  }

  async document(ctx: RequestContext, id: string): Promise<{ filename: string; contentType: string; content: Buffer }> {
    return this.dataSource.transaction(async (em) => {
      const [c] = await em.query(
        `SELECT person_id, document, document_filename, document_content_type FROM consent WHERE id = $1`,
        [id],
      );
      if (!c) throw notFound('Samtykket');
      await this.access.requirePerson(em, ctx, c.person_id);
      if (!c.document) throw notFound('Dokumentet');
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Read,
          subjectType: AccessSubjectType.Person,
          subjectId: c.person_id,
          purpose: `${PURPOSE}: dokument`,
        },
        em,
      );
      return { filename: c.document_filename, contentType: c.document_content_type, content: c.document };
    });
  }

  async checkCoverage(ctx: RequestContext, q: CoverageQueryDto): Promise<ConsentCoverage> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requirePerson(em, ctx, q.personId);
      const coverage = await this.coverage.covers(em, q);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, subjectType: AccessSubjectType.Person, subjectId: q.personId, purpose: PURPOSE },
        em,
      );
      return coverage;
    });
  }

  /** The given case, or else every open case of the person the caller can see. */
  private async casesToNotify(
    em: EntityManager,
    ctx: RequestContext,
    personId: string,
    caseId: string | null,
  ): Promise<string[]> {
    if (caseId) return [caseId];
    const rows = await em.query(
      `SELECT id FROM sag WHERE person_id = $1 AND status <> 'afsluttet' AND team_id = ANY($2::uuid[])`,
      [personId, ctx.teamIds],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  private decodeDocument(base64: string, contentType: string): Buffer {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw fieldError('document', 'Filen kunne ikke læses');
    const content = Buffer.from(base64, 'base64');
    if (content.length > MAX_DOCUMENT_BYTES) throw fieldError('document', 'Filen må højst fylde 5 MB');
    if (!MAGIC[contentType]?.(content)) throw fieldError('document', 'Filen er ikke en PDF, PNG eller JPEG');
    return content;
  }

  private async byIds(em: EntityManager, ids: string[]): Promise<Consent[]> {
    if (!ids.length) return [];
    const rows = await em.query(
      `SELECT c.id, c.person_id, c.sag_id, c.data_categories, c.purposes, c.direction, c.form, c.witness_name, c.interpreter_used,
              c.document IS NOT NULL AS has_document, c.given_at, c.expires_at, c.withdrawn_at, u.display_name AS withdrawn_by_name,
              c.withdrawal_method, c.withdrawal_note, c.version,
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
                 FROM consent_recipient r JOIN partner_organisation o ON o.id = r.partner_organisation_id WHERE r.consent_id = c.id), '[]') AS recipients
         FROM consent c LEFT JOIN app_user u ON u.id = c.withdrawn_by WHERE c.id = ANY($1::uuid[]) ORDER BY c.given_at DESC`,
      [ids],
    );
    return rows.map((r: Record<string, never>): Consent => ({
      id: r['id'],
      personId: r['person_id'],
      caseId: r['sag_id'],
      recipients: r['recipients'],
      dataCategories: r['data_categories'],
      purposes: r['purposes'],
      direction: r['direction'],
      form: r['form'],
      witnessName: r['witness_name'],
      interpreterUsed: r['interpreter_used'],
      hasDocument: r['has_document'],
      givenAt: (r['given_at'] as Date).toISOString(),
      expiresAt: (r['expires_at'] as Date).toISOString(),
      withdrawnAt: r['withdrawn_at'] ? (r['withdrawn_at'] as Date).toISOString() : null,
      withdrawnBy: r['withdrawn_by_name'],
      withdrawalMethod: r['withdrawal_method'],
      withdrawalNote: r['withdrawal_note'],
      status: consentStatus({ withdrawn_at: r['withdrawn_at'], expires_at: r['expires_at'] }),
      version: r['version'],
    }));
  }
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setMonth(d.getMonth() + months);
  return d;
}
