import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';

/** Table `payment_agreement`: A payment agreement with a creditor, recorded on a case. */
@Entity({ name: 'payment_agreement' })
@Check(
  'ck_agreement_creditor',
  "(creditor = ANY (ARRAY['boligorganisation'::text, 'kreditor'::text, 'offentlig'::text]))",
)
@Check('ck_agreement_installment', '(installment > (0)::numeric)')
@Check('ck_agreement_principal', '(principal > (0)::numeric)')
@Check(
  'ck_agreement_status',
  "(status = ANY (ARRAY['forhandles'::text, 'aftalt'::text, 'overholdes'::text, 'misligholdt'::text, 'indfriet'::text, 'annulleret'::text]))",
)
/** CREATE INDEX ix_payment_agreement_sag ON payment_agreement USING btree (sag_id) */
@Index('ix_payment_agreement_sag', ['sagId'])
export class PaymentAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'text' })
  creditor!: string;

  @Column({ type: 'text', name: 'creditor_name', nullable: true })
  creditorName!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  principal!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  installment!: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate!: string;

  @Column({ type: 'text', default: 'forhandles' })
  status!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'payment_agreement_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'payment_agreement_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
