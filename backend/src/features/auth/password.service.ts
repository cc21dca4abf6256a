import { Injectable, OnModuleInit } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@bofast/contracts';
import * as argon2 from 'argon2';

import { fieldError } from '../../common/errors/domain-error';
import { commonPasswords, isCommonPassword } from './common-passwords';

// OWASP's argon2id minimum (19 MiB, 2 iterations) rounded up.
const ARGON_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash: Promise<string> | undefined;

  /** Reads the list of common passwords at start: a build without it fails at boot, not at a password change. */
  onModuleInit(): void {
    commonPasswords();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    this.dummyHash ??= this.hash('bofast-dummy-password-for-timing');
    const target = hash ?? (await this.dummyHash);
    const ok = await argon2.verify(target, password).catch(() => false);
    return hash !== null && ok;
  }

  /**
   * The password policy, wherever a password is set (change, activation): 12 to 256 characters, not on
   * the shipped list of common passwords, not containing the username, not monotonous.
   * Throws a 400 with a Danish message on `field`.
   */
  assertAcceptable(password: string, username: string, field = 'newPassword'): void {
    if (password.length < PASSWORD_MIN_LENGTH) throw fieldError(field, `Mindst ${PASSWORD_MIN_LENGTH} tegn`);
    if (password.length > PASSWORD_MAX_LENGTH) throw fieldError(field, `Højst ${PASSWORD_MAX_LENGTH} tegn`);
    if (isCommonPassword(password)) throw fieldError(field, 'Adgangskoden er for almindelig – vælg en anden');
    if (password.toLowerCase().includes(username.toLowerCase())) {
      throw fieldError(field, 'Adgangskoden må ikke indeholde brugernavnet');
    }
    if (new Set(password).size < 5) throw fieldError(field, 'Adgangskoden er for ensformig');
  }
}
