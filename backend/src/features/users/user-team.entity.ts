import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from './user.entity';

/** Table `user_team`: A user's team memberships (junction; UserEntity.teams reads it). */
@Entity({ name: 'user_team' })
/** CREATE INDEX ix_user_team_team ON user_team USING btree (team_id) */
@Index('ix_user_team_team', ['teamId'])
export class UserTeamEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'user_team_team_id_fkey' })
  team?: Relation<TeamEntity>;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'user_team_user_id_fkey' })
  user?: Relation<UserEntity>;
}
