import { Injectable } from '@nestjs/common';
import { AccessLogEntry, AccessSubjectType, ListAccessLogQuery, Page } from '@bofast/contracts';
import { EntityManager, In } from 'typeorm';

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

  /**
   * Every entry about the subject. For a person: also the entries about the other teams' person rows
   * of the same resident (one CPR number, one person_identity; ADR 0006), so the DPO's indsigt covers
   * the whole installation.
   */
  async findAllForSubject(
    em: EntityManager,
    subjectType: AccessSubjectType,
    subjectId: string,
  ): Promise<AccessLogEntity[]> {
    const ids = subjectType === AccessSubjectType.Person ? await this.sameResident(em, subjectId) : [subjectId];
    return em.find(AccessLogEntity, {
      where: { subjectType, subjectId: In(ids) },
      order: { occurredAt: 'ASC' },
    });
  }

  /** The person id and the ids of all person rows linked to the same identity. */
  private async sameResident(em: EntityManager, personId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT o.id FROM person p JOIN person o ON o.identity_id = p.identity_id WHERE p.id = $1`,
      [personId],
    );
    return [...new Set([personId, ...rows.map((r) => r.id)])];
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
