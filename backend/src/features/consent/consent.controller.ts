import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Consent, ConsentCoverage, Permission } from '@bofast/contracts';
import type { Response } from 'express';

import { ApiFile, ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CoverageQueryDto, CreateConsentDto, WithdrawConsentDto } from './consent.dto';
import { ConsentService } from './consent.service';

@ApiTags('consent')
@Controller()
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @ApiOperation({ summary: "List a person's consents" })
  @ApiResult('Consent[]')
  @Get('persons/:personId/consents')
  @RequirePermission(Permission.ConsentRead)
  @PersonalData({ purpose: 'Sagsbehandling: samtykke', subject: AccessSubjectType.Person, param: 'personId' })
  list(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) personId: string): Promise<Consent[]> {
    return this.consents.listForPerson(ctx, personId);
  }

  @ApiOperation({ summary: 'Record a consent' })
  @ApiResult('Consent', { status: 201 })
  @Post('consents')
  @RequirePermission(Permission.ConsentWrite)
  @PersonalData({ purpose: 'Sagsbehandling: samtykke', subject: AccessSubjectType.Person })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateConsentDto): Promise<Consent> {
    return this.consents.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Whether consent covers a purpose and recipient' })
  @ApiResult('ConsentCoverage')
  @Get('consents/coverage')
  @RequirePermission(Permission.ConsentRead)
  @PersonalData({ purpose: 'Sagsbehandling: samtykke', subject: AccessSubjectType.Person })
  coverage(@Ctx() ctx: RequestContext, @Query() q: CoverageQueryDto): Promise<ConsentCoverage> {
    return this.consents.checkCoverage(ctx, q);
  }

  @ApiOperation({ summary: 'Withdraw a consent' })
  @ApiResult('Consent', { status: 201 })
  @Post('consents/:consentId/withdraw')
  @RequirePermission(Permission.ConsentWrite)
  @PersonalData({ purpose: 'Sagsbehandling: samtykke', subject: AccessSubjectType.Person })
  withdraw(
    @Ctx() ctx: RequestContext,
    @Param('consentId', new ParseUUIDPipe()) id: string,
    @Body() dto: WithdrawConsentDto,
  ): Promise<Consent> {
    return this.consents.withdraw(ctx, id, dto);
  }

  @ApiOperation({ summary: "Download a consent's signed document" })
  @ApiFile('application/pdf', 'image/png', 'image/jpeg')
  @Get('consents/:consentId/document')
  @RequirePermission(Permission.ConsentRead)
  @PersonalData({ purpose: 'Sagsbehandling: samtykke: dokument', subject: AccessSubjectType.Person })
  async document(
    @Ctx() ctx: RequestContext,
    @Param('consentId', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.consents.document(ctx, id);
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${doc.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(doc.content);
  }
}
