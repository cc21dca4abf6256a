import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';

import { UserEntity } from '../users/user.entity';

/** A one-time activation link (migration 1796200000000). Only the token's sha256 is stored. */
@Entity({ name: 'account_activation' })
@Unique('uq_account_activation_token', ['tokenHash'])
/** CREATE INDEX ix_account_activation_user ON account_activation USING btree (user_id) */
@Index('ix_account_activation_user', ['userId'])
export class AccountActivationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @Column({
    type: 'text',
    name: 'token_hash',
    comment: "sha256 of the link's token; the token itself is shown once and never stored",
  })
  tokenHash!: string;

  @Column({ type: 'uuid', name: 'issued_by_user_id', nullable: true })
  issuedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_by_user_id', foreignKeyConstraintName: 'account_activation_issued_by_user_id_fkey' })
  issuedByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_activation_user_id_fkey' })
  user?: Relation<UserEntity>;
}
