import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed and successful logins, keyed by the username as typed (whether or not it exists), so that
 * lockout behaves the same for unknown users and cannot be used to enumerate accounts.
 */
@Entity({ name: 'login_attempt' })
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
