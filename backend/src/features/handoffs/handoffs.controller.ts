import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Handoff, Permission } from '@bofast/contracts';

import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CreateHandoffDto } from './handoffs.dto';
import { HandoffsService } from './handoffs.service';

@ApiTags('handoffs')
@Controller('cases/:caseId/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Overdragelse', subject: AccessSubjectType.Case, param: 'caseId' })
  list(@Ctx() ctx: RequestContext, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<Handoff[]> {
    return this.handoffs.list(ctx, caseId);
  }

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
