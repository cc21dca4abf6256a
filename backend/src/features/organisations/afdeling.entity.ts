import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { BoligorganisationEntity } from './boligorganisation.entity';

@Entity({ name: 'afdeling' })
@Unique('uq_afdeling_nummer', ['boligorganisationId', 'afdelingsnummer'])
export class AfdelingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @ManyToOne(() => BoligorganisationEntity, (b) => b.afdelinger, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'boligorganisation_id', foreignKeyConstraintName: 'afdeling_boligorganisation_id_fkey' })
  boligorganisation!: BoligorganisationEntity;

  @Column({ type: 'text', comment: 'The afdeling number used by the boligorganisation' })
  afdelingsnummer!: string;

  @Column({ type: 'text' })
  name!: string;
}
