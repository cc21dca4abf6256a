import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';

/** Table `task`: A task with a due date on a case, created by hand or by another feature (source). */
@Entity({ name: 'task' })
@Check('ck_task_source', "(source = ANY (ARRAY['besoeg'::text, 'henvisning'::text, 'medarbejder'::text]))")
@Check('ck_task_status', "(status = ANY (ARRAY['aaben'::text, 'udfoert'::text]))")
@Check('ck_task_title', '((length(title) >= 1) AND (length(title) <= 300))')
/** CREATE INDEX ix_task_assignee_open ON task USING btree (assignee_id, due_date) WHERE (status = 'aaben'::text) */
@Index('ix_task_assignee_open', ['assigneeId', 'dueDate'], { where: "(status = 'aaben'::text)" })
/** CREATE INDEX ix_task_sag ON task USING btree (sag_id) */
@Index('ix_task_sag', ['sagId'])
/** CREATE INDEX ix_task_source ON task USING btree (source_id, created_at DESC) WHERE (source_id IS NOT NULL) */
@Index('ix_task_source', ['sourceId', 'createdAt'], { where: '(source_id IS NOT NULL)' })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', default: 'aaben' })
  status!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid', name: 'source_id', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'timestamptz', name: 'done_at', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'assignee_id', referencedColumnName: 'id', foreignKeyConstraintName: 'task_assignee_id_fkey' })
  assignee?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'task_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
