import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';

/** Table `report`: A generated report: its numbers, the definition versions and parameters it used. */
@Entity({ name: 'report', comment: 'A generated report: its numbers, the definition versions and parameters it used' })
@Check('ck_report_audience', "(audience = ANY (ARRAY['intern'::text, 'ekstern'::text]))")
@Check('ck_report_period', '(period_to >= period_from)')
@Check(
  'ck_report_scope',
  "(scope_type = ANY (ARRAY['team'::text, 'helhedsplan'::text, 'afdeling'::text, 'boligorganisation'::text, 'alle'::text]))",
)
@Check('ck_report_title', '(length(title) <= 200)')
/** CREATE INDEX ix_report_created ON report USING btree (created_at DESC) */
@Index('ix_report_created', ['createdAt'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'date', name: 'period_from' })
  periodFrom!: string;

  @Column({ type: 'date', name: 'period_to' })
  periodTo!: string;

  @Column({ type: 'text', name: 'scope_type' })
  scopeType!: string;

  @Column({ type: 'uuid', name: 'scope_id', nullable: true })
  scopeId!: string | null;

  @Column({ type: 'text', name: 'scope_name' })
  scopeName!: string;

  @Column({ type: 'uuid', name: 'team_ids', array: true })
  teamIds!: string[];

  @Column({ type: 'text' })
  audience!: string;

  @Column({ type: 'jsonb' })
  parameters!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  definitions!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'report_created_by_fkey' })
  createdByUser?: Relation<UserEntity> | null;
}
