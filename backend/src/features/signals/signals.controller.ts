import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, CaseDetail, Page, Permission, SignalSummary } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateContactAttemptDto } from '../cases/cases.dto';
import { ConvertSignalDto, CreateSignalDto, ListSignalsQueryDto, UpdateSignalDto } from './signals.dto';
import { SignalsService } from './signals.service';

const SignalId = () => Param('signalId', new ParseUUIDPipe());

@ApiTags('signals')
@Controller('signals')
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @ApiOperation({ summary: 'List signals (paged)' })
  @ApiResult('Page<SignalSummary>')
  @Get()
  @RequirePermission(Permission.SignalRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  list(@Ctx() ctx: RequestContext, @Query() q: ListSignalsQueryDto): Promise<Page<SignalSummary>> {
    return this.signals.list(ctx, q);
  }

  @ApiOperation({ summary: 'Record a signal' })
  @ApiResult('SignalSummary', { status: 201 })
  @Post()
  @RequirePermission(Permission.SignalWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSignalDto): Promise<SignalSummary> {
    return this.signals.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a signal' })
  @ApiResult('SignalSummary')
  @Get(':signalId')
  @RequirePermission(Permission.SignalRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  get(@Ctx() ctx: RequestContext, @SignalId() id: string): Promise<SignalSummary> {
    return this.signals.get(ctx, id);
  }

  @ApiOperation({ summary: 'Update a signal' })
  @ApiResult('SignalSummary')
  @Patch(':signalId')
  @RequirePermission(Permission.SignalWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  update(@Ctx() ctx: RequestContext, @SignalId() id: string, @Body() dto: UpdateSignalDto): Promise<SignalSummary> {
    return this.signals.update(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Record a contact attempt on a signal' })
  @ApiResult('SignalSummary', { status: 201 })
  @Post(':signalId/contact-attempts')
  @RequirePermission(Permission.SignalWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  addContactAttempt(
    @Ctx() ctx: RequestContext,
    @SignalId() id: string,
    @Body() dto: CreateContactAttemptDto,
  ): Promise<SignalSummary> {
    return this.signals.addContactAttempt(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Open a case from a signal' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post(':signalId/convert')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Case })
  convert(@Ctx() ctx: RequestContext, @SignalId() id: string, @Body() dto: ConvertSignalDto): Promise<CaseDetail> {
    return this.signals.convert(ctx, id, dto);
  }
}
