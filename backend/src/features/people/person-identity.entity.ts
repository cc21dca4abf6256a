import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Table `person_identity`: One resident per CPR number across all teams; each team has its own person row linked here. */
@Entity({
  name: 'person_identity',
  comment: 'One resident per CPR number across all teams; each team has its own person row linked here',
})
@Unique('uq_person_identity_cpr', ['cprBlindIndex'])
export class PersonIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'cpr_blind_index' })
  cprBlindIndex!: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
