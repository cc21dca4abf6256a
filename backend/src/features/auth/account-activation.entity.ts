import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time activation link (migration 1796200000000). Only the token's sha256 is stored. */
@Entity({ name: 'account_activation' })
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
}
