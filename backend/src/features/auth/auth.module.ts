import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';

import { UsersModule } from '../users/users.module';
import { AccountActivationsRepository } from './account-activations.repository';
import { ActivationService } from './activation.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

/**
 * Login, sessions, password policy and account activation. Reads accounts through UsersModule; the
 * global AuthGuard (AppModule) and the features that end sessions (teams, user administration) import it.
 */
@Module({
  controllers: [AuthController],
  exports: [ActivationService, SessionsRepository],
  imports: [PassportModule, UsersModule],
  providers: [
    AccountActivationsRepository,
    ActivationService,
    AuthService,
    LocalStrategy,
    LoginThrottleService,
    PasswordService,
    SessionCache,
    SessionsRepository,
  ],
})
export class AuthModule {}
