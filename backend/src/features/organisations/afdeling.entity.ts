import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { BoligorganisationEntity } from './boligorganisation.entity';

@Entity({ name: 'afdeling' })
export class AfdelingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @ManyToOne(() => BoligorganisationEntity, (b) => b.afdelinger)
  @JoinColumn({ name: 'boligorganisation_id' })
  boligorganisation!: BoligorganisationEntity;

  @Column({ type: 'text', comment: 'The afdeling number used by the boligorganisation' })
  afdelingsnummer!: string;

  @Column({ type: 'text' })
  name!: string;
}
