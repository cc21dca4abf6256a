import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { HandleplanGoalEntity } from './handleplan-goal.entity';
import { SagEntity } from './sag.entity';

/** Table `handleplan_action`: An action in a case's handleplan, optionally under a goal. */
@Entity({ name: 'handleplan_action' })
@Check('ck_action_owner', "(owner = ANY (ARRAY['beboer'::text, 'medarbejder'::text, 'partner'::text]))")
@Check('ck_action_status', "(status = ANY (ARRAY['planlagt'::text, 'i_gang'::text, 'udfoert'::text, 'droppet'::text]))")
/** CREATE INDEX ix_handleplan_action_sag ON handleplan_action USING btree (sag_id) */
@Index('ix_handleplan_action_sag', ['sagId'])
export class HandleplanActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'uuid', name: 'goal_id', nullable: true })
  goalId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'text', name: 'owner_name', nullable: true })
  ownerName!: string | null;

  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text', default: 'planlagt' })
  status!: string;

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
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handleplan_action_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => HandleplanGoalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'goal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handleplan_action_goal_id_fkey',
  })
  goal?: Relation<HandleplanGoalEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handleplan_action_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
