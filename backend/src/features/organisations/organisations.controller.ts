import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AfdelingSummary, BoligorganisationSummary, PartnerOrganisationSummary, Permission } from '@bofast/contracts';

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

  @Get('boligorganisationer')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  boligorganisationer(
    @Ctx() ctx: RequestContext,
    @Query() q: ListBoligorganisationerQueryDto,
  ): Promise<BoligorganisationSummary[]> {
    return this.organisations.boligorganisationer(ctx, q);
  }

  @Get('partners')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  partners(): Promise<PartnerOrganisationSummary[]> {
    return this.organisations.partners();
  }

  @Post('boligorganisationer')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createBoligorganisation(@Body() dto: CreateBoligorganisationDto): Promise<BoligorganisationSummary> {
    return this.organisations.createBoligorganisation(dto);
  }

  @Post('boligorganisationer/:boligorganisationId/afdelinger')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createAfdeling(
    @Param('boligorganisationId', new ParseUUIDPipe()) boligorganisationId: string,
    @Body() dto: CreateAfdelingDto,
  ): Promise<AfdelingSummary> {
    return this.organisations.createAfdeling(boligorganisationId, dto);
  }

  @Post('partners')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  createPartner(@Body() dto: CreatePartnerOrganisationDto): Promise<PartnerOrganisationSummary> {
    return this.organisations.createPartner(dto);
  }
}
