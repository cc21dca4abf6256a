import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';

import { JobEntity } from '../jobs/job.entity';
import { BoligorganisationEntity } from '../organisations/boligorganisation.entity';
import { UserEntity } from '../users/user.entity';

/** Table `restance_import`: One uploaded restanceliste file for a boligorganisation and list date, from upload to commit (and purge). */
@Entity({ name: 'restance_import' })
@Unique('uq_restance_import_scope', ['id', 'boligorganisationId', 'listDate'])
@Check('ck_restance_import_purged', '((purged_at IS NOT NULL) OR (file_content IS NOT NULL))')
@Check(
  'ck_restance_import_status',
  "(status = ANY (ARRAY['queued'::text, 'running'::text, 'committed'::text, 'unchanged'::text, 'failed'::text]))",
)
/** CREATE INDEX ix_restance_import_bo ON restance_import USING btree (boligorganisation_id, list_date DESC) WHERE (status = 'committed'::text) */
@Index('ix_restance_import_bo', ['boligorganisationId', 'listDate'], { where: "(status = 'committed'::text)" })
/** CREATE UNIQUE INDEX uq_restance_import_file ON restance_import USING btree (boligorganisation_id, file_hash) WHERE (status = 'committed'::text) */
@Index('uq_restance_import_file', ['boligorganisationId', 'fileHash'], {
  unique: true,
  where: "(status = 'committed'::text)",
})
export class RestanceImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @Column({ type: 'date', name: 'list_date' })
  listDate!: string;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'text', name: 'file_hash' })
  fileHash!: string;

  @Column({
    type: 'bytea',
    name: 'file_content',
    nullable: true,
    comment: 'The raw file as uploaded, kept for audit and re-processing until the list is purged',
  })
  fileContent!: Buffer | null;

  @Column({ type: 'text', default: 'queued' })
  status!: string;

  @Column({ type: 'jsonb', nullable: true })
  counts!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: unknown[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid', name: 'job_id', nullable: true })
  jobId!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'committed_at', nullable: true })
  committedAt!: Date | null;

  @Column({
    type: 'timestamptz',
    name: 'purged_at',
    nullable: true,
    comment: 'When retention removed the raw file and anonymised the rows that never became a case',
  })
  purgedAt!: Date | null;

  @ManyToOne(() => BoligorganisationEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'boligorganisation_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_import_boligorganisation_id_fkey',
  })
  boligorganisation?: Relation<BoligorganisationEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_import_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => JobEntity)
  @JoinColumn({ name: 'job_id', referencedColumnName: 'id', foreignKeyConstraintName: 'restance_import_job_id_fkey' })
  job?: Relation<JobEntity> | null;
}
