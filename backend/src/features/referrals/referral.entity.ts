import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { ConsentEntity } from '../consent/consent.entity';
import { PartnerOrganisationEntity } from '../organisations/partner-organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { UserEntity } from '../users/user.entity';

/** Table `referral`: A referral of a case to a partner organisation, with what is shared and under which consent. */
@Entity({ name: 'referral' })
@Check(
  'ck_referral_cover',
  "((status = 'udkast'::text) OR underretning OR (cardinality(shared_categories) = 0) OR (consent_id IS NOT NULL))",
)
@Check(
  'ck_referral_method',
  "(method = ANY (ARRAY['informeret'::text, 'formidlet_kontakt'::text, 'ledsaget'::text, 'bisidder'::text, 'formel_henvisning'::text]))",
)
@Check('ck_referral_reason', '((length(reason) >= 1) AND (length(reason) <= 2000))')
@Check('ck_referral_sent', "((status = 'udkast'::text) OR (sent_at IS NOT NULL))")
@Check(
  'ck_referral_status',
  "(status = ANY (ARRAY['udkast'::text, 'sendt'::text, 'modtaget'::text, 'accepteret'::text, 'afvist'::text, 'venteliste'::text, 'forloeb_i_gang'::text, 'afsluttet'::text, 'udeblevet'::text, 'trukket_tilbage'::text]))",
)
@Check('ck_referral_underretning', '((NOT underretning) OR (underretning_reason IS NOT NULL))')
/** CREATE INDEX ix_referral_open ON referral USING btree (sent_at) WHERE (status = ANY (ARRAY['sendt'::text, 'modtaget'::text])) */
@Index('ix_referral_open', ['sentAt'], { where: "(status = ANY (ARRAY['sendt'::text, 'modtaget'::text]))" })
/** CREATE INDEX ix_referral_partner ON referral USING btree (partner_organisation_id, status, sent_at DESC) */
@Index('ix_referral_partner', ['partnerOrganisationId', 'status', 'sentAt'])
/** CREATE INDEX ix_referral_sag ON referral USING btree (sag_id, created_at DESC) */
@Index('ix_referral_sag', ['sagId', 'createdAt'])
/** CREATE INDEX ix_referral_sent ON referral USING btree (sent_at) WHERE (sent_at IS NOT NULL) */
@Index('ix_referral_sent', ['sentAt'], { where: '(sent_at IS NOT NULL)' })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'uuid', name: 'person_id' })
  personId!: string;

  @Column({ type: 'uuid', name: 'partner_organisation_id' })
  partnerOrganisationId!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text', name: 'shared_fields', array: true, default: () => "'{}'" })
  sharedFields!: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  notes!: Record<string, unknown>;

  @Column({ type: 'text', name: 'shared_categories', array: true, default: () => "'{}'" })
  sharedCategories!: string[];

  @Column({ type: 'boolean', default: false })
  underretning!: boolean;

  @Column({ type: 'text', name: 'underretning_reason', nullable: true })
  underretningReason!: string | null;

  @Column({ type: 'uuid', name: 'consent_id', nullable: true })
  consentId!: string | null;

  @Column({ type: 'text', default: 'udkast' })
  status!: string;

  @Column({ type: 'text', name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'first_meeting_at', nullable: true })
  firstMeetingAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => ConsentEntity)
  @JoinColumn({ name: 'consent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'referral_consent_id_fkey' })
  consent?: Relation<ConsentEntity> | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'referral_created_by_fkey' })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => PartnerOrganisationEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'partner_organisation_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'referral_partner_organisation_id_fkey',
  })
  partnerOrganisation?: Relation<PartnerOrganisationEntity>;

  @ManyToOne(() => PersonEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', referencedColumnName: 'id', foreignKeyConstraintName: 'referral_person_id_fkey' })
  person?: Relation<PersonEntity>;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'referral_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
