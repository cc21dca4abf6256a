import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  EvictionCase,
  EvictionSummary,
  Permission,
  RecordStageResponse,
  UpcomingEvictionItem,
} from '@bofast/contracts';

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

  @Get()
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  list(@Ctx() ctx: RequestContext, @Query() q: ListEvictionsQueryDto): Promise<EvictionSummary[]> {
    return this.evictions.list(ctx, q);
  }

  /** "Kommende udsættelser" and the month calendar: dated deadlines, sorted, with days left. */
  @Get('upcoming')
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  upcoming(@Ctx() ctx: RequestContext, @Query() q: UpcomingQueryDto): Promise<UpcomingEvictionItem[]> {
    return this.evictions.upcoming(ctx, q);
  }

  @Post()
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateEvictionDto): Promise<EvictionCase> {
    return this.evictions.create(ctx, dto);
  }

  @Get(':evictionId')
  @RequirePermission(Permission.EvictionRead)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  get(@Ctx() ctx: RequestContext, @EvictionId() id: string): Promise<EvictionCase> {
    return this.evictions.get(ctx, id);
  }

  @Patch(':evictionId')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  update(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: UpdateEvictionDto): Promise<EvictionCase> {
    return this.evictions.update(ctx, id, dto);
  }

  @Post(':evictionId/cases')
  @RequirePermission(Permission.EvictionWrite)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  linkCase(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: LinkCaseDto): Promise<EvictionCase> {
    return this.evictions.linkCase(ctx, id, dto);
  }

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

  @Post(':evictionId/outcome/approve')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  approve(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: DecideOutcomeDto): Promise<EvictionCase> {
    return this.evictions.approve(ctx, id, dto);
  }

  @Post(':evictionId/outcome/return')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  sendBack(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: ReasonDto): Promise<EvictionCase> {
    return this.evictions.sendBack(ctx, id, dto);
  }

  @Post(':evictionId/reopen')
  @RequirePermission(Permission.EvictionApprove)
  @PersonalData({ purpose: 'Sagsbehandling: udsættelsessag', subject: AccessSubjectType.Eviction, param: 'evictionId' })
  reopen(@Ctx() ctx: RequestContext, @EvictionId() id: string, @Body() dto: ReasonDto): Promise<EvictionCase> {
    return this.evictions.reopen(ctx, id, dto);
  }

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
