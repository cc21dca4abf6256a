import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  ListPrivilegedChangesQuery,
  Page,
  PrivilegedChange,
  PrivilegedChangeKind,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { PrivilegedChangesRepository } from './privileged-changes.repository';

export interface ChangeActor {
  userId: string | null;
  username: string;
  requestId: string | null;
  clientAddress: string | null;
}

type Value = string | string[] | boolean | null;

/**
 * The DPO's log of privileged changes to accounts. `record` takes the EntityManager of the change's
 * own transaction, so the row exists exactly when the change does.
 */
@Injectable()
export class PrivilegedChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PrivilegedChangesRepository,
    private readonly accessLog: AccessLogService,
  ) {}

  async record(
    em: EntityManager,
    actor: ChangeActor,
    kind: PrivilegedChangeKind,
    target: { id: string; username: string },
    values: { old?: Value; new?: Value } = {},
  ): Promise<void> {
    await this.repository.insert(em, {
      kind,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      targetUserId: target.id,
      targetUsername: target.username,
      oldValue: values.old ?? null,
      newValue: values.new ?? null,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress,
    });
  }

  async list(ctx: RequestContext, query: ListPrivilegedChangesQuery): Promise<Page<PrivilegedChange>> {
    return this.dataSource.transaction(async (em) => {
      const page = await this.repository.findPage(em, query);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Read,
          subjectType: AccessSubjectType.AccessLog,
          purpose: 'Tilsyn med privilegerede ændringer',
          searchCriterion: describe(query),
        },
        em,
      );
      return page;
    });
  }
}

/** The filters as a short text for the access log (ids and dates only, no names). */
function describe(query: ListPrivilegedChangesQuery): string | null {
  const parts = [
    query.actorId && `actor=${query.actorId}`,
    query.targetId && `target=${query.targetId}`,
    query.from && `from=${query.from}`,
    query.to && `to=${query.to}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

export function actorOf(ctx: RequestContext): ChangeActor {
  return { userId: ctx.userId, username: ctx.username, requestId: ctx.requestId, clientAddress: ctx.clientAddress };
}
