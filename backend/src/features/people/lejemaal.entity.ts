import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';

import { AfdelingEntity } from '../organisations/afdeling.entity';

/** Table `lejemaal`: A tenancy (lejemål) in an afdeling. */
@Entity({ name: 'lejemaal' })
@Unique('uq_lejemaal_nummer', ['afdelingId', 'lejemaalsnummer'])
@Check(
  'ck_lejemaal_status',
  "(status = ANY (ARRAY['aktiv'::text, 'opsagt'::text, 'ophaevet'::text, 'fraflyttet'::text, 'udsat'::text]))",
)
/** CREATE INDEX ix_lejemaal_address_trgm ON lejemaal USING gin (address gin_trgm_ops) */
@Index('ix_lejemaal_address_trgm', { synchronize: false })
/** CREATE INDEX ix_lejemaal_nummer ON lejemaal USING btree (lejemaalsnummer) */
@Index('ix_lejemaal_nummer', ['lejemaalsnummer'])
export class LejemaalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'afdeling_id' })
  afdelingId!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  lejemaalsnummer!: string;

  @Column({ type: 'date', name: 'move_in_date', nullable: true })
  moveInDate!: string | null;

  @Column({ type: 'text', default: 'aktiv' })
  status!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => AfdelingEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'afdeling_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'lejemaal_afdeling_id_fkey',
  })
  afdeling?: Relation<AfdelingEntity>;
}
