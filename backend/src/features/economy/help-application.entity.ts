import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';

/** Table `help_application`: An application for financial help to an authority, recorded on a case. */
@Entity({ name: 'help_application' })
@Check(
  'ck_application_status',
  "(status = ANY (ARRAY['forberedes'::text, 'indsendt'::text, 'bevilget'::text, 'afslag'::text, 'klage'::text]))",
)
@Check(
  'ck_application_type',
  "(type = ANY (ARRAY['enkeltydelse'::text, 'boligstoette'::text, 'frivillig_administration'::text, 'andet'::text]))",
)
/** CREATE INDEX ix_help_application_sag ON help_application USING btree (sag_id) */
@Index('ix_help_application_sag', ['sagId'])
export class HelpApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  authority!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ type: 'text', default: 'forberedes' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

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
    foreignKeyConstraintName: 'help_application_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'help_application_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
