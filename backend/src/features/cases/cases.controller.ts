import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  AssignableUser,
  CaseDetail,
  CaseSummary,
  CaseType,
  Page,
  Permission,
  TimelineEvent,
} from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  AssignableUsersQueryDto,
  ChangeCaseStatusDto,
  CreateActionDto,
  CreateCaseDto,
  CreateCaseTypeDto,
  CreateContactAttemptDto,
  CreateGoalDto,
  CreateNoteDto,
  ListCasesQueryDto,
  ListTimelineQueryDto,
  ReopenCaseDto,
  UpdateActionDto,
  UpdateCaseDto,
} from './cases.dto';
import { CasesService } from './cases.service';

const CaseId = () => Param('caseId', new ParseUUIDPipe());

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @ApiOperation({ summary: 'List case types' })
  @ApiResult('CaseType[]')
  @Get('case-types')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  caseTypes(): Promise<CaseType[]> {
    return this.cases.listCaseTypes();
  }

  @ApiOperation({ summary: 'Create a case type' })
  @ApiResult('CaseType', { status: 201 })
  @Post('case-types')
  @RequirePermission(Permission.CaseTypeManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createCaseType(@Body() dto: CreateCaseTypeDto): Promise<CaseType> {
    return this.cases.createCaseType(dto);
  }

  @ApiOperation({ summary: 'Colleagues a case can be assigned to' })
  @ApiResult('AssignableUser[]')
  @Get('cases/assignable-users')
  @RequirePermission(Permission.CaseRead)
  @NoPersonalData('Navne på kolleger i eget team til tildeling, ingen borgeroplysninger')
  assignableUsers(@Ctx() ctx: RequestContext, @Query() q: AssignableUsersQueryDto): Promise<AssignableUser[]> {
    return this.cases.assignableUsers(ctx, q.teamId);
  }

  @ApiOperation({ summary: 'List cases visible to the caller (filtered, paged)' })
  @ApiResult('Page<CaseSummary>')
  @Get('cases')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case })
  list(@Ctx() ctx: RequestContext, @Query() q: ListCasesQueryDto): Promise<Page<CaseSummary>> {
    return this.cases.list(ctx, q);
  }

  @ApiOperation({ summary: 'Open a case' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('cases')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateCaseDto): Promise<CaseDetail> {
    return this.cases.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a case' })
  @ApiResult('CaseDetail')
  @Get('cases/:caseId')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  get(@Ctx() ctx: RequestContext, @CaseId() id: string): Promise<CaseDetail> {
    return this.cases.get(ctx, id);
  }

  @ApiOperation({ summary: 'Update a case' })
  @ApiResult('CaseDetail')
  @Patch('cases/:caseId')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  update(@Ctx() ctx: RequestContext, @CaseId() id: string, @Body() dto: UpdateCaseDto): Promise<CaseDetail> {
    return this.cases.update(ctx, id, dto);
  }

  @ApiOperation({ summary: "Change a case's status" })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('cases/:caseId/status')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  changeStatus(
    @Ctx() ctx: RequestContext,
    @CaseId() id: string,
    @Body() dto: ChangeCaseStatusDto,
  ): Promise<CaseDetail> {
    return this.cases.changeStatus(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Reopen a closed case' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('cases/:caseId/reopen')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  reopen(@Ctx() ctx: RequestContext, @CaseId() id: string, @Body() dto: ReopenCaseDto): Promise<CaseDetail> {
    return this.cases.reopen(ctx, id, dto);
  }

  @ApiOperation({ summary: "A case's timeline (paged)" })
  @ApiResult('Page<TimelineEvent>')
  @Get('cases/:caseId/timeline')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: tidslinje', subject: AccessSubjectType.Case, param: 'caseId' })
  timeline(
    @Ctx() ctx: RequestContext,
    @CaseId() id: string,
    @Query() q: ListTimelineQueryDto,
  ): Promise<Page<TimelineEvent>> {
    return this.cases.listTimeline(ctx, id, q);
  }

  @ApiOperation({ summary: 'Add a note to a case' })
  @ApiResult('TimelineEvent', { status: 201 })
  @Post('cases/:caseId/notes')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  addNote(@Ctx() ctx: RequestContext, @CaseId() id: string, @Body() dto: CreateNoteDto): Promise<TimelineEvent> {
    return this.cases.addNote(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Record a contact attempt on a case' })
  @ApiResult('TimelineEvent', { status: 201 })
  @Post('cases/:caseId/contact-attempts')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  addContactAttempt(
    @Ctx() ctx: RequestContext,
    @CaseId() id: string,
    @Body() dto: CreateContactAttemptDto,
  ): Promise<TimelineEvent> {
    return this.cases.addContactAttempt(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Add a handleplan goal' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('cases/:caseId/goals')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  addGoal(@Ctx() ctx: RequestContext, @CaseId() id: string, @Body() dto: CreateGoalDto): Promise<CaseDetail> {
    return this.cases.addGoal(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Add a handleplan action' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('cases/:caseId/actions')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  addAction(@Ctx() ctx: RequestContext, @CaseId() id: string, @Body() dto: CreateActionDto): Promise<CaseDetail> {
    return this.cases.addAction(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Update a handleplan action' })
  @ApiResult('CaseDetail')
  @Patch('cases/:caseId/actions/:actionId')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Case, param: 'caseId' })
  updateAction(
    @Ctx() ctx: RequestContext,
    @CaseId() id: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() dto: UpdateActionDto,
  ): Promise<CaseDetail> {
    return this.cases.updateAction(ctx, id, actionId, dto);
  }
}
