import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { PartnerOrganisationEntity } from '../organisations/partner-organisation.entity';
import { ConsentEntity } from './consent.entity';

/** Table `consent_recipient`: The partner organisations a consent names as recipients. */
@Entity({ name: 'consent_recipient' })
/** CREATE INDEX ix_consent_recipient_partner ON consent_recipient USING btree (partner_organisation_id) */
@Index('ix_consent_recipient_partner', ['partnerOrganisationId'])
export class ConsentRecipientEntity {
  @PrimaryColumn({ type: 'uuid', name: 'consent_id' })
  consentId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'partner_organisation_id' })
  partnerOrganisationId!: string;

  @ManyToOne(() => ConsentEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'consent_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'consent_recipient_consent_id_fkey',
  })
  consent?: Relation<ConsentEntity>;

  @ManyToOne(() => PartnerOrganisationEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'partner_organisation_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'consent_recipient_partner_organisation_id_fkey',
  })
  partnerOrganisation?: Relation<PartnerOrganisationEntity>;
}
