import { PartnerContact, PartnerType } from '@bofast/contracts';
import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity({ name: 'partner_organisation' })
@Unique('uq_partner_organisation_name', ['kommune', 'name'])
@Check('ck_partner_channels', "(channels <@ ARRAY['portal'::text, 'sikker_mail'::text, 'telefon'::text])")
@Check('ck_partner_response_days', '((response_days >= 1) AND (response_days <= 90))')
export class PartnerOrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: PartnerType;

  @Column({ type: 'text' })
  kommune!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts!: PartnerContact[];

  @Column({ type: 'text', array: true, default: () => "'{portal}'" })
  channels!: string[];

  @Column({ type: 'integer', name: 'response_days', default: 10 })
  responseDays!: number;

  @Column({ type: 'integer', default: 1, comment: 'Optimistic-concurrency version, bumped on every update' })
  version!: number;
}
