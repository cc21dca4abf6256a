import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { BofastRequest } from '../../common/http/request-context';
import { LoginDto } from './auth.dto';

/**
 * passport-local for POST /auth/login. Guards run before pipes, so the body is validated here first:
 * a missing field is a 400 with field messages, not passport's bare 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<BofastRequest>();
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const fields = Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields,
      });
    }
    req.body = dto;
    return (await super.canActivate(context)) as boolean;
  }
}
