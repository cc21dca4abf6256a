import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, HelpApplication, PaymentAgreement, Permission } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ChangeEconomyStatusDto, CreateAgreementDto, CreateApplicationDto } from './economy.dto';
import { EconomyService } from './economy.service';

const CaseId = () => Param('caseId', new ParseUUIDPipe());

@ApiTags('economy')
@Controller('cases/:caseId')
export class EconomyController {
  constructor(private readonly economy: EconomyService) {}

  @ApiOperation({ summary: "List a case's payment agreements" })
  @ApiResult('PaymentAgreement[]')
  @Get('agreements')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  agreements(@Ctx() ctx: RequestContext, @CaseId() caseId: string): Promise<PaymentAgreement[]> {
    return this.economy.agreements(ctx, caseId);
  }

  @ApiOperation({ summary: 'Create a payment agreement' })
  @ApiResult('PaymentAgreement', { status: 201 })
  @Post('agreements')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  createAgreement(
    @Ctx() ctx: RequestContext,
    @CaseId() caseId: string,
    @Body() dto: CreateAgreementDto,
  ): Promise<PaymentAgreement> {
    return this.economy.createAgreement(ctx, caseId, dto);
  }

  @ApiOperation({ summary: "Change a payment agreement's status" })
  @ApiResult('PaymentAgreement', { status: 201 })
  @Post('agreements/:agreementId/status')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  changeAgreement(
    @Ctx() ctx: RequestContext,
    @CaseId() caseId: string,
    @Param('agreementId', new ParseUUIDPipe()) id: string,
    @Body() dto: ChangeEconomyStatusDto,
  ): Promise<PaymentAgreement> {
    return this.economy.changeAgreement(ctx, caseId, id, dto);
  }

  @ApiOperation({ summary: "List a case's help applications" })
  @ApiResult('HelpApplication[]')
  @Get('applications')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  applications(@Ctx() ctx: RequestContext, @CaseId() caseId: string): Promise<HelpApplication[]> {
    return this.economy.applications(ctx, caseId);
  }

  @ApiOperation({ summary: 'Create a help application' })
  @ApiResult('HelpApplication', { status: 201 })
  @Post('applications')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  createApplication(
    @Ctx() ctx: RequestContext,
    @CaseId() caseId: string,
    @Body() dto: CreateApplicationDto,
  ): Promise<HelpApplication> {
    return this.economy.createApplication(ctx, caseId, dto);
  }

  @ApiOperation({ summary: "Change a help application's status" })
  @ApiResult('HelpApplication', { status: 201 })
  @Post('applications/:applicationId/status')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: økonomi', subject: AccessSubjectType.Case, param: 'caseId' })
  changeApplication(
    @Ctx() ctx: RequestContext,
    @CaseId() caseId: string,
    @Param('applicationId', new ParseUUIDPipe()) id: string,
    @Body() dto: ChangeEconomyStatusDto,
  ): Promise<HelpApplication> {
    return this.economy.changeApplication(ctx, caseId, id, dto);
  }
}
