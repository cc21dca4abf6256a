import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';

import { RestanceImportEntity } from './restance-import.entity';

/**
 * Table `restance_facet`: Accepted worklist rows counted per filter combination; kept by triggers on restance_row.
 *
 * The table has no primary key: its identity is `uq_restance_facet`, a NULLS NOT DISTINCT unique key over a
 * nullable column (`assignee_id`), which a primary key cannot be. TypeORM demands a primary column, so the
 * key's non-null columns are declared primary here (the entity's identity only; nothing is created), and the entity is `synchronize: false` (see the drift allow-list in
 * backend/src/database/schema-drift-allow-list.ts): TypeORM would otherwise add a primary key.
 */
@Entity({
  name: 'restance_facet',
  synchronize: false,
  comment: 'Accepted worklist rows counted per filter combination; kept by triggers on restance_row',
})
@Unique('uq_restance_facet', [
  'importId',
  'boligorganisationId',
  'afdelingId',
  'change',
  'hasPaakrav',
  'hasOphaevelse',
  'outreachStatus',
  'assigneeId',
])
export class RestanceFacetEntity {
  @PrimaryColumn({ type: 'uuid', name: 'import_id' })
  importId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'afdeling_id' })
  afdelingId!: string;

  @PrimaryColumn({ type: 'text' })
  change!: string;

  @PrimaryColumn({ type: 'boolean', name: 'has_paakrav' })
  hasPaakrav!: boolean;

  @PrimaryColumn({ type: 'boolean', name: 'has_ophaevelse' })
  hasOphaevelse!: boolean;

  @PrimaryColumn({ type: 'text', name: 'outreach_status' })
  outreachStatus!: string;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'integer' })
  n!: number;

  @ManyToOne(() => RestanceImportEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'import_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_facet_import_id_fkey',
  })
  import?: Relation<RestanceImportEntity>;
}
