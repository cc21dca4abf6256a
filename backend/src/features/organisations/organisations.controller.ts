import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AfdelingSummary, BoligorganisationSummary, PartnerOrganisationSummary, Permission } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  CreateAfdelingDto,
  CreateBoligorganisationDto,
  CreatePartnerOrganisationDto,
  ListBoligorganisationerQueryDto,
} from './organisations.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @ApiOperation({ summary: 'List boligorganisationer' })
  @ApiResult('BoligorganisationSummary[]')
  @Get('boligorganisationer')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  boligorganisationer(
    @Ctx() ctx: RequestContext,
    @Query() q: ListBoligorganisationerQueryDto,
  ): Promise<BoligorganisationSummary[]> {
    return this.organisations.boligorganisationer(ctx, q);
  }

  @ApiOperation({ summary: 'List partner organisations' })
  @ApiResult('PartnerOrganisationSummary[]')
  @Get('partners')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  partners(): Promise<PartnerOrganisationSummary[]> {
    return this.organisations.partners();
  }

  @ApiOperation({ summary: 'Create a boligorganisation' })
  @ApiResult('BoligorganisationSummary', { status: 201 })
  @Post('boligorganisationer')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createBoligorganisation(@Body() dto: CreateBoligorganisationDto): Promise<BoligorganisationSummary> {
    return this.organisations.createBoligorganisation(dto);
  }

  @ApiOperation({ summary: 'Create an afdeling' })
  @ApiResult('AfdelingSummary', { status: 201 })
  @Post('boligorganisationer/:boligorganisationId/afdelinger')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createAfdeling(
    @Param('boligorganisationId', new ParseUUIDPipe()) boligorganisationId: string,
    @Body() dto: CreateAfdelingDto,
  ): Promise<AfdelingSummary> {
    return this.organisations.createAfdeling(boligorganisationId, dto);
  }

  @ApiOperation({ summary: 'Create a partner organisation' })
  @ApiResult('PartnerOrganisationSummary', { status: 201 })
  @Post('partners')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createPartner(@Body() dto: CreatePartnerOrganisationDto): Promise<PartnerOrganisationSummary> {
    return this.organisations.createPartner(dto);
  }
}
