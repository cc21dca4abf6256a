import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessLogEntry,
  AccessSubjectType,
  ListAccessLogQuery,
  Page,
  SubjectAccessExport,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import type { RequestContext } from '../../common/http/request-context';
import { AccessLogRepository } from './access-log.repository';

export interface AccessLogInput {
  action: AccessAction;
  purpose: string;
  subjectType?: AccessSubjectType | null;
  subjectId?: string | null;
  searchCriterion?: string | null;
}

/** Writes the access log. Pass the use case's EntityManager so the entry commits with the write. */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AccessLogRepository,
  ) {}

  async record(
    ctx: Pick<RequestContext, 'userId' | 'username' | 'role' | 'requestId' | 'clientAddress'>,
    input: AccessLogInput,
    em?: EntityManager,
  ): Promise<void> {
    // A plain INSERT without RETURNING: this runs on every read of a person's data.
    await (em ?? this.dataSource.manager).query(
      `INSERT INTO access_log (actor_user_id, actor_username, actor_role, action, subject_type, subject_id, search_criterion,
                               purpose, request_id, client_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        ctx.userId,
        ctx.username,
        ctx.role,
        input.action,
        input.subjectType ?? null,
        input.subjectId ?? null,
        input.searchCriterion ?? null,
        input.purpose,
        ctx.requestId ?? null,
        ctx.clientAddress ?? null,
      ],
    );
  }

  async list(ctx: RequestContext, query: ListAccessLogQuery): Promise<Page<AccessLogEntry>> {
    return this.dataSource.transaction(async (em) => {
      const page = await this.repository.findPage(em, query);
      await this.record(
        ctx,
        {
          action: AccessAction.Read,
          subjectType: AccessSubjectType.AccessLog,
          purpose: 'Tilsyn med adgangsloggen',
          searchCriterion: describe(query),
        },
        em,
      );
      return page;
    });
  }

  async exportForSubject(
    ctx: RequestContext,
    subjectType: AccessSubjectType,
    subjectId: string,
  ): Promise<SubjectAccessExport> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.repository.findAllForSubject(em, subjectType, subjectId);
      await this.record(
        ctx,
        { action: AccessAction.Export, subjectType, subjectId, purpose: 'Indsigtsanmodning (GDPR art. 15)' },
        em,
      );
      return {
        subjectType,
        subjectId,
        generatedAt: new Date().toISOString(),
        entries: rows.map((r) => ({
          occurredAt: r.occurredAt.toISOString(),
          actorRole: r.actorRole,
          action: r.action,
          purpose: r.purpose,
        })),
      };
    });
  }
}

function describe(query: ListAccessLogQuery): string | null {
  const parts = Object.entries(query)
    .filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize')
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.join('&') : null;
}
