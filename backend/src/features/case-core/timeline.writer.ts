import { Injectable } from '@nestjs/common';
import { TimelineEventType, Visibility } from '@bofast/contracts';
import { EntityManager } from 'typeorm';

export interface NewTimelineEvent {
  caseId?: string | null;
  signalId?: string | null;
  type: TimelineEventType;
  occurredAt?: Date | string;
  authorId: string | null;
  visibility?: Visibility;
  text?: string | null;
  data?: Record<string, unknown>;
  correctsEventId?: string | null;
}

/** Appends to a case's or signal's timeline. Always called inside the use case's transaction. */
@Injectable()
export class TimelineWriter {
  async append(em: EntityManager, e: NewTimelineEvent): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO timeline_event (sag_id, signal_id, type, occurred_at, author_id, visibility, text, data, corrects_event_id)
       VALUES ($1, $2, $3, coalesce($4::timestamptz, now()), $5, $6, $7, $8, $9) RETURNING id`,
      [
        e.caseId ?? null,
        e.signalId ?? null,
        e.type,
        e.occurredAt ?? null,
        e.authorId,
        e.visibility ?? 'team',
        e.text ?? null,
        JSON.stringify(e.data ?? {}),
        e.correctsEventId ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Marks the case as changed (updated_at, for "recently updated" lists). Appending to the timeline does
   * not bump the version: events never conflict with edits of the case's own fields.
   */
  async touchCase(em: EntityManager, caseId: string): Promise<void> {
    await em.query(`UPDATE sag SET updated_at = now() WHERE id = $1`, [caseId]);
  }
}
