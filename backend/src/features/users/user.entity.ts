import { Locale, Role } from '@bofast/contracts';
import {
  Column,
  CreateDateColumn,
  Check,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

import { BoligorganisationEntity } from '../organisations/boligorganisation.entity';
import { PartnerOrganisationEntity } from '../organisations/partner-organisation.entity';
import { TeamEntity } from '../teams/team.entity';

@Entity({ name: 'app_user' })
@Unique('uq_app_user_username', ['username'])
@Check('ck_app_user_partner', "((role = 'kommunal_partner'::text) = (partner_organisation_id IS NOT NULL))")
@Check(
  'ck_app_user_role',
  "(role = ANY (ARRAY['social_vicevaert'::text, 'beboerraadgiver'::text, 'oekonomisk_raadgiver'::text, 'teamleder'::text, 'kommunal_partner'::text, 'boligorganisation'::text, 'admin'::text, 'dpo'::text]))",
)
@Check('ck_app_user_username_lower', '(username = lower(username))')
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

  @ManyToOne(() => PartnerOrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_organisation_id', foreignKeyConstraintName: 'app_user_partner_organisation_id_fkey' })
  partnerOrganisation!: PartnerOrganisationEntity | null;

  @Column({
    type: 'uuid',
    name: 'boligorganisation_id',
    nullable: true,
    comment: 'For the boligorganisation role: whose lists the user may upload',
  })
  boligorganisationId!: string | null;

  @ManyToOne(() => BoligorganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'boligorganisation_id', foreignKeyConstraintName: 'app_user_boligorganisation_id_fkey' })
  boligorganisation!: BoligorganisationEntity | null;

  @ManyToMany(() => TeamEntity)
  @JoinTable({
    name: 'user_team',
    joinColumn: { name: 'user_id' },
    inverseJoinColumn: { name: 'team_id' },
    // The junction table is UserTeamEntity's (its keys, index and foreign keys); this relation only reads it.
    synchronize: false,
  })
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
