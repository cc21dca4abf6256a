import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { AfdelingEntity } from './afdeling.entity';

@Entity({ name: 'boligorganisation' })
@Unique('uq_boligorganisation_name', ['name'])
export class BoligorganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true, comment: 'Danish CVR number of the housing association' })
  cvr!: string | null;

  @OneToMany(() => AfdelingEntity, (a) => a.boligorganisation)
  afdelinger!: AfdelingEntity[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
