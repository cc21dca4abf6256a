import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  AGREEMENT_TRANSITIONS,
  AgreementStatus,
  APPLICATION_TRANSITIONS,
  ApplicationStatus,
  HelpApplication,
  PaymentAgreement,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { TimelineWriter } from '../case-core/timeline.writer';
import { ChangeEconomyStatusDto, CreateAgreementDto, CreateApplicationDto } from './economy.dto';

const PURPOSE = 'Sagsbehandling: økonomi';

/** Payment agreements (afdragsordninger) and help applications on a case. */
@Injectable()
export class EconomyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly accessLog: AccessLogService,
  ) {}

  async agreements(ctx: RequestContext, caseId: string): Promise<PaymentAgreement[]> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return this.agreementRows(em, caseId);
    });
  }

  async createAgreement(ctx: RequestContext, caseId: string, dto: CreateAgreementDto): Promise<PaymentAgreement> {
    if (dto.installment > dto.principal) throw fieldError('installment', 'Afdraget kan ikke være større end beløbet');
    return this.dataSource.transaction(async (em) => {
      await this.requireOpenCase(em, ctx, caseId);
      const [row] = await em.query(
        `INSERT INTO payment_agreement (sag_id, creditor, creditor_name, principal, installment, start_date, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          caseId,
          dto.creditor,
          dto.creditorName ?? null,
          dto.principal,
          dto.installment,
          dto.startDate,
          dto.status ?? 'forhandles',
          ctx.userId,
        ],
      );
      await this.timeline.append(em, {
        caseId,
        type: 'payment_agreement',
        authorId: ctx.userId,
        data: {
          agreementId: row.id,
          status: dto.status ?? 'forhandles',
          principal: dto.principal,
          installment: dto.installment,
          creditor: dto.creditor,
        },
      });
      await this.timeline.touchCase(em, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return (await this.agreementRows(em, caseId)).find((a) => a.id === row.id) as PaymentAgreement;
    });
  }

  async changeAgreement(
    ctx: RequestContext,
    caseId: string,
    id: string,
    dto: ChangeEconomyStatusDto,
  ): Promise<PaymentAgreement> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId, true);
      const current = (await this.agreementRows(em, caseId)).find((a) => a.id === id);
      if (!current) throw notFound('Aftalen');
      if (current.version !== dto.version) throw versionConflict(current);
      if (!AGREEMENT_TRANSITIONS[current.status].includes(dto.status as AgreementStatus)) {
        throw new DomainError('INVALID_STATE', `Aftalen kan ikke gå fra "${current.status}" til "${dto.status}".`, {
          fields: { status: ['Ikke tilladt'] },
        });
      }
      await em.query(`UPDATE payment_agreement SET status = $2, version = version + 1 WHERE id = $1`, [id, dto.status]);
      await this.timeline.append(em, {
        caseId,
        type: 'payment_agreement',
        authorId: ctx.userId,
        data: { agreementId: id, from: current.status, to: dto.status },
      });
      await this.timeline.touchCase(em, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return (await this.agreementRows(em, caseId)).find((a) => a.id === id) as PaymentAgreement;
    });
  }

  async applications(ctx: RequestContext, caseId: string): Promise<HelpApplication[]> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Read, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return this.applicationRows(em, caseId);
    });
  }

  async createApplication(ctx: RequestContext, caseId: string, dto: CreateApplicationDto): Promise<HelpApplication> {
    return this.dataSource.transaction(async (em) => {
      await this.requireOpenCase(em, ctx, caseId);
      const [row] = await em.query(
        `INSERT INTO help_application (sag_id, type, authority, amount, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, dto.type, dto.authority, dto.amount ?? null, ctx.userId],
      );
      await this.timeline.append(em, {
        caseId,
        type: 'help_application',
        authorId: ctx.userId,
        data: { applicationId: row.id, type: dto.type, status: 'forberedes', authority: dto.authority },
      });
      await this.timeline.touchCase(em, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return (await this.applicationRows(em, caseId)).find((a) => a.id === row.id) as HelpApplication;
    });
  }

  async changeApplication(
    ctx: RequestContext,
    caseId: string,
    id: string,
    dto: ChangeEconomyStatusDto,
  ): Promise<HelpApplication> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId, true);
      const current = (await this.applicationRows(em, caseId)).find((a) => a.id === id);
      if (!current) throw notFound('Ansøgningen');
      if (current.version !== dto.version) throw versionConflict(current);
      const to = dto.status as ApplicationStatus;
      if (!APPLICATION_TRANSITIONS[current.status].includes(to)) {
        throw new DomainError('INVALID_STATE', `Ansøgningen kan ikke gå fra "${current.status}" til "${dto.status}".`, {
          fields: { status: ['Ikke tilladt'] },
        });
      }
      await em.query(
        `UPDATE help_application SET status = $2, version = version + 1,
                submitted_at = CASE WHEN $2 = 'indsendt' THEN now() ELSE submitted_at END,
                decided_at = CASE WHEN $2 IN ('bevilget','afslag') THEN now() ELSE decided_at END
          WHERE id = $1`,
        [id, to],
      );
      await this.timeline.append(em, {
        caseId,
        type: 'help_application',
        authorId: ctx.userId,
        data: { applicationId: id, type: current.type, from: current.status, to },
      });
      await this.timeline.touchCase(em, caseId);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.Case, subjectId: caseId, purpose: PURPOSE },
        em,
      );
      return (await this.applicationRows(em, caseId)).find((a) => a.id === id) as HelpApplication;
    });
  }

  private async requireOpenCase(em: EntityManager, ctx: RequestContext, caseId: string): Promise<void> {
    const c = await this.access.requireCase(em, ctx, caseId, true);
    if (c.status === 'afsluttet')
      throw new DomainError('INVALID_STATE', 'Sagen er afsluttet. Genåbn den for at arbejde videre.');
  }

  /** "At risk": the newest list for the case's tenancy shows the arrears rising while the agreement runs. */
  private async agreementRows(em: EntityManager, caseId: string): Promise<PaymentAgreement[]> {
    const rows = await em.query(
      `SELECT a.*, to_char(a.start_date, 'YYYY-MM-DD') AS start,
              (a.status IN ('aftalt','overholdes') AND coalesce((
                 SELECT r.change = 'steget' FROM restance_row r JOIN sag s ON s.lejemaal_id = r.lejemaal_id
                  WHERE s.id = a.sag_id AND r.accepted ORDER BY r.list_date DESC LIMIT 1), false)) AS at_risk
         FROM payment_agreement a WHERE a.sag_id = $1 ORDER BY a.created_at`,
      [caseId],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r['id'],
      caseId: r['sag_id'],
      creditor: r['creditor'],
      creditorName: r['creditor_name'],
      principal: Number(r['principal']),
      installment: Number(r['installment']),
      startDate: r['start'],
      status: r['status'],
      atRisk: r['at_risk'],
      version: r['version'],
    }));
  }

  private async applicationRows(em: EntityManager, caseId: string): Promise<HelpApplication[]> {
    const rows = await em.query(`SELECT * FROM help_application WHERE sag_id = $1 ORDER BY created_at`, [caseId]);
    return rows.map((r: Record<string, never>) => ({
      id: r['id'],
      caseId: r['sag_id'],
      type: r['type'],
      authority: r['authority'],
      amount: r['amount'] === null ? null : Number(r['amount']),
      status: r['status'],
      submittedAt: r['submitted_at'] ? (r['submitted_at'] as Date).toISOString() : null,
      decidedAt: r['decided_at'] ? (r['decided_at'] as Date).toISOString() : null,
      version: r['version'],
    }));
  }
}
