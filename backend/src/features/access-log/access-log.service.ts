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

import { markAccessLogged, type RequestContext } from '../../common/http/request-context';
import { AccessLogRepository } from './access-log.repository';

export interface AccessLogInput {
  action: AccessAction;
  purpose: string;
  subjectType?: AccessSubjectType | null;
  subjectId?: string | null;
  searchCriterion?: string | null;
}

const ENTRY_COLUMNS = `actor_user_id, actor_username, actor_role, action, subject_type, subject_id, search_criterion, purpose,
  request_id, client_address`;
const placeholders = (offset: number) => Array.from({ length: 10 }, (_, i) => `$${offset + i + 1}`).join(', ');

function entryValues(
  ctx: Pick<RequestContext, 'userId' | 'username' | 'role' | 'requestId' | 'clientAddress'>,
  input: AccessLogInput,
): unknown[] {
  return [
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
  ];
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
    await (em ?? this.dataSource.manager).query(
      `INSERT INTO access_log (${ENTRY_COLUMNS}) VALUES (${placeholders(0)})`,
      entryValues(ctx, input),
    );
    markAccessLogged(ctx);
  }

  /**
   * Runs a read with its access-log entry in the same statement (a data-modifying CTE): one round trip,
   * and the entry exists whenever the rows were read. `sql` uses $1…$n for `params`.
   */
  async readWithEntry<T>(
    ctx: Pick<RequestContext, 'userId' | 'username' | 'role' | 'requestId' | 'clientAddress'>,
    input: AccessLogInput,
    sql: string,
    params: unknown[],
    em?: EntityManager,
  ): Promise<T[]> {
    const rows = await (em ?? this.dataSource.manager).query(
      `WITH access_log_entry AS (INSERT INTO access_log (${ENTRY_COLUMNS}) VALUES (${placeholders(params.length)}))
       ${sql}`,
      [...params, ...entryValues(ctx, input)],
    );
    markAccessLogged(ctx);
    return rows;
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
