import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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

  @ApiOperation({ summary: 'Search persons, tenancies and cases' })
  @ApiResult('SearchResult')
  @Get('search')
  @RequirePermission(Permission.PersonRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person })
  search(@Ctx() ctx: RequestContext, @Query() query: SearchQueryDto): Promise<SearchResult> {
    return this.people.search(ctx, query);
  }

  @ApiOperation({ summary: 'Create a tenancy (lejemål)' })
  @ApiResult('TenancySummary', { status: 201 })
  @Post('tenancies')
  @RequirePermission(Permission.TenancyWrite)
  @NoPersonalData('Adresse på et nyt lejemål, ingen beboere')
  createTenancy(@Ctx() ctx: RequestContext, @Body() dto: CreateTenancyDto): Promise<TenancySummary> {
    return this.people.createTenancy(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a tenancy and its household' })
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

  @ApiOperation({ summary: 'Add a member to a household' })
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

  @ApiOperation({ summary: 'Create a person' })
  @ApiResult('PersonDetail', { status: 201 })
  @Post('persons')
  @RequirePermission(Permission.PersonWrite)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person })
  createPerson(@Ctx() ctx: RequestContext, @Body() dto: CreatePersonDto): Promise<PersonDetail> {
    return this.people.createPerson(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a person' })
  @ApiResult('PersonDetail')
  @Get('persons/:personId')
  @RequirePermission(Permission.PersonRead)
  @PersonalData({ purpose: 'Sagsbehandling', subject: AccessSubjectType.Person, param: 'personId' })
  getPerson(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<PersonDetail> {
    return this.people.getPerson(ctx, id);
  }

  @ApiOperation({ summary: 'Update a person' })
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

  @ApiOperation({ summary: "Reveal a person's CPR number (logged)" })
  @ApiResult('CprReveal')
  @Get('persons/:personId/cpr')
  @RequirePermission(Permission.PersonCprReveal)
  @PersonalData({ purpose: 'Sagsbehandling: CPR-nummer vist', subject: AccessSubjectType.Person, param: 'personId' })
  revealCpr(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<CprReveal> {
    return this.people.revealCpr(ctx, id);
  }
}
