import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';

import { anonymousContext, BofastRequest } from '../../common/http/request-context';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: BofastRequest, username: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(username, password, anonymousContext(req));
  }
}
