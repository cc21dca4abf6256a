import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessSubjectType, AccessLogEntry, Page, Permission, SubjectAccessExport } from '@bofast/contracts';
import type { Response } from 'express';

import { ApiResult } from '../../common/openapi/api-result';
import { PersonalData, RequirePermission } from '../../common/auth/decorators';
import { csvDocument } from '../../common/export/csv';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ListAccessLogQueryDto, SubjectExportQueryDto } from './access-log.dto';
import { AccessLogService } from './access-log.service';

@ApiTags('access-log')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly service: AccessLogService) {}

  @ApiOperation({ summary: 'List access-log entries (filtered, paged)' })
  @ApiResult('Page<AccessLogEntry>')
  @Get()
  @RequirePermission(Permission.AccessLogRead)
  @PersonalData({ purpose: 'Tilsyn med adgangsloggen', subject: AccessSubjectType.AccessLog })
  list(@Ctx() ctx: RequestContext, @Query() query: ListAccessLogQueryDto): Promise<Page<AccessLogEntry>> {
    return this.service.list(ctx, query);
  }

  @ApiOperation({ summary: 'Export every access to one subject (GDPR art. 15), JSON or CSV' })
  @ApiResult('SubjectAccessExport', { files: ['text/csv'] })
  @Get('export')
  @RequirePermission(Permission.AccessLogExport)
  @PersonalData({ purpose: 'Indsigtsanmodning (GDPR art. 15)', subject: AccessSubjectType.Person })
  async export(
    @Ctx() ctx: RequestContext,
    @Query() query: SubjectExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubjectAccessExport | string> {
    const result = await this.service.exportForSubject(ctx, query.subjectType, query.subjectId);
    if (query.format !== 'csv') return result;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="indsigt-${query.subjectType}-${query.subjectId}.csv"`);
    return csvDocument([
      ['tidspunkt', 'rolle', 'handling', 'formaal'],
      ...result.entries.map((e) => [e.occurredAt, e.actorRole ?? '', e.action, e.purpose]),
    ]);
  }
}
