import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';

import { UsersRepository } from '../users/users.repository';
import { AccountActivationsRepository } from './account-activations.repository';
import { ActivationService } from './activation.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  controllers: [AuthController],
  exports: [ActivationService, PasswordService, SessionsRepository, UsersRepository],
  imports: [PassportModule],
  providers: [
    AccountActivationsRepository,
    ActivationService,
    AuthService,
    LocalStrategy,
    LoginThrottleService,
    PasswordService,
    SessionCache,
    SessionsRepository,
    UsersRepository,
  ],
})
export class AuthModule {}
