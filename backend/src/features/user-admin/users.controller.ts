import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, ActivationLink, CreatedUser, Page, Permission, UserSummary } from '@bofast/contracts';
import type { Request } from 'express';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'List users (paged)' })
  @ApiResult('Page<UserSummary>')
  @Get()
  @RequirePermission(Permission.UserRead)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQueryDto): Promise<Page<UserSummary>> {
    return this.users.list(ctx, query);
  }

  @ApiOperation({ summary: 'Read a user' })
  @ApiResult('UserSummary')
  @Get(':userId')
  @RequirePermission(Permission.UserRead)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User, param: 'userId' })
  get(@Ctx() ctx: RequestContext, @Param('userId', new ParseUUIDPipe()) id: string): Promise<UserSummary> {
    return this.users.get(ctx, id);
  }

  @ApiOperation({ summary: 'Create a user and an activation link' })
  @ApiResult('CreatedUser', { status: 201 })
  @Post()
  @RequirePermission(Permission.UserManage)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User })
  /** Creates the account without a password and answers its one-time activation link (shown once). */
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto, @Req() req: Request): Promise<CreatedUser> {
    return this.users.create(ctx, dto, origin(req));
  }

  @ApiOperation({ summary: 'Update a user' })
  @ApiResult('UserSummary')
  @Patch(':userId')
  @RequirePermission(Permission.UserManage)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User, param: 'userId' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('userId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserSummary> {
    return this.users.update(ctx, id, dto);
  }

  /** Makes the password unusable, ends the user's sessions and answers a new activation link (shown once). */
  @ApiOperation({ summary: 'Issue a new activation link (password reset)' })
  @ApiResult('ActivationLink')
  @Post(':userId/reset-password')
  @HttpCode(200)
  @RequirePermission(Permission.UserManage)
  @PersonalData({
    purpose: 'Brugeradministration: adgangskode nulstillet',
    subject: AccessSubjectType.User,
    param: 'userId',
  })
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Param('userId', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
  ): Promise<ActivationLink> {
    return this.users.resetPassword(ctx, id, origin(req));
  }
}

/** Scheme and host the admin reached Bofast by (behind a proxy: as `trust proxy` reports them). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
