import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';

/** Table `visit`: A home visit or meeting on a case, planned or held. */
@Entity({ name: 'visit' })
@Unique('uq_visit_client', ['clientId'])
@Check('ck_visit_held', "((status = ANY (ARRAY['planlagt'::text, 'aflyst'::text])) OR (occurred_at IS NOT NULL))")
@Check(
  'ck_visit_location',
  "(location_type = ANY (ARRAY['hjem'::text, 'kontor'::text, 'vaerested'::text, 'aaben_raadgivning'::text, 'gaatur'::text, 'partner'::text]))",
)
@Check('ck_visit_planned', "((status <> 'planlagt'::text) OR (planned_at IS NOT NULL))")
@Check('ck_visit_purpose', '(length(purpose) <= 500)')
@Check(
  'ck_visit_status',
  "(status = ANY (ARRAY['planlagt'::text, 'gennemfoert'::text, 'ingen_hjemme'::text, 'aflyst'::text, 'afvist_ved_doeren'::text]))",
)
@Check('ck_visit_summary', '(length(summary) <= 4000)')
/** CREATE INDEX ix_visit_author_day ON visit USING btree (author_id, COALESCE(occurred_at, planned_at)) */
@Index('ix_visit_author_day', { synchronize: false })
/** CREATE INDEX ix_visit_sag ON visit USING btree (sag_id, COALESCE(occurred_at, planned_at) DESC) */
@Index('ix_visit_sag', { synchronize: false })
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({
    type: 'uuid',
    name: 'client_id',
    nullable: true,
    comment: 'Chosen by the device: a draft sent twice creates one visit',
  })
  clientId!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'planned_at', nullable: true })
  plannedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'occurred_at', nullable: true })
  occurredAt!: Date | null;

  @Column({ type: 'text', name: 'location_type' })
  locationType!: string;

  @Column({ type: 'boolean' })
  announced!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  participants!: unknown[];

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'author_id', referencedColumnName: 'id', foreignKeyConstraintName: 'visit_author_id_fkey' })
  author?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'visit_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
