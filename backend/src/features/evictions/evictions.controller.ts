import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  EvictionCase,
  EvictionSummary,
  Permission,
  RecordStageResponse,
  UpcomingEvictionItem,
} from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  CreateEvictionDto,
  DecideOutcomeDto,
  LinkCaseDto,
  ListEvictionsQueryDto,
  ProposeOutcomeDto,
  ReasonDto,
  RecordStageDto,
  SustainedCheckDto,
  UpcomingQueryDto,
  UpdateEvictionDto,
} from './evictions.dto';
import { EvictionsService } from './evictions.service';

const EvictionId = () => Param('evictionId', new ParseUUIDPipe());

@ApiTags('evictions')
@Controller('evictions')
export class EvictionsController {
  constructor(private readonly evictions: EvictionsService) {}

  @ApiOperation({ summary: 'List eviction cases' })
  @ApiResult('EvictionSummary[]')
  @Get()
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  list(@Ctx() ctx: RequestContext, @Query() q: ListEvictionsQueryDto): Promise<EvictionSummary[]> {
    return this.evictions.list(ctx, q);
  }

  /** "Kommende udsættelser" and the month calendar: dated deadlines, sorted, with days left. */
  @ApiOperation({ summary: 'Upcoming eviction dates' })
  @ApiResult('UpcomingEvictionItem[]')
  @Get('upcoming')
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  upcoming(@Ctx() ctx: RequestContext, @Query() q: UpcomingQueryDto): Promise<UpcomingEvictionItem[]> {
    return this.evictions.upcoming(ctx, q);
  }

  @ApiOperation({ summary: 'Open an eviction case' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post()
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateEvictionDto): Promise<EvictionCase> {
    return this.evictions.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Read an eviction case' })
  @ApiResult('EvictionCase')
  @Get(':evictionId')
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  get(@Ctx() ctx: RequestContext, @EvictionId() id: string): Promise<EvictionCase> {
    return this.evictions.get(ctx, id);
  }

  @ApiOperation({ summary: 'Update an eviction case' })
  @ApiResult('EvictionCase')
  @Patch(':evictionId')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  update(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: UpdateEvictionDto): Promise<EvictionCase> {
    return this.evictions.update(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Link a social case to an eviction case' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/cases')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  linkCase(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: LinkCaseDto): Promise<EvictionCase> {
    return this.evictions.linkCase(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Record an eviction stage' })
  @ApiResult('RecordStageResponse', { status: 201 })
  @Post(':evictionId/stages')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  recordStage(
    @Ctx() ctx: RequestContext,
    @EvictionId() id: string,
    @Body() dto: RecordStageDto,
  ): Promise<RecordStageResponse> {
    return this.evictions.recordStage(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Propose an eviction outcome' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/outcome')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  proposeOutcome(
    @Ctx() ctx: RequestContext,
    @EvictionId() id: string,
    @Body() dto: ProposeOutcomeDto,
  ): Promise<EvictionCase> {
    return this.evictions.proposeOutcome(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Approve the proposed outcome' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/outcome/approve')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  approve(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: DecideOutcomeDto): Promise<EvictionCase> {
    return this.evictions.approve(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Send the proposed outcome back' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/outcome/return')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  sendBack(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: ReasonDto): Promise<EvictionCase> {
    return this.evictions.sendBack(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Reopen an eviction case' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/reopen')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  reopen(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: ReasonDto): Promise<EvictionCase> {
    return this.evictions.reopen(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Record the follow-up check: does the household still live there' })
  @ApiResult('EvictionCase', { status: 201 })
  @Post(':evictionId/sustained-check')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  sustainedCheck(
    @Ctx() ctx: RequestContext,
    @EvictionId() id: string,
    @Body() dto: SustainedCheckDto,
  ): Promise<EvictionCase> {
    return this.evictions.sustainedCheck(ctx, id, dto);
  }
}
