import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, AppConfig } from '../../config/config';
import { DomainError } from '../../common/errors/domain-error';
import { LoginAttemptEntity } from './login-attempt.entity';

/**
 * Throttles logins per username as typed and per client address. Unknown usernames are counted and
 * locked exactly like real ones, and the lockout answer is the same, so it reveals nothing.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static key(username: string): string {
    return username.trim().toLowerCase().slice(0, 200);
  }

  async assertAllowed(usernameKey: string, clientAddress: string | null): Promise<void> {
    const minutes = this.config.LOGIN_LOCKOUT_MINUTES;
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM login_attempt a
           WHERE a.username_key = $1 AND NOT a.succeeded AND a.attempted_at > now() - make_interval(mins => $3)
             AND a.attempted_at > coalesce((SELECT max(s.attempted_at) FROM login_attempt s
                                            WHERE s.username_key = $1 AND s.succeeded), '-infinity'))::int AS by_user,
         (SELECT count(*) FROM login_attempt a
           WHERE a.client_address = $2 AND NOT a.succeeded AND a.attempted_at > now() - make_interval(mins => $3))::int AS by_address`,
      [usernameKey, clientAddress, minutes],
    );
    if (row.by_user >= this.config.LOGIN_MAX_FAILURES || row.by_address >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) {
      throw new DomainError('LOGIN_THROTTLED', `For mange mislykkede forsøg. Prøv igen om ${minutes} minutter.`, {
        retryAfterSeconds: minutes * 60,
      });
    }
  }

  async record(usernameKey: string, clientAddress: string | null, succeeded: boolean): Promise<void> {
    await this.dataSource.getRepository(LoginAttemptEntity).insert({ usernameKey, clientAddress, succeeded });
  }
}
