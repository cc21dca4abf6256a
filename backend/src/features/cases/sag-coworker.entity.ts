import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { SagEntity } from './sag.entity';

/** Table `sag_coworker`: The co-workers on a case besides its responsible user. */
@Entity({ name: 'sag_coworker' })
/** CREATE INDEX ix_sag_coworker_user ON sag_coworker USING btree (user_id) */
@Index('ix_sag_coworker_user', ['userId'])
export class SagCoworkerEntity {
  @PrimaryColumn({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_coworker_sag_id_fkey' })
  sag?: Relation<SagEntity>;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'sag_coworker_user_id_fkey' })
  user?: Relation<UserEntity>;
}
