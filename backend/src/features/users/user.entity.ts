import { Locale, Role } from '@bofast/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { BoligorganisationEntity } from '../organisations/boligorganisation.entity';
import { PartnerOrganisationEntity } from '../organisations/partner-organisation.entity';
import { TeamEntity } from '../teams/team.entity';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', comment: 'Login name, stored lower-case; unique' })
  username!: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({
    type: 'text',
    name: 'password_hash',
    select: false,
    nullable: true,
    comment: 'argon2id; NULL until the user sets a password through an activation link',
  })
  passwordHash!: string | null;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive!: boolean;

  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'text', default: 'da' })
  locale!: Locale;

  @Column({ type: 'uuid', name: 'partner_organisation_id', nullable: true })
  partnerOrganisationId!: string | null;

  @ManyToOne(() => PartnerOrganisationEntity, { nullable: true })
  @JoinColumn({ name: 'partner_organisation_id' })
  partnerOrganisation!: PartnerOrganisationEntity | null;

  @Column({ type: 'uuid', name: 'boligorganisation_id', nullable: true })
  boligorganisationId!: string | null;

  @ManyToOne(() => BoligorganisationEntity, { nullable: true })
  @JoinColumn({ name: 'boligorganisation_id' })
  boligorganisation!: BoligorganisationEntity | null;

  @ManyToMany(() => TeamEntity)
  @JoinTable({ name: 'user_team', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'team_id' } })
  teams!: TeamEntity[];

  @Column({
    type: 'timestamptz',
    name: 'activated_at',
    nullable: true,
    comment: 'When the user first set their own password through an activation link',
  })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ type: 'integer', default: 1, comment: 'Optimistic-concurrency version, bumped on every update' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
