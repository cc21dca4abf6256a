import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed and successful logins, keyed by the username as typed (whether or not it exists), so that
 * lockout behaves the same for unknown users and cannot be used to enumerate accounts.
 */
@Entity({ name: 'login_attempt' })
/** CREATE INDEX ix_login_attempt_address ON login_attempt USING btree (client_address, attempted_at) */
@Index('ix_login_attempt_address', ['clientAddress', 'attemptedAt'])
/** CREATE INDEX ix_login_attempt_username ON login_attempt USING btree (username_key, attempted_at) */
@Index('ix_login_attempt_username', ['usernameKey', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'username_key', comment: 'Lower-cased username as typed' })
  usernameKey!: string;

  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'attempted_at' })
  attemptedAt!: Date;
}
