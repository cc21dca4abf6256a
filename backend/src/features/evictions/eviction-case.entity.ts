import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { LejemaalEntity } from '../people/lejemaal.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Table `eviction_case`: Udsættelsessag: one open per lejemål; "undgået" outcomes count only when approved. */
@Entity({
  name: 'eviction_case',
  comment: 'Udsættelsessag: one open per lejemål; "undgået" outcomes count only when approved',
})
@Check(
  'ck_eviction_avoided_approved',
  "((status <> 'afsluttet'::text) OR (outcome !~~ 'undgaaet_%'::text) OR (approved_by IS NOT NULL))",
)
@Check('ck_eviction_decided', "((status = 'afsluttet'::text) = ((outcome IS NOT NULL) AND (decided_at IS NOT NULL)))")
@Check('ck_eviction_four_eyes', '((approved_by IS NULL) OR (approved_by <> proposed_by))')
@Check('ck_eviction_ground', "(ground = ANY (ARRAY['restance'::text, 'god_skik_og_orden'::text, 'mislighold'::text]))")
@Check(
  'ck_eviction_outcome',
  "(outcome = ANY (ARRAY['undgaaet_betalt'::text, 'undgaaet_aftale'::text, 'undgaaet_tilbagekaldt'::text, 'undgaaet_afvist'::text, 'fraflyttet_frivilligt'::text, 'gennemfoert'::text, 'ukendt'::text]))",
)
@Check('ck_eviction_outcome_note', '(length(outcome_note) <= 2000)')
@Check(
  'ck_eviction_pending',
  "((status <> 'afventer_godkendelse'::text) OR ((outcome ~~ 'undgaaet_%'::text) AND (proposed_by IS NOT NULL)))",
)
@Check(
  'ck_eviction_rehousing',
  "((outcome IS DISTINCT FROM 'fraflyttet_frivilligt'::text) OR (rehousing_note IS NOT NULL))",
)
@Check('ck_eviction_rehousing_note', '(length(rehousing_note) <= 2000)')
@Check('ck_eviction_status', "(status = ANY (ARRAY['aaben'::text, 'afventer_godkendelse'::text, 'afsluttet'::text]))")
@Check('ck_eviction_sustained_source', "(sustained_source = ANY (ARRAY['restanceliste'::text, 'medarbejder'::text]))")
/** CREATE INDEX ix_eviction_decided ON eviction_case USING btree (decided_at) WHERE (decided_at IS NOT NULL) */
@Index('ix_eviction_decided', ['decidedAt'], { where: '(decided_at IS NOT NULL)' })
/** CREATE INDEX ix_eviction_responsible ON eviction_case USING btree (responsible_id) WHERE (status <> 'afsluttet'::text) */
@Index('ix_eviction_responsible', ['responsibleId'], { where: "(status <> 'afsluttet'::text)" })
/** CREATE INDEX ix_eviction_team_status ON eviction_case USING btree (team_id, status) */
@Index('ix_eviction_team_status', ['teamId', 'status'])
/** CREATE UNIQUE INDEX uq_eviction_open_per_lejemaal ON eviction_case USING btree (lejemaal_id) WHERE (status <> 'afsluttet'::text) */
@Index('uq_eviction_open_per_lejemaal', ['lejemaalId'], { unique: true, where: "(status <> 'afsluttet'::text)" })
export class EvictionCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'lejemaal_id' })
  lejemaalId!: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'text' })
  ground!: string;

  @Column({ type: 'text', default: 'aaben' })
  status!: string;

  @Column({ type: 'uuid', name: 'responsible_id', nullable: true })
  responsibleId!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', name: 'outcome_note', nullable: true })
  outcomeNote!: string | null;

  @Column({ type: 'text', name: 'rehousing_note', nullable: true })
  rehousingNote!: string | null;

  @Column({ type: 'uuid', name: 'proposed_by', nullable: true })
  proposedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'proposed_at', nullable: true })
  proposedAt!: Date | null;

  @Column({ type: 'uuid', name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', name: 'returned_reason', nullable: true })
  returnedReason!: string | null;

  @Column({ type: 'date', name: 'sustained_due', nullable: true })
  sustainedDue!: string | null;

  @Column({ type: 'timestamptz', name: 'sustained_checked_at', nullable: true })
  sustainedCheckedAt!: Date | null;

  @Column({ type: 'boolean', name: 'sustained_still_resident', nullable: true })
  sustainedStillResident!: boolean | null;

  @Column({ type: 'text', name: 'sustained_source', nullable: true })
  sustainedSource!: string | null;

  @Column({ type: 'text', name: 'sustained_note', nullable: true })
  sustainedNote!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'approved_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_approved_by_fkey',
  })
  approvedByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => LejemaalEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'lejemaal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_lejemaal_id_fkey',
  })
  lejemaal?: Relation<LejemaalEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'proposed_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_proposed_by_fkey',
  })
  proposedByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'responsible_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_responsible_id_fkey',
  })
  responsible?: Relation<UserEntity> | null;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'eviction_case_team_id_fkey' })
  team?: Relation<TeamEntity>;
}
