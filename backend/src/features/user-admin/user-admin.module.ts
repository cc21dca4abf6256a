import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * User administration (/api/users): creating accounts, roles, teams, deactivation and password reset.
 * It sits above authentication: a change issues an activation link and ends the user's sessions.
 * Layers, no cycle between modules or folders: users/ (accounts) ← auth/ ← user-admin/.
 */
@Module({
  controllers: [UsersController],
  imports: [AuthModule, UsersModule],
  providers: [UsersService],
})
export class UserAdminModule {}
