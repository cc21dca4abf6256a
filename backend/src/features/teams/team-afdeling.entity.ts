import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { AfdelingEntity } from '../organisations/afdeling.entity';
import { TeamEntity } from './team.entity';

/** Table `team_afdeling`: The afdelinger a team covers (junction; TeamEntity.afdelinger reads it). */
@Entity({ name: 'team_afdeling' })
/** CREATE INDEX ix_team_afdeling_afdeling ON team_afdeling USING btree (afdeling_id) */
@Index('ix_team_afdeling_afdeling', ['afdelingId'])
export class TeamAfdelingEntity {
  @PrimaryColumn({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'afdeling_id' })
  afdelingId!: string;

  @ManyToOne(() => AfdelingEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'afdeling_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'team_afdeling_afdeling_id_fkey',
  })
  afdeling?: Relation<AfdelingEntity>;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'team_afdeling_team_id_fkey' })
  team?: Relation<TeamEntity>;
}
