import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

/**
 * User administration (/api/users): creating accounts, roles, teams, deactivation and password reset.
 * It sits above authentication: a change issues an activation link and ends the user's sessions.
 * Layers, no cycle: UsersModule (accounts) ← AuthModule ← UserAdminModule.
 */
@Module({
  controllers: [UsersController],
  imports: [AuthModule, UsersModule],
  providers: [UsersService],
})
export class UserAdminModule {}
