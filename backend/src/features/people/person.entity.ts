import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { PersonIdentityEntity } from './person-identity.entity';

/** Table `person`: A resident as one team knows them; the CPR number is stored encrypted, with a blind index for lookup. */
@Entity({ name: 'person' })
@Check('ck_person_birth_year', '((birth_year >= 1858) AND (birth_year <= 2100))')
@Check('ck_person_comm', "(communication_preference = ANY (ARRAY['skriftlig'::text, 'mundtlig'::text]))")
@Check('ck_person_cpr_complete', '((cpr_encrypted IS NULL) = (cpr_blind_index IS NULL))')
@Check('ck_person_identity', '((identity_id IS NULL) = (cpr_blind_index IS NULL))')
/** CREATE INDEX ix_person_identity ON person USING btree (identity_id) WHERE (identity_id IS NOT NULL) */
@Index('ix_person_identity', ['identityId'], { where: '(identity_id IS NOT NULL)' })
/** CREATE INDEX ix_person_name_trgm ON person USING gin (name gin_trgm_ops) */
@Index('ix_person_name_trgm', { synchronize: false })
/** CREATE INDEX ix_person_team ON person USING btree (team_id) */
@Index('ix_person_team', ['teamId'])
/** CREATE UNIQUE INDEX uq_person_team_cpr ON person USING btree (team_id, cpr_blind_index) WHERE (cpr_blind_index IS NOT NULL) */
@Index('uq_person_team_cpr', ['teamId', 'cprBlindIndex'], { unique: true, where: '(cpr_blind_index IS NOT NULL)' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer', name: 'birth_year', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'boolean', name: 'sms_preferred', default: true })
  smsPreferred!: boolean;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', name: 'preferred_language', nullable: true })
  preferredLanguage!: string | null;

  @Column({ type: 'boolean', name: 'interpreter_needed', default: false })
  interpreterNeeded!: boolean;

  @Column({ type: 'text', name: 'communication_preference', nullable: true })
  communicationPreference!: string | null;

  @Column({
    type: 'bytea',
    name: 'cpr_encrypted',
    nullable: true,
    comment: 'AES-256-GCM: version byte, 12-byte IV, 16-byte tag, ciphertext',
  })
  cprEncrypted!: Buffer | null;

  @Column({
    type: 'text',
    name: 'cpr_blind_index',
    nullable: true,
    comment: 'HMAC-SHA256 of the 10 CPR digits under a separate key; exact-match search only',
  })
  cprBlindIndex!: string | null;

  @Column({ type: 'text', name: 'cpr_masked', nullable: true, comment: 'DDMMYY-xxxx: the date part only' })
  cprMasked!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column({
    type: 'uuid',
    name: 'identity_id',
    nullable: true,
    comment: 'The installation-wide resident (set when a CPR number is known); never shown to another team',
  })
  identityId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'person_created_by_fkey' })
  createdByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => PersonIdentityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'identity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'person_identity_id_fkey' })
  identity?: Relation<PersonIdentityEntity> | null;

  @ManyToOne(() => TeamEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'person_team_id_fkey' })
  team?: Relation<TeamEntity>;
}
