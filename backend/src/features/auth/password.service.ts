import { Injectable } from '@nestjs/common';
import { PASSWORD_MIN_LENGTH } from '@bofast/contracts';
import * as argon2 from 'argon2';

import { fieldError } from '../../common/errors/domain-error';

// OWASP's argon2id minimum (19 MiB, 2 iterations) rounded up.
const ARGON_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  private dummyHash: Promise<string> | undefined;

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

  /** Throws a 400 with a Danish field message when the password is too weak. */
  assertAcceptable(password: string, username: string, field = 'newPassword'): void {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw fieldError(field, `Adgangskoden skal have mindst ${PASSWORD_MIN_LENGTH} tegn`);
    }
    if (password.toLowerCase().includes(username.toLowerCase())) {
      throw fieldError(field, 'Adgangskoden må ikke indeholde brugernavnet');
    }
    if (new Set(password).size < 5) {
      throw fieldError(field, 'Adgangskoden er for ensformig');
    }
  }
}
