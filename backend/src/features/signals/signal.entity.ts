import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { LejemaalEntity } from '../people/lejemaal.entity';
import { PersonEntity } from '../people/person.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Table `signal`: A concern reported to a team (a signal), before or without a case. */
@Entity({ name: 'signal' })
@Check('ck_signal_description', '(length(description) <= 500)')
@Check(
  'ck_signal_source',
  "(source = ANY (ARRAY['nabo'::text, 'drift'::text, 'udlejning'::text, 'kommune'::text, 'frivillig'::text, 'selvhenvendelse'::text, 'restanceliste'::text, 'aaben_raadgivning'::text]))",
)
@Check(
  'ck_signal_status',
  "(status = ANY (ARRAY['ny'::text, 'under_vurdering'::text, 'kontaktforsoeg'::text, 'konverteret'::text, 'beboer_afslog'::text, 'ingen_kontakt'::text, 'ikke_relevant'::text, 'loest_uden_sag'::text]))",
)
/** CREATE INDEX ix_signal_team_status ON signal USING btree (team_id, status, received_at DESC) */
@Index('ix_signal_team_status', ['teamId', 'status', 'receivedAt'])
export class SignalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', default: 'ny' })
  status!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  reporter!: string | null;

  @Column({ type: 'uuid', name: 'lejemaal_id', nullable: true })
  lejemaalId!: string | null;

  @Column({ type: 'uuid', name: 'person_id', nullable: true })
  personId!: string | null;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'timestamptz', name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'assignee_id', referencedColumnName: 'id', foreignKeyConstraintName: 'signal_assignee_id_fkey' })
  assignee?: Relation<UserEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'signal_created_by_fkey' })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => LejemaalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lejemaal_id', referencedColumnName: 'id', foreignKeyConstraintName: 'signal_lejemaal_id_fkey' })
  lejemaal?: Relation<LejemaalEntity> | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', referencedColumnName: 'id', foreignKeyConstraintName: 'signal_person_id_fkey' })
  person?: Relation<PersonEntity> | null;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'signal_team_id_fkey' })
  team?: Relation<TeamEntity>;
}
