import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { AccountActivationEntity } from './account-activation.entity';

@Injectable()
export class AccountActivationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Ends every open link of the user (a new one replaces them). */
  async revokeOpenForUser(em: EntityManager, userId: string): Promise<void> {
    await em.update(
      AccountActivationEntity,
      { userId, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  async create(
    em: EntityManager,
    row: { userId: string; tokenHash: string; issuedByUserId: string; expiresAt: Date },
  ): Promise<void> {
    await em.insert(AccountActivationEntity, row);
  }

  /** The link for a token hash whatever its state; with `lock`, held until the transaction ends. */
  findByTokenHash(
    tokenHash: string,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<AccountActivationEntity | null> {
    return em.findOne(AccountActivationEntity, {
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markUsed(em: EntityManager, id: string): Promise<void> {
    await em.update(AccountActivationEntity, { id }, { usedAt: () => 'now()' });
  }
}
