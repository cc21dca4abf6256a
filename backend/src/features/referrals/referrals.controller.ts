import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  PartnerReferral,
  PartnerReferralEnded,
  PartnerReferralListItem,
  Permission,
  Referral,
} from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  CreateReferralDto,
  ReferralMessageDto,
  ReferralTransitionDto,
  UnderretningDto,
  UpdateReferralDto,
  VersionDto,
} from './referrals.dto';
import { ReferralsService } from './referrals.service';

const CaseId = () => Param('caseId', new ParseUUIDPipe());
const ReferralId = () => Param('referralId', new ParseUUIDPipe());

/** The team's side of referrals. */
@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @ApiOperation({ summary: "List a case's referrals" })
  @ApiResult('Referral[]')
  @Get('cases/:caseId/referrals')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Case, param: 'caseId' })
  list(@Ctx() ctx: RequestContext, @CaseId() caseId: string): Promise<Referral[]> {
    return this.referrals.listForCase(ctx, caseId);
  }

  @ApiOperation({ summary: 'Draft a referral to a partner' })
  @ApiResult('Referral', { status: 201 })
  @Post('cases/:caseId/referrals')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral })
  create(@Ctx() ctx: RequestContext, @CaseId() caseId: string, @Body() dto: CreateReferralDto): Promise<Referral> {
    return this.referrals.create(ctx, caseId, dto);
  }

  /** A statutory underretning outside consent: team leads only, with reason and legal basis. */
  @ApiOperation({ summary: 'Record an underretning (report of concern)' })
  @ApiResult('Referral', { status: 201 })
  @Post('cases/:caseId/underretninger')
  @RequirePermission(Permission.ReferralUnderretning)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral })
  underretning(@Ctx() ctx: RequestContext, @CaseId() caseId: string, @Body() dto: UnderretningDto): Promise<Referral> {
    return this.referrals.underretning(ctx, caseId, dto);
  }

  @ApiOperation({ summary: 'Read a referral' })
  @ApiResult('Referral')
  @Get('referrals/:referralId')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  get(@Ctx() ctx: RequestContext, @ReferralId() id: string): Promise<Referral> {
    return this.referrals.get(ctx, id);
  }

  @ApiOperation({ summary: 'Update a draft referral' })
  @ApiResult('Referral')
  @Patch('referrals/:referralId')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  update(@Ctx() ctx: RequestContext, @ReferralId() id: string, @Body() dto: UpdateReferralDto): Promise<Referral> {
    return this.referrals.update(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Send a referral to the partner' })
  @ApiResult('Referral', { status: 201 })
  @Post('referrals/:referralId/send')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  send(@Ctx() ctx: RequestContext, @ReferralId() id: string, @Body() dto: VersionDto): Promise<Referral> {
    return this.referrals.send(ctx, id, dto.version);
  }

  @ApiOperation({ summary: "Change a referral's status" })
  @ApiResult('Referral', { status: 201 })
  @Post('referrals/:referralId/status')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  transition(
    @Ctx() ctx: RequestContext,
    @ReferralId() id: string,
    @Body() dto: ReferralTransitionDto,
  ): Promise<Referral> {
    return this.referrals.teamTransition(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Write a message on a referral' })
  @ApiResult('Referral', { status: 201 })
  @Post('referrals/:referralId/messages')
  @RequirePermission(Permission.CaseWrite)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  message(@Ctx() ctx: RequestContext, @ReferralId() id: string, @Body() dto: ReferralMessageDto): Promise<Referral> {
    return this.referrals.teamMessage(ctx, id, dto);
  }

  /** The printable handoff summary: exactly the consented data the partner sees. */
  @ApiOperation({ summary: "A referral's summary as the partner sees it" })
  @ApiResult('PartnerReferral')
  @Get('referrals/:referralId/summary')
  @RequirePermission(Permission.CaseRead)
  @PersonalData({ purpose: 'Sagsbehandling: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  summary(@Ctx() ctx: RequestContext, @ReferralId() id: string): Promise<PartnerReferral> {
    return this.referrals.summary(ctx, id);
  }
}

/** The partner portal: only referrals addressed to the caller's organisation, within consent. */
@ApiTags('partner portal')
@Controller('partner/referrals')
export class PartnerPortalController {
  constructor(private readonly referrals: ReferralsService) {}

  @ApiOperation({ summary: 'Partner portal: list referrals received' })
  @ApiResult('PartnerReferralListItem[]')
  @Get()
  @RequirePermission(Permission.PartnerPortal)
  @PersonalData({ purpose: 'Partnerportal: henvisning', subject: AccessSubjectType.Referral })
  list(@Ctx() ctx: RequestContext): Promise<PartnerReferralListItem[]> {
    return this.referrals.partnerList(ctx);
  }

  @ApiOperation({ summary: 'Partner portal: read a referral' })
  @ApiResult('PartnerReferral')
  @Get(':referralId')
  @RequirePermission(Permission.PartnerPortal)
  @PersonalData({ purpose: 'Partnerportal: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  get(@Ctx() ctx: RequestContext, @ReferralId() id: string): Promise<PartnerReferral> {
    return this.referrals.partnerGet(ctx, id);
  }

  @ApiOperation({ summary: 'Partner portal: accept, reject or close a referral' })
  @ApiResult('PartnerReferral | PartnerReferralEnded', { status: 201 })
  @Post(':referralId/status')
  @RequirePermission(Permission.PartnerPortal)
  @PersonalData({ purpose: 'Partnerportal: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  transition(
    @Ctx() ctx: RequestContext,
    @ReferralId() id: string,
    @Body() dto: ReferralTransitionDto,
  ): Promise<PartnerReferral | PartnerReferralEnded> {
    return this.referrals.partnerTransition(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Partner portal: write a message on a referral' })
  @ApiResult('PartnerReferral', { status: 201 })
  @Post(':referralId/messages')
  @RequirePermission(Permission.PartnerPortal)
  @PersonalData({ purpose: 'Partnerportal: henvisning', subject: AccessSubjectType.Referral, param: 'referralId' })
  message(
    @Ctx() ctx: RequestContext,
    @ReferralId() id: string,
    @Body() dto: ReferralMessageDto,
  ): Promise<PartnerReferral> {
    return this.referrals.partnerMessage(ctx, id, dto);
  }
}
