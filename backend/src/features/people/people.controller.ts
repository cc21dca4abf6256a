import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  CprReveal,
  HouseholdDetail,
  Permission,
  PersonDetail,
  SearchResult,
  TenancySummary,
} from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  AddHouseholdMemberDto,
  CreatePersonDto,
  CreateTenancyDto,
  SearchQueryDto,
  UpdatePersonDto,
} from './people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @ApiResult('SearchResult')
  @Get('search')
  @RequirePermission(Permission.PersonRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person })
  search(@Ctx() ctx: RequestContext, @Query() query: SearchQueryDto): Promise<SearchResult> {
    return this.people.search(ctx, query);
  }

  @ApiResult('TenancySummary', { status: 201 })
  @Post('tenancies')
  @RequirePermission(Permission.TenancyWrite)
  @NoPersonalData('Adresse på et nyt lejemål, ingen beboere')
  createTenancy(@Ctx() ctx: RequestContext, @Body() dto: CreateTenancyDto): Promise<TenancySummary> {
    return this.people.createTenancy(ctx, dto);
  }

  @ApiResult('{ tenancy: TenancySummary; household: HouseholdDetail | null }')
  @Get('tenancies/:tenancyId')
  @RequirePermission(Permission.TenancyRead)
  @PersonalData({ purpose: 'Sagsbehandling: husstand', subject: AccessSubjectType.Person })
  getTenancy(
    @Ctx() ctx: RequestContext,
    @Param('tenancyId', new ParseUUIDPipe()) id: string,
  ): Promise<{ tenancy: TenancySummary; household: HouseholdDetail | null }> {
    return this.people.getTenancy(ctx, id);
  }

  @ApiResult('HouseholdDetail', { status: 201 })
  @Post('tenancies/:tenancyId/household/members')
  @RequirePermission(Permission.PersonWrite)
  @PersonalData({ purpose: 'Sagsbehandling: husstand', subject: AccessSubjectType.Person })
  addHouseholdMember(
    @Ctx() ctx: RequestContext,
    @Param('tenancyId', new ParseUUIDPipe()) id: string,
    @Body() dto: AddHouseholdMemberDto,
  ): Promise<HouseholdDetail> {
    return this.people.addHouseholdMember(ctx, id, dto);
  }

  @ApiResult('PersonDetail', { status: 201 })
  @Post('persons')
  @RequirePermission(Permission.PersonWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person })
  createPerson(@Ctx() ctx: RequestContext, @Body() dto: CreatePersonDto): Promise<PersonDetail> {
    return this.people.createPerson(ctx, dto);
  }

  @ApiResult('PersonDetail')
  @Get('persons/:personId')
  @RequirePermission(Permission.PersonRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person, param: 'personId' })
  getPerson(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<PersonDetail> {
    return this.people.getPerson(ctx, id);
  }

  @ApiResult('PersonDetail')
  @Patch('persons/:personId')
  @RequirePermission(Permission.PersonWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person, param: 'personId' })
  updatePerson(
    @Ctx() ctx: RequestContext,
    @Param('personId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PersonDetail> {
    return this.people.updatePerson(ctx, id, dto);
  }

  @ApiResult('CprReveal')
  @Get('persons/:personId/cpr')
  @RequirePermission(Permission.PersonCprReveal)
  @PersonalData({ purpose: 'Sagsbehandling: CPR-nummer vist', subject: AccessSubjectType.Person, param: 'personId' })
  revealCpr(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<CprReveal> {
    return this.people.revealCpr(ctx, id);
  }
}
