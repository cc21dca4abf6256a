import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';

import { HouseholdEntity } from '../people/household.entity';
import { LejemaalEntity } from '../people/lejemaal.entity';
import { PersonEntity } from '../people/person.entity';
import { SignalEntity } from '../signals/signal.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { CaseTypeEntity } from './case-type.entity';

/** Table `sag`: A case (Danish: sag); "case" is an SQL keyword. */
@Entity({ name: 'sag', comment: 'A case (Danish: sag); "case" is an SQL keyword' })
@Unique('uq_sag_case_number', ['caseNumber'])
@Unique('uq_sag_origin_signal', ['originSignalId'])
@Check('ck_sag_closed', "((status = 'afsluttet'::text) = ((closure_reason IS NOT NULL) AND (closed_at IS NOT NULL)))")
@Check(
  'ck_sag_closure_reason',
  "(closure_reason = ANY (ARRAY['maal_naaet'::text, 'overdraget_stabil'::text, 'oensker_ikke_hjaelp'::text, 'fraflyttet_frivilligt'::text, 'udsat'::text, 'kontakt_mistet'::text, 'uden_for_maalgruppe'::text, 'doed'::text]))",
)
@Check(
  'ck_sag_status',
  "(status = ANY (ARRAY['oprettet'::text, 'aktiv'::text, 'handleplan_aktiv'::text, 'afventer_partner'::text, 'opfoelgning'::text, 'i_bero'::text, 'afbrudt_af_beboer'::text, 'afsluttet'::text]))",
)
/** CREATE INDEX ix_sag_opened ON sag USING btree (opened_at) */
@Index('ix_sag_opened', ['openedAt'])
/** CREATE INDEX ix_sag_person ON sag USING btree (person_id) */
@Index('ix_sag_person', ['personId'])
/** CREATE INDEX ix_sag_responsible ON sag USING btree (responsible_id, updated_at DESC) */
@Index('ix_sag_responsible', ['responsibleId', 'updatedAt'])
/** CREATE INDEX ix_sag_team_status ON sag USING btree (team_id, status, updated_at DESC) */
@Index('ix_sag_team_status', ['teamId', 'status', 'updatedAt'])
export class SagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'case_number' })
  caseNumber!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', default: 'oprettet' })
  status!: string;

  @Column({ type: 'uuid', name: 'person_id' })
  personId!: string;

  @Column({ type: 'uuid', name: 'household_id', nullable: true })
  householdId!: string | null;

  @Column({ type: 'uuid', name: 'lejemaal_id', nullable: true })
  lejemaalId!: string | null;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'uuid', name: 'responsible_id' })
  responsibleId!: string;

  @Column({ type: 'uuid', name: 'origin_signal_id', nullable: true })
  originSignalId!: string | null;

  @Column({ type: 'uuid', name: 'reopened_from_id', nullable: true })
  reopenedFromId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'date', name: 'review_date', nullable: true })
  reviewDate!: string | null;

  @Column({ type: 'timestamptz', name: 'opened_at', default: () => 'now()' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', name: 'closure_reason', nullable: true })
  closureReason!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'household_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_household_id_fkey' })
  household?: Relation<HouseholdEntity> | null;

  @ManyToOne(() => LejemaalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lejemaal_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_lejemaal_id_fkey' })
  lejemaal?: Relation<LejemaalEntity> | null;

  @ManyToOne(() => SignalEntity)
  @JoinColumn({
    name: 'origin_signal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'sag_origin_signal_id_fkey',
  })
  originSignal?: Relation<SignalEntity> | null;

  @ManyToOne(() => PersonEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_person_id_fkey' })
  person?: Relation<PersonEntity>;

  @ManyToOne(() => SagEntity)
  @JoinColumn({
    name: 'reopened_from_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'sag_reopened_from_id_fkey',
  })
  reopenedFrom?: Relation<SagEntity> | null;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({
    name: 'responsible_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'sag_responsible_id_fkey',
  })
  responsible?: Relation<UserEntity>;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_team_id_fkey' })
  team?: Relation<TeamEntity>;

  @ManyToOne(() => CaseTypeEntity, { nullable: false })
  @JoinColumn({ name: 'type', referencedColumnName: 'code', foreignKeyConstraintName: 'sag_type_fkey' })
  caseType?: Relation<CaseTypeEntity>;
}
