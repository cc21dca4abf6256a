import { PrivilegedChangeKind } from '@bofast/contracts';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (a trigger rejects UPDATE, DELETE and TRUNCATE). Usernames are copied, not joined. */
@Entity({
  name: 'privileged_change',
  comment: 'Append-only log of privileged changes to accounts, for the DPO; written in the transaction of the change',
})
@Check(
  'ck_privileged_change_kind',
  "(kind = ANY (ARRAY['user_created'::text, 'user_activated'::text, 'activation_issued'::text, 'role_changed'::text, 'teams_changed'::text, 'active_changed'::text]))",
)
/** CREATE INDEX ix_privileged_change_actor ON privileged_change USING btree (actor_user_id, occurred_at) */
@Index('ix_privileged_change_actor', ['actorUserId', 'occurredAt'])
/** CREATE INDEX ix_privileged_change_occurred ON privileged_change USING btree (occurred_at DESC) */
@Index('ix_privileged_change_occurred', ['occurredAt'])
/** CREATE INDEX ix_privileged_change_target ON privileged_change USING btree (target_user_id, occurred_at) */
@Index('ix_privileged_change_target', ['targetUserId', 'occurredAt'])
export class PrivilegedChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({
    type: 'timestamptz',
    name: 'occurred_at',
    default: () => 'clock_timestamp()',
    comment: 'clock_timestamp(): changes in one transaction keep their order',
  })
  occurredAt!: Date;

  @Column({ type: 'text' })
  kind!: PrivilegedChangeKind;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: 'uuid', name: 'target_user_id', nullable: true })
  targetUserId!: string | null;

  @Column({ type: 'text', name: 'target_username' })
  targetUsername!: string;

  @Column({ type: 'jsonb', name: 'old_value', nullable: true })
  oldValue!: string | string[] | boolean | null;

  @Column({ type: 'jsonb', name: 'new_value', nullable: true })
  newValue!: string | string[] | boolean | null;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress!: string | null;
}
