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

/** A server-side login session. The cookie carries a random token; only its SHA-256 is stored. */
@Entity({ name: 'user_session' })
@Unique('uq_user_session_token', ['tokenHash'])
/** CREATE INDEX ix_user_session_user ON user_session USING btree (user_id) WHERE (revoked_at IS NULL) */
@Index('ix_user_session_user', ['userId'], { where: '(revoked_at IS NULL)' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @Column({ type: 'text', name: 'token_hash', comment: 'SHA-256 of the session cookie value' })
  tokenHash!: string;

  @Column({ type: 'text', name: 'csrf_token', comment: 'Synchroniser token the client echoes in X-XSRF-TOKEN' })
  csrfToken!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at', comment: 'Absolute lifetime' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', name: 'revoked_reason', nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'text', name: 'user_agent', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress!: string | null;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_session_user_id_fkey' })
  user?: Relation<UserEntity>;
}
