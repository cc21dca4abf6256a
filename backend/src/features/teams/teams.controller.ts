import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, TeamSummary } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateTeamDto, UpdateTeamDto } from './teams.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @ApiOperation({ summary: 'List teams' })
  @ApiResult('TeamSummary[]')
  @Get()
  @RequirePermission(Permission.TeamRead)
  @NoPersonalData('Teamnavn, afdelinger og antal medlemmer, ingen navne')
  list(): Promise<TeamSummary[]> {
    return this.teams.list();
  }

  @ApiOperation({ summary: 'Read a team' })
  @ApiResult('TeamSummary')
  @Get(':teamId')
  @RequirePermission(Permission.TeamRead)
  @NoPersonalData('Teamnavn, afdelinger og antal medlemmer, ingen navne')
  get(@Param('teamId', new ParseUUIDPipe()) id: string): Promise<TeamSummary> {
    return this.teams.get(id);
  }

  @ApiOperation({ summary: 'Create a team' })
  @ApiResult('TeamSummary', { status: 201 })
  @Post()
  @RequirePermission(Permission.TeamManage)
  @NoPersonalData('Teamnavn, afdelinger og antal medlemmer, ingen navne')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateTeamDto): Promise<TeamSummary> {
    return this.teams.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Update a team' })
  @ApiResult('TeamSummary')
  @Patch(':teamId')
  @RequirePermission(Permission.TeamManage)
  @NoPersonalData('Teamnavn, afdelinger og antal medlemmer, ingen navne')
  update(
    @Ctx() ctx: RequestContext,
    @Param('teamId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<TeamSummary> {
    return this.teams.update(ctx, id, dto);
  }
}
