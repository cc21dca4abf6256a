import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { AfdelingEntity } from '../organisations/afdeling.entity';

@Entity({ name: 'team' })
/** CREATE UNIQUE INDEX uq_team_name ON team USING btree (lower(name)): an expression index, kept by the migrations. */
@Index('uq_team_name', { synchronize: false })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive!: boolean;

  @ManyToMany(() => AfdelingEntity)
  @JoinTable({
    name: 'team_afdeling',
    joinColumn: { name: 'team_id' },
    inverseJoinColumn: { name: 'afdeling_id' },
    // The junction table is TeamAfdelingEntity's (its keys, index and foreign keys); this relation only reads it.
    synchronize: false,
  })
  afdelinger!: AfdelingEntity[];

  @Column({ type: 'integer', default: 1, comment: 'Optimistic-concurrency version, bumped on every update' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
