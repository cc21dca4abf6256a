import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';

import { LejemaalEntity } from './lejemaal.entity';

/** Table `household`: A household living in a lejemål. */
@Entity({ name: 'household' })
@Unique('uq_household_lejemaal', ['lejemaalId'])
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'lejemaal_id', nullable: true })
  lejemaalId!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => LejemaalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'lejemaal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'household_lejemaal_id_fkey',
  })
  lejemaal?: Relation<LejemaalEntity> | null;
}
