import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';
import { SignalEntity } from './signal.entity';

/** Table `contact_attempt`: An attempt to contact a resident, on a signal or a case. */
@Entity({ name: 'contact_attempt' })
@Check('ck_contact_attempt_parent', '((signal_id IS NULL) <> (sag_id IS NULL))')
@Check(
  'ck_contact_channel',
  "(channel = ANY (ARRAY['doerbank'::text, 'telefon'::text, 'sms'::text, 'brev'::text, 'visitkort'::text, 'netvaerk'::text]))",
)
@Check(
  'ck_contact_outcome',
  "(outcome = ANY (ARRAY['ikke_hjemme'::text, 'ingen_svar'::text, 'afvist'::text, 'kontakt_etableret'::text, 'aftale_lavet'::text]))",
)
/** CREATE INDEX ix_contact_attempt_occurred ON contact_attempt USING btree (occurred_at) */
@Index('ix_contact_attempt_occurred', ['occurredAt'])
/** CREATE INDEX ix_contact_attempt_sag ON contact_attempt USING btree (sag_id) WHERE (sag_id IS NOT NULL) */
@Index('ix_contact_attempt_sag', ['sagId'], { where: '(sag_id IS NOT NULL)' })
/** CREATE INDEX ix_contact_attempt_signal ON contact_attempt USING btree (signal_id) WHERE (signal_id IS NOT NULL) */
@Index('ix_contact_attempt_signal', ['signalId'], { where: '(signal_id IS NOT NULL)' })
export class ContactAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'signal_id', nullable: true })
  signalId!: string | null;

  @Column({ type: 'uuid', name: 'sag_id', nullable: true })
  sagId!: string | null;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'author_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'contact_attempt_author_id_fkey',
  })
  author?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'contact_attempt_sag_id_fkey' })
  sag?: Relation<SagEntity> | null;

  @ManyToOne(() => SignalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'signal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'contact_attempt_signal_id_fkey',
  })
  signal?: Relation<SignalEntity> | null;
}
