import { Module } from '@nestjs/common';

import { UsersRepository } from './users.repository';

/**
 * Owns the user accounts (`app_user`, `user_team`) and their repository. Authentication and
 * user administration both read accounts through the exported repository.
 */
@Module({
  exports: [UsersRepository],
  providers: [UsersRepository],
})
export class UsersModule {}
