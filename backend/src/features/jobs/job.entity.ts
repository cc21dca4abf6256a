import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `job`: PostgreSQL-backed job queue; workers claim rows with FOR UPDATE SKIP LOCKED. */
@Entity({ name: 'job', comment: 'PostgreSQL-backed job queue; workers claim rows with FOR UPDATE SKIP LOCKED' })
@Check('ck_job_status', "(status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text, 'failed'::text]))")
/** CREATE INDEX ix_job_queued ON job USING btree (created_at) WHERE (status = 'queued'::text) */
@Index('ix_job_queued', ['createdAt'], { where: "(status = 'queued'::text)" })
export class JobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'integer', name: 'progress_done', default: 0 })
  progressDone!: number;

  @Column({ type: 'integer', name: 'progress_total', default: 0 })
  progressTotal!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
