import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Table `triage_weights`: A team's weights for prioritising restance rows. */
@Entity({ name: 'triage_weights' })
export class TriageWeightsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'jsonb' })
  weights!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'triage_weights_team_id_fkey' })
  team?: Relation<TeamEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'updated_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'triage_weights_updated_by_fkey',
  })
  updatedByUser?: Relation<UserEntity> | null;
}
