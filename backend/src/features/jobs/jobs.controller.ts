import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FailedJob, Permission } from '@bofast/contracts';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, RequirePermission } from '../../common/auth/decorators';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Background jobs whose retries are used up (dead-lettered), for the admin. */
  @ApiOperation({ summary: 'List failed background jobs' })
  @ApiResult('FailedJob[]')
  @Get('failed')
  @RequirePermission(Permission.JobRead)
  @NoPersonalData('Baggrundsjob: kø, tidspunkt og fejlkode')
  failed(): Promise<FailedJob[]> {
    return this.jobs.failed();
  }
}
