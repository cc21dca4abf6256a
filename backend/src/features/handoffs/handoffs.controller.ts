import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Handoff, Permission } from '@bofast/contracts';

import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { ApiResult } from '../../common/openapi/api-result';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateHandoffDto } from './handoffs.dto';
import { HandoffsService } from './handoffs.service';

@ApiTags('handoffs')
@Controller('cases/:caseId/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @ApiOperation({ summary: "List a case's handoffs" })
  @ApiResult('Handoff[]')
  @Get()
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Overdragelse', subject: AccessSubjectType.Case, param: 'caseId' })
  list(@Ctx() ctx: RequestContext, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<Handoff[]> {
    return this.handoffs.list(ctx, caseId);
  }

  @ApiOperation({ summary: 'Hand a case over to a colleague' })
  @ApiResult('Handoff', { status: 201 })
  @Post()
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Overdragelse', subject: AccessSubjectType.Case, param: 'caseId' })
  create(
    @Ctx() ctx: RequestContext,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() dto: CreateHandoffDto,
  ): Promise<Handoff> {
    return this.handoffs.create(ctx, caseId, dto);
  }
}
