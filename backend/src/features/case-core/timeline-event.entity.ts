import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { SignalEntity } from '../signals/signal.entity';
import { UserEntity } from '../users/user.entity';

/** Table `timeline_event`: Append-only; corrections are new rows pointing at what they correct. */
@Entity({ name: 'timeline_event', comment: 'Append-only; corrections are new rows pointing at what they correct' })
@Check('ck_timeline_stream', '((sag_id IS NOT NULL) OR (signal_id IS NOT NULL))')
@Check('ck_timeline_visibility', "(visibility = ANY (ARRAY['team'::text, 'case_members'::text]))")
/** CREATE INDEX ix_timeline_corrects ON timeline_event USING btree (corrects_event_id) WHERE (corrects_event_id IS NOT NULL) */
@Index('ix_timeline_corrects', ['correctsEventId'], { where: '(corrects_event_id IS NOT NULL)' })
/** CREATE INDEX ix_timeline_sag ON timeline_event USING btree (sag_id, occurred_at DESC, recorded_at DESC) WHERE (sag_id IS NOT NULL) */
@Index('ix_timeline_sag', ['sagId', 'occurredAt', 'recordedAt'], { where: '(sag_id IS NOT NULL)' })
/** CREATE INDEX ix_timeline_signal ON timeline_event USING btree (signal_id, occurred_at DESC) WHERE (signal_id IS NOT NULL) */
@Index('ix_timeline_signal', ['signalId', 'occurredAt'], { where: '(signal_id IS NOT NULL)' })
export class TimelineEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id', nullable: true })
  sagId!: string | null;

  @Column({ type: 'uuid', name: 'signal_id', nullable: true })
  signalId!: string | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'clock_timestamp()' })
  recordedAt!: Date;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text', default: 'team' })
  visibility!: string;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'corrects_event_id', nullable: true })
  correctsEventId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'author_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'timeline_event_author_id_fkey',
  })
  author?: Relation<UserEntity> | null;

  @ManyToOne(() => TimelineEventEntity)
  @JoinColumn({
    name: 'corrects_event_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'timeline_event_corrects_event_id_fkey',
  })
  correctsEvent?: Relation<TimelineEventEntity> | null;

  @ManyToOne(() => SagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'timeline_event_sag_id_fkey' })
  sag?: Relation<SagEntity> | null;

  @ManyToOne(() => SignalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'signal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'timeline_event_signal_id_fkey',
  })
  signal?: Relation<SignalEntity> | null;
}
