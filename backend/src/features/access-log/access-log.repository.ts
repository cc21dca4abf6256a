import { Injectable } from '@nestjs/common';
import { AccessLogEntry, AccessSubjectType, ListAccessLogQuery, Page } from '@bofast/contracts';
import { EntityManager } from 'typeorm';

import { AccessLogEntity } from './access-log.entity';

@Injectable()
export class AccessLogRepository {
  async findPage(em: EntityManager, query: ListAccessLogQuery): Promise<Page<AccessLogEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = em.createQueryBuilder(AccessLogEntity, 'l');
    if (query.actorUserId) qb.andWhere('l.actor_user_id = :actor', { actor: query.actorUserId });
    if (query.subjectType) qb.andWhere('l.subject_type = :st', { st: query.subjectType });
    if (query.subjectId) qb.andWhere('l.subject_id = :sid', { sid: query.subjectId });
    if (query.action) qb.andWhere('l.action = :action', { action: query.action });
    if (query.from) qb.andWhere('l.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('l.occurred_at < :to', { to: query.to });
    const [rows, total] = await qb
      .orderBy('l.occurred_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toEntry), total, page, pageSize };
  }

  findAllForSubject(em: EntityManager, subjectType: AccessSubjectType, subjectId: string): Promise<AccessLogEntity[]> {
    return em.find(AccessLogEntity, { where: { subjectType, subjectId }, order: { occurredAt: 'ASC' } });
  }
}

function toEntry(r: AccessLogEntity): AccessLogEntry {
  return {
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    actorRole: r.actorRole,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    searchCriterion: r.searchCriterion,
    purpose: r.purpose,
    requestId: r.requestId,
    clientAddress: r.clientAddress,
  };
}
