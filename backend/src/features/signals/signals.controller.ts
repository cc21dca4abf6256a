import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  @ApiResult('Page<SignalSummary>')
  @Get()
  @RequirePermission(Permission.SignalRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  list(@Ctx() ctx: RequestContext, @Query() q: ListSignalsQueryDto): Promise<Page<SignalSummary>> {
    return this.signals.list(ctx, q);
  }

  @ApiResult('SignalSummary', { status: 201 })
  @Post()
  @RequirePermission(Permission.SignalWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSignalDto): Promise<SignalSummary> {
    return this.signals.create(ctx, dto);
  }

  @ApiResult('SignalSummary')
  @Get(':signalId')
  @RequirePermission(Permission.SignalRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  get(@Ctx() ctx: RequestContext, @SignalId() id: string): Promise<SignalSummary> {
    return this.signals.get(ctx, id);
  }

  @ApiResult('SignalSummary')
  @Patch(':signalId')
  @RequirePermission(Permission.SignalWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Person })
  update(@Ctx() ctx: RequestContext, @SignalId() id: string, @Body() dto: UpdateSignalDto): Promise<SignalSummary> {
    return this.signals.update(ctx, id, dto);
  }

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

  @ApiResult('CaseDetail', { status: 201 })
  @Post(':signalId/convert')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvendelse', subject: AccessSubjectType.Case })
  convert(@Ctx() ctx: RequestContext, @SignalId() id: string, @Body() dto: ConvertSignalDto): Promise<CaseDetail> {
    return this.signals.convert(ctx, id, dto);
  }
}
