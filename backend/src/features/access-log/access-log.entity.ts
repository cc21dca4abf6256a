import { AccessAction, AccessSubjectType } from '@bofast/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'access_log' })
/** CREATE INDEX ix_access_log_actor ON access_log USING btree (actor_user_id, occurred_at) */
@Index('ix_access_log_actor', ['actorUserId', 'occurredAt'])
/** CREATE INDEX ix_access_log_occurred ON access_log USING btree (occurred_at DESC) */
@Index('ix_access_log_occurred', ['occurredAt'])
/** CREATE INDEX ix_access_log_subject ON access_log USING btree (subject_type, subject_id, occurred_at) */
@Index('ix_access_log_subject', ['subjectType', 'subjectId', 'occurredAt'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', name: 'actor_username', nullable: true })
  actorUsername!: string | null;

  @Column({ type: 'text', name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: AccessAction;

  @Column({ type: 'text', name: 'subject_type', nullable: true })
  subjectType!: AccessSubjectType | null;

  @Column({ type: 'uuid', name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'text', name: 'search_criterion', nullable: true })
  searchCriterion!: string | null;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress!: string | null;
}
