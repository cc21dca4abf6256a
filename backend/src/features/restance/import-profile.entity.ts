import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { BoligorganisationEntity } from '../organisations/boligorganisation.entity';

/** Table `import_profile`: A boligorganisation's saved header aliases for reading its restance files. */
@Entity({ name: 'import_profile' })
export class ImportProfileEntity {
  @PrimaryColumn({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @Column({ type: 'jsonb' })
  aliases!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => BoligorganisationEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'boligorganisation_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'import_profile_boligorganisation_id_fkey',
  })
  boligorganisation?: Relation<BoligorganisationEntity>;
}
