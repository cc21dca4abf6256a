import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { SagEntity } from './sag.entity';

/** Table `handleplan_goal`: A goal in a case's handleplan (action plan). */
@Entity({ name: 'handleplan_goal' })
/** CREATE INDEX ix_handleplan_goal_sag ON handleplan_goal USING btree (sag_id) */
@Index('ix_handleplan_goal_sag', ['sagId'])
export class HandleplanGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handleplan_goal_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handleplan_goal_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
