import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, Page, Permission, PrivilegedChange } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ListPrivilegedChangesQueryDto } from './privileged-changes.dto';
import { PrivilegedChangesService } from './privileged-changes.service';

@ApiTags('audit')
@Controller('audit/privileged-changes')
export class PrivilegedChangesController {
  constructor(private readonly service: PrivilegedChangesService) {}

  /** Who created, activated or changed which account, and when (the DPO). */
  @ApiOperation({ summary: 'List privileged changes (paged)' })
  @ApiResult('Page<PrivilegedChange>')
  @Get()
  @RequirePermission(Permission.AccessLogRead)
  @PersonalData({ purpose: 'Tilsyn med privilegerede ændringer', subject: AccessSubjectType.AccessLog })
  list(@Ctx() ctx: RequestContext, @Query() query: ListPrivilegedChangesQueryDto): Promise<Page<PrivilegedChange>> {
    return this.service.list(ctx, query);
  }
}
