import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Page, Permission, UserSummary } from '@bofast/contracts';

import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateUserDto, ListUsersQueryDto, ResetPasswordDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UserRead)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQueryDto): Promise<Page<UserSummary>> {
    return this.users.list(ctx, query);
  }

  @Get(':userId')
  @RequirePermission(Permission.UserRead)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User, param: 'userId' })
  get(@Ctx() ctx: RequestContext, @Param('userId', new ParseUUIDPipe()) id: string): Promise<UserSummary> {
    return this.users.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.UserManage)
  @PersonalData({ purpose: 'Brugeradministration', subject: AccessSubjectType.User })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserSummary> {
    return this.users.create(ctx, dto);
  }

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

  @Post(':userId/reset-password')
  @HttpCode(204)
  @RequirePermission(Permission.UserManage)
  @PersonalData({
    purpose: 'Brugeradministration: adgangskode nulstillet',
    subject: AccessSubjectType.User,
    param: 'userId',
  })
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Param('userId', new ParseUUIDPipe()) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(ctx, id, dto);
  }
}
