import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Permission, Task, Visit } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CompleteVisitDto, CreateVisitDto, ListTasksQueryDto, ListVisitsQueryDto, UpdateTaskDto } from './visits.dto';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  /** "Mine besøg i dag": `?mine=true&date=YYYY-MM-DD`. */
  @ApiOperation({ summary: 'List visits' })
  @ApiResult('Visit[]')
  @Get('visits')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: besøg', subject: AccessSubjectType.Case })
  list(@Ctx() ctx: RequestContext, @Query() q: ListVisitsQueryDto): Promise<Visit[]> {
    return this.visits.list(ctx, q);
  }

  @ApiOperation({ summary: 'Plan a visit on a case' })
  @ApiResult('Visit', { status: 201 })
  @Post('cases/:caseId/visits')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: besøg', subject: AccessSubjectType.Case, param: 'caseId' })
  create(
    @Ctx() ctx: RequestContext,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() dto: CreateVisitDto,
  ): Promise<Visit> {
    return this.visits.create(ctx, caseId, dto);
  }

  @ApiOperation({ summary: 'Complete a visit' })
  @ApiResult('Visit', { status: 201 })
  @Post('visits/:visitId/complete')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: besøg', subject: AccessSubjectType.Case })
  complete(
    @Ctx() ctx: RequestContext,
    @Param('visitId', new ParseUUIDPipe()) visitId: string,
    @Body() dto: CompleteVisitDto,
  ): Promise<Visit> {
    return this.visits.complete(ctx, visitId, dto);
  }

  /** "Opfølgning": open follow-up tasks (`?mine=true`). */
  @ApiOperation({ summary: "List the caller's tasks" })
  @ApiResult('Task[]')
  @Get('tasks')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: opgaver', subject: AccessSubjectType.Case })
  tasks(@Ctx() ctx: RequestContext, @Query() q: ListTasksQueryDto): Promise<Task[]> {
    return this.visits.tasks(ctx, q);
  }

  @ApiOperation({ summary: 'Update a task' })
  @ApiResult('Task')
  @Patch('tasks/:taskId')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: opgaver', subject: AccessSubjectType.Case })
  updateTask(
    @Ctx() ctx: RequestContext,
    @Param('taskId', new ParseUUIDPipe()) taskId: string,
    @Body() dto: UpdateTaskDto,
  ): Promise<Task> {
    return this.visits.updateTask(ctx, taskId, dto);
  }
}
