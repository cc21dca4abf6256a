import { PartnerType } from '@bofast/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'partner_organisation' })
export class PartnerOrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: PartnerType;

  @Column({ type: 'text' })
  kommune!: string;
}
