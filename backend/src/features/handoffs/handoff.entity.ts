import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Table `handoff`: A hand-over of a case between users or teams. */
@Entity({ name: 'handoff' })
@Check('ck_handoff_kind', "(kind = ANY (ARRAY['medarbejder'::text, 'team'::text]))")
@Check('ck_handoff_note', '((length(note) >= 1) AND (length(note) <= 4000))')
/** CREATE INDEX ix_handoff_sag ON handoff USING btree (sag_id, at DESC) */
@Index('ix_handoff_sag', ['sagId', 'at'])
export class HandoffEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', name: 'from_user_id' })
  fromUserId!: string;

  @Column({ type: 'uuid', name: 'from_team_id' })
  fromTeamId!: string;

  @Column({ type: 'uuid', name: 'to_user_id' })
  toUserId!: string;

  @Column({ type: 'uuid', name: 'to_team_id' })
  toTeamId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'uuid', name: 'by_id', nullable: true })
  byId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'by_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handoff_by_id_fkey' })
  by?: Relation<UserEntity> | null;

  @ManyToOne(() => TeamEntity, { nullable: false })
  @JoinColumn({
    name: 'from_team_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handoff_from_team_id_fkey',
  })
  fromTeam?: Relation<TeamEntity>;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({
    name: 'from_user_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handoff_from_user_id_fkey',
  })
  fromUser?: Relation<UserEntity>;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handoff_sag_id_fkey' })
  sag?: Relation<SagEntity>;

  @ManyToOne(() => TeamEntity, { nullable: false })
  @JoinColumn({ name: 'to_team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handoff_to_team_id_fkey' })
  toTeam?: Relation<TeamEntity>;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'to_user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handoff_to_user_id_fkey' })
  toUser?: Relation<UserEntity>;
}
