import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CprReveal, HouseholdDetail, Permission, PersonDetail, SearchResult, TenancySummary } from '@bofast/contracts';

import { RequirePermission } from '../../common/auth/decorators';
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

  @Get('search')
  @RequirePermission(Permission.PersonRead)
  search(@Ctx() ctx: RequestContext, @Query() query: SearchQueryDto): Promise<SearchResult> {
    return this.people.search(ctx, query);
  }

  @Post('tenancies')
  @RequirePermission(Permission.TenancyWrite)
  createTenancy(@Ctx() ctx: RequestContext, @Body() dto: CreateTenancyDto): Promise<TenancySummary> {
    return this.people.createTenancy(ctx, dto);
  }

  @Get('tenancies/:tenancyId')
  @RequirePermission(Permission.TenancyRead)
  getTenancy(
    @Ctx() ctx: RequestContext,
    @Param('tenancyId', new ParseUUIDPipe()) id: string,
  ): Promise<{ tenancy: TenancySummary; household: HouseholdDetail | null }> {
    return this.people.getTenancy(ctx, id);
  }

  @Post('tenancies/:tenancyId/household/members')
  @RequirePermission(Permission.PersonWrite)
  addHouseholdMember(
    @Ctx() ctx: RequestContext,
    @Param('tenancyId', new ParseUUIDPipe()) id: string,
    @Body() dto: AddHouseholdMemberDto,
  ): Promise<HouseholdDetail> {
    return this.people.addHouseholdMember(ctx, id, dto);
  }

  @Post('persons')
  @RequirePermission(Permission.PersonWrite)
  createPerson(@Ctx() ctx: RequestContext, @Body() dto: CreatePersonDto): Promise<PersonDetail> {
    return this.people.createPerson(ctx, dto);
  }

  @Get('persons/:personId')
  @RequirePermission(Permission.PersonRead)
  getPerson(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<PersonDetail> {
    return this.people.getPerson(ctx, id);
  }

  @Patch('persons/:personId')
  @RequirePermission(Permission.PersonWrite)
  updatePerson(
    @Ctx() ctx: RequestContext,
    @Param('personId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PersonDetail> {
    return this.people.updatePerson(ctx, id, dto);
  }

  @Get('persons/:personId/cpr')
  @RequirePermission(Permission.PersonCprReveal)
  revealCpr(@Ctx() ctx: RequestContext, @Param('personId', new ParseUUIDPipe()) id: string): Promise<CprReveal> {
    return this.people.revealCpr(ctx, id);
  }
}
