import { Injectable } from '@nestjs/common';
import { ListPrivilegedChangesQuery, Page, PrivilegedChange } from '@bofast/contracts';
import { EntityManager } from 'typeorm';

import { PrivilegedChangeEntity } from './privileged-change.entity';

export type NewPrivilegedChange = Pick<
  PrivilegedChangeEntity,
  'kind' | 'actorUserId' | 'actorUsername' | 'targetUserId' | 'targetUsername' | 'requestId' | 'clientAddress'
> &
  Partial<Pick<PrivilegedChangeEntity, 'oldValue' | 'newValue'>>;

@Injectable()
export class PrivilegedChangesRepository {
  async insert(em: EntityManager, row: NewPrivilegedChange): Promise<void> {
    await em.insert(PrivilegedChangeEntity, { oldValue: null, newValue: null, ...row });
  }

  /** Newest first. `from`/`to` are inclusive Danish days. */
  async findPage(em: EntityManager, query: ListPrivilegedChangesQuery): Promise<Page<PrivilegedChange>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = em.createQueryBuilder(PrivilegedChangeEntity, 'c');
    if (query.actorId) qb.andWhere('c.actor_user_id = :actor', { actor: query.actorId });
    if (query.targetId) qb.andWhere('c.target_user_id = :target', { target: query.targetId });
    if (query.from)
      qb.andWhere(`c.occurred_at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'Europe/Copenhagen')`, {
        from: query.from,
      });
    if (query.to)
      qb.andWhere(`c.occurred_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`, {
        to: query.to,
      });
    const [rows, total] = await qb
      .orderBy('c.occurred_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toChange), total, page, pageSize };
  }
}

function toChange(r: PrivilegedChangeEntity): PrivilegedChange {
  return {
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    kind: r.kind,
    actor: { id: r.actorUserId, username: r.actorUsername },
    target: { id: r.targetUserId, username: r.targetUsername },
    oldValue: r.oldValue,
    newValue: r.newValue,
  };
}
