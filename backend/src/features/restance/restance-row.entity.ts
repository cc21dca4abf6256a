import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { AfdelingEntity } from '../organisations/afdeling.entity';
import { LejemaalEntity } from '../people/lejemaal.entity';
import { UserEntity } from '../users/user.entity';
import { RestanceImportEntity } from './restance-import.entity';

/** Table `restance_row`: One row of an imported restanceliste (arrears list): the tenancy, its arrears, validation errors and outreach state. */
@Entity({ name: 'restance_row' })
@Check('ck_restance_row_accepted', '((NOT accepted) OR ((amount IS NOT NULL) AND (change IS NOT NULL)))')
@Check(
  'ck_restance_row_change',
  "(change = ANY (ARRAY['ny'::text, 'steget'::text, 'faldet'::text, 'uaendret'::text, 'afviklet'::text]))",
)
@Check(
  'ck_restance_row_outreach',
  "(outreach_status = ANY (ARRAY['ikke_kontaktet'::text, 'forsoegt'::text, 'kontakt'::text, 'sag_oprettet'::text, 'afslaaet'::text, 'betalt_foer_kontakt'::text, 'ingen_kontakt'::text]))",
)
/** CREATE INDEX ix_restance_row_assignee ON restance_row USING btree (assignee_id) WHERE (assignee_id IS NOT NULL) */
@Index('ix_restance_row_assignee', ['assigneeId'], { where: '(assignee_id IS NOT NULL)' })
/** CREATE INDEX ix_restance_row_lejemaal ON restance_row USING btree (lejemaal_id, list_date DESC) WHERE (accepted AND (lejemaal_id IS NOT NULL)) */
@Index('ix_restance_row_lejemaal', ['lejemaalId', 'listDate'], { where: '(accepted AND (lejemaal_id IS NOT NULL))' })
/** CREATE INDEX ix_restance_row_worklist ON restance_row USING btree (import_id, priority DESC, id) WHERE accepted */
@Index('ix_restance_row_worklist', ['importId', 'priority', 'id'], { where: 'accepted' })
/** CREATE UNIQUE INDEX uq_restance_row_key ON restance_row USING btree (import_id, row_key) */
@Index('uq_restance_row_key', ['importId', 'rowKey'], { unique: true })
export class RestanceRowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'import_id' })
  importId!: string;

  @Column({ type: 'uuid', name: 'boligorganisation_id' })
  boligorganisationId!: string;

  @Column({ type: 'date', name: 'list_date' })
  listDate!: string;

  @Column({ type: 'integer', name: 'row_number' })
  rowNumber!: number;

  @Column({ type: 'text', name: 'row_key', comment: 'afdeling|lejemålsnummer, lower-case: stable across months' })
  rowKey!: string;

  @Column({ type: 'boolean' })
  accepted!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: unknown[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  raw!: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'afdeling_id', nullable: true })
  afdelingId!: string | null;

  @Column({ type: 'uuid', name: 'lejemaal_id', nullable: true })
  lejemaalId!: string | null;

  @Column({ type: 'text', default: '' })
  afdelingsnummer!: string;

  @Column({ type: 'text', default: '' })
  lejemaalsnummer!: string;

  @Column({ type: 'text', name: 'tenant_names', default: '' })
  tenantNames!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ type: 'numeric', name: 'previous_amount', precision: 12, scale: 2, nullable: true })
  previousAmount!: string | null;

  @Column({ type: 'integer', nullable: true })
  months!: number | null;

  @Column({ type: 'date', name: 'oldest_due_date', nullable: true })
  oldestDueDate!: string | null;

  @Column({ type: 'date', name: 'paakrav_date', nullable: true })
  paakravDate!: string | null;

  @Column({ type: 'date', name: 'ophaevelse_date', nullable: true })
  ophaevelseDate!: string | null;

  @Column({ type: 'boolean', name: 'has_agreement', default: false })
  hasAgreement!: boolean;

  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  @Column({ type: 'text', nullable: true })
  change!: string | null;

  @Column({ type: 'integer', name: 'repeat_count', default: 0 })
  repeatCount!: number;

  @Column({ type: 'integer', default: 0 })
  priority!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons!: unknown[];

  @Column({ type: 'text', name: 'outreach_status', default: 'ikke_kontaktet' })
  outreachStatus!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'first_contact_at', nullable: true })
  firstContactAt!: Date | null;

  @ManyToOne(() => RestanceImportEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'import_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_restance_row_import' },
    { name: 'boligorganisation_id', referencedColumnName: 'boligorganisationId' },
    { name: 'list_date', referencedColumnName: 'listDate' },
  ])
  restanceImport?: Relation<RestanceImportEntity>;

  @ManyToOne(() => AfdelingEntity)
  @JoinColumn({
    name: 'afdeling_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_row_afdeling_id_fkey',
  })
  afdeling?: Relation<AfdelingEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'assignee_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_row_assignee_id_fkey',
  })
  assignee?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity)
  @JoinColumn({ name: 'case_id', referencedColumnName: 'id', foreignKeyConstraintName: 'restance_row_case_id_fkey' })
  case?: Relation<SagEntity> | null;

  @ManyToOne(() => LejemaalEntity)
  @JoinColumn({
    name: 'lejemaal_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'restance_row_lejemaal_id_fkey',
  })
  lejemaal?: Relation<LejemaalEntity> | null;
}
