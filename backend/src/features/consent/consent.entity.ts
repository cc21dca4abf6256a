import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { PersonEntity } from '../people/person.entity';
import { UserEntity } from '../users/user.entity';

/** Table `consent`: A resident's consent to share data categories for purposes, its document and its withdrawal. */
@Entity({ name: 'consent' })
@Check('ck_consent_categories', '(cardinality(data_categories) > 0)')
@Check('ck_consent_dates', '(expires_at > given_at)')
@Check('ck_consent_direction', "(direction = ANY (ARRAY['indhente'::text, 'videregive'::text, 'begge'::text]))")
@Check('ck_consent_form', "(form = ANY (ARRAY['skriftlig'::text, 'mundtlig'::text, 'digital'::text]))")
@Check('ck_consent_purposes', '(cardinality(purposes) > 0)')
@Check(
  'ck_consent_withdrawal_method',
  "(withdrawal_method = ANY (ARRAY['skriftlig'::text, 'mundtlig'::text, 'digital'::text]))",
)
@Check('ck_consent_witness', "((form <> 'mundtlig'::text) OR (witness_name IS NOT NULL))")
/** CREATE INDEX ix_consent_person ON consent USING btree (person_id) */
@Index('ix_consent_person', ['personId'])
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'person_id' })
  personId!: string;

  @Column({ type: 'uuid', name: 'sag_id', nullable: true })
  sagId!: string | null;

  @Column({ type: 'text', name: 'data_categories', array: true })
  dataCategories!: string[];

  @Column({ type: 'text', array: true })
  purposes!: string[];

  @Column({ type: 'text' })
  direction!: string;

  @Column({ type: 'text' })
  form!: string;

  @Column({ type: 'text', name: 'witness_name', nullable: true })
  witnessName!: string | null;

  @Column({ type: 'boolean', name: 'interpreter_used', default: false })
  interpreterUsed!: boolean;

  @Column({ type: 'bytea', nullable: true })
  document!: Buffer | null;

  @Column({ type: 'text', name: 'document_filename', nullable: true })
  documentFilename!: string | null;

  @Column({ type: 'text', name: 'document_content_type', nullable: true })
  documentContentType!: string | null;

  @Column({ type: 'timestamptz', name: 'given_at' })
  givenAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'uuid', name: 'withdrawn_by', nullable: true })
  withdrawnBy!: string | null;

  @Column({ type: 'text', name: 'withdrawal_method', nullable: true })
  withdrawalMethod!: string | null;

  @Column({ type: 'text', name: 'withdrawal_note', nullable: true })
  withdrawalNote!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'consent_created_by_fkey' })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => PersonEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', referencedColumnName: 'id', foreignKeyConstraintName: 'consent_person_id_fkey' })
  person?: Relation<PersonEntity>;

  @ManyToOne(() => SagEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'consent_sag_id_fkey' })
  sag?: Relation<SagEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'withdrawn_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'consent_withdrawn_by_fkey',
  })
  withdrawnByUser?: Relation<UserEntity> | null;
}
