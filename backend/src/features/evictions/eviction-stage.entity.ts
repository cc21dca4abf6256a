import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { RestanceImportEntity } from '../restance/restance-import.entity';
import { UserEntity } from '../users/user.entity';
import { EvictionCaseEntity } from './eviction-case.entity';

/** Table `eviction_stage`: Append-only: a later entry for the same stage supersedes the earlier. */
@Entity({ name: 'eviction_stage', comment: 'Append-only: a later entry for the same stage supersedes the earlier' })
@Check(
  'ck_eviction_channel',
  "(channel = ANY (ARRAY['digital_post'::text, 'brev'::text, 'mail'::text, 'telefon'::text, 'moede'::text]))",
)
@Check(
  'ck_eviction_kommune',
  "((stage <> 'kommune_underrettet'::text) OR ((notified_by IS NOT NULL) AND (channel IS NOT NULL)))",
)
@Check(
  'ck_eviction_notified_by',
  "(notified_by = ANY (ARRAY['boligorganisation'::text, 'fogedretten'::text, 'team'::text]))",
)
@Check(
  'ck_eviction_stage',
  "(stage = ANY (ARRAY['restance'::text, 'rykker'::text, 'paakrav'::text, 'ophaevelse'::text, 'kommune_underrettet'::text, 'begaering_indgivet'::text, 'retsmoede'::text, 'udsaettelse_berammet'::text]))",
)
@Check('ck_eviction_stage_amount', '(amount >= (0)::numeric)')
@Check('ck_eviction_stage_note', '(length(note) <= 1000)')
@Check(
  'ck_eviction_stage_source',
  "(source = ANY (ARRAY['restanceliste'::text, 'brev'::text, 'beboer'::text, 'medarbejder'::text]))",
)
/** CREATE INDEX ix_eviction_stage_case ON eviction_stage USING btree (eviction_case_id, stage, recorded_at DESC) */
@Index('ix_eviction_stage_case', ['evictionCaseId', 'stage', 'recordedAt'])
export class EvictionStageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'eviction_case_id' })
  evictionCaseId!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'date', name: 'stage_date' })
  stageDate!: string;

  @Column({ type: 'time', name: 'stage_time', nullable: true })
  stageTime!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid', name: 'source_import_id', nullable: true })
  sourceImportId!: string | null;

  @Column({ type: 'text', name: 'notified_by', nullable: true })
  notifiedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ type: 'date', name: 'move_out_date', nullable: true })
  moveOutDate!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'boolean', name: 'out_of_order', default: false })
  outOfOrder!: boolean;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne(() => EvictionCaseEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'eviction_case_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_stage_eviction_case_id_fkey',
  })
  evictionCase?: Relation<EvictionCaseEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'recorded_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_stage_recorded_by_fkey',
  })
  recordedByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => RestanceImportEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'source_import_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_stage_source_import_id_fkey',
  })
  sourceImport?: Relation<RestanceImportEntity> | null;
}
