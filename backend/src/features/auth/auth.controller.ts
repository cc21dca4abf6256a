import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActivationInfo, CurrentUser, Permission, SessionInfo } from '@bofast/contracts';
import type { Request, Response } from 'express';

import { ApiNoContent, ApiResult } from '../../common/openapi/api-result';
import { clearSessionCookies, setAnonymousCsrfCookie, setSessionCookies } from '../../common/auth/cookies';
import { AllowedBeforePasswordChange, NoPersonalData, Public, RequirePermission } from '../../common/auth/decorators';
import { Anon, AnonymousContext, Ctx, RequestContext } from '../../common/http/request-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UserEntity } from '../users/user.entity';
import { ActivationService } from './activation.service';
import { ActivateAccountDto, ChangePasswordDto, LoginDto, UpdateMeDto } from './auth.dto';
import { AuthService, newToken } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly activation: ActivationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues the CSRF cookie a browser needs before it may POST the login form. */
  @Public()
  @ApiOperation({ summary: 'Set the CSRF cookie' })
  @ApiResult('{ ok: true }')
  @Get('csrf')
  csrf(@Req() req: Request, @Res({ passthrough: true }) res: Response): { ok: true } {
    const existing = (req.cookies as Record<string, string | undefined>)['XSRF-TOKEN'];
    if (!existing) setAnonymousCsrfCookie(this.config, req, res, newToken());
    return { ok: true };
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Log in with username and password; starts a session' })
  @ApiResult('CurrentUser')
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() _body: LoginDto,
    @Req() req: Request & { user: UserEntity },
    @Anon() anon: AnonymousContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CurrentUser> {
    const issued = await this.auth.startSession(req.user, anon);
    setSessionCookies(this.config, req, res, issued.token, issued.csrfToken, issued.expiresAt);
    return issued.user;
  }

  /** Whether an activation link still works: 200, 404 unknown or used, 410 expired (throttled). */
  @Public()
  @ApiOperation({ summary: 'Check an activation link before setting a password' })
  @ApiResponse({ status: 410, description: 'Aktiveringslinket er udløbet' })
  @ApiResult('ActivationInfo')
  @Get('activation/:token')
  checkActivation(@Param('token') token: string, @Anon() anon: AnonymousContext): Promise<ActivationInfo> {
    return this.activation.check(token.slice(0, 100), anon);
  }

  /** Sets the user's own password through a one-time activation link; the user then logs in. */
  @Public()
  @ApiOperation({ summary: 'Set the first password through an activation link' })
  @ApiResponse({ status: 410, description: 'Aktiveringslinket er udløbet' })
  @ApiNoContent()
  @Post('activation')
  @HttpCode(204)
  activate(@Body() dto: ActivateAccountDto, @Anon() anon: AnonymousContext): Promise<void> {
    return this.activation.activate(dto, anon);
  }

  @ApiOperation({ summary: 'Log out; ends this session' })
  @ApiNoContent()
  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @RequirePermission(Permission.SelfUpdate)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  async logout(
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(ctx);
    clearSessionCookies(this.config, req, res);
  }

  @ApiOperation({ summary: 'The logged-in user and permissions' })
  @ApiResult('CurrentUser')
  @Get('me')
  @AllowedBeforePasswordChange()
  @RequirePermission(Permission.SelfRead)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  me(@Ctx() ctx: RequestContext): Promise<CurrentUser> {
    return this.auth.me(ctx);
  }

  @ApiOperation({ summary: 'Update own display name, e-mail or language' })
  @ApiResult('CurrentUser')
  @Patch('me')
  @AllowedBeforePasswordChange()
  @RequirePermission(Permission.SelfUpdate)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  updateMe(@Ctx() ctx: RequestContext, @Body() dto: UpdateMeDto): Promise<CurrentUser> {
    return this.auth.updateMe(ctx, dto);
  }

  @ApiOperation({ summary: 'Change own password' })
  @ApiNoContent()
  @Post('me/password')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @RequirePermission(Permission.SelfUpdate)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(ctx, dto);
  }

  @ApiOperation({ summary: 'List own active sessions' })
  @ApiResult('SessionInfo[]')
  @Get('sessions')
  @RequirePermission(Permission.SelfRead)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  sessions(@Ctx() ctx: RequestContext): Promise<SessionInfo[]> {
    return this.auth.listSessions(ctx);
  }

  @ApiOperation({ summary: 'Revoke one of own sessions' })
  @ApiNoContent()
  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @RequirePermission(Permission.SelfUpdate)
  @NoPersonalData('Kun den indloggede brugers egne oplysninger')
  revokeSession(@Ctx() ctx: RequestContext, @Param('sessionId', new ParseUUIDPipe()) sessionId: string): Promise<void> {
    return this.auth.revokeSession(ctx, sessionId);
  }
}
