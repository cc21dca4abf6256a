import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  DrilldownRow,
  IndicatorDefinition,
  Permission,
  Report,
  ReportResult,
  ReportSummary,
  ReproduceResult,
} from '@bofast/contracts';
import type { Response } from 'express';

import { ApiFile, ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { reportCsv, reportXlsx } from './report-export';
import {
  CreateDefinitionDto,
  DrilldownQueryDto,
  ExportQueryDto,
  MyNumbersQueryDto,
  ReportRequestDto,
} from './reports.dto';
import { ReportsService } from './reports.service';

const ReportId = () => Param('reportId', new ParseUUIDPipe());

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiOperation({ summary: 'List indicator definitions' })
  @ApiResult('IndicatorDefinition[]')
  @Get('definitions')
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  definitions(): Promise<IndicatorDefinition[]> {
    return this.reports.definitions();
  }

  /** A new version of a definition; old reports keep the version they used. */
  @ApiOperation({ summary: 'Create a new indicator definition version' })
  @ApiResult('IndicatorDefinition', { status: 201 })
  @Post('definitions')
  @RequirePermission(Permission.ReportDefine)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  createDefinition(@Ctx() ctx: RequestContext, @Body() dto: CreateDefinitionDto): Promise<IndicatorDefinition> {
    return this.reports.createDefinition(ctx, dto);
  }

  /** The caller's own numbers (workers): their cases, visits and contacts only. */
  @ApiOperation({ summary: "Indicators for the caller's own work" })
  @ApiResult('ReportResult')
  @Get('mine')
  @RequirePermission(Permission.ReportOwn)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  mine(@Ctx() ctx: RequestContext, @Query() q: MyNumbersQueryDto): Promise<ReportResult> {
    return this.reports.mine(ctx, q);
  }

  /** The udsættelsessager behind a count, for roles that may see them; access-logged. */
  @ApiOperation({ summary: 'Rows behind one indicator value' })
  @ApiResult('DrilldownRow[]')
  @Get('drilldown')
  @RequirePermission(Permission.ReportRead)
  @PersonalData({ purpose: 'Rapport: sagerne bag tallet', subject: AccessSubjectType.Eviction })
  drilldown(@Ctx() ctx: RequestContext, @Query() q: DrilldownQueryDto): Promise<DrilldownRow[]> {
    return this.reports.drilldown(ctx, q);
  }

  @ApiOperation({ summary: 'List generated reports' })
  @ApiResult('ReportSummary[]')
  @Get()
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  list(@Ctx() ctx: RequestContext): Promise<ReportSummary[]> {
    return this.reports.list(ctx);
  }

  @ApiOperation({ summary: 'Generate a report for a period' })
  @ApiResult('Report', { status: 201 })
  @Post()
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  generate(@Ctx() ctx: RequestContext, @Body() dto: ReportRequestDto): Promise<Report> {
    return this.reports.generate(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a generated report' })
  @ApiResult('Report')
  @Get(':reportId')
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  get(@Ctx() ctx: RequestContext, @ReportId() id: string): Promise<Report> {
    return this.reports.get(ctx, id);
  }

  @ApiOperation({ summary: 'Recompute a report and compare with the stored one' })
  @ApiResult('ReproduceResult', { status: 201 })
  @Post(':reportId/reproduce')
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  reproduce(@Ctx() ctx: RequestContext, @ReportId() id: string): Promise<ReproduceResult> {
    return this.reports.reproduce(ctx, id);
  }

  @ApiOperation({ summary: 'Download a report as CSV or XLSX' })
  @ApiFile('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get(':reportId/export')
  @RequirePermission(Permission.ReportRead)
  @NoPersonalData('Aggregerede tal uden personoplysninger')
  async export(
    @Ctx() ctx: RequestContext,
    @ReportId() id: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.reports.get(ctx, id);
    const name = `bofast-rapport-${report.request.from}-${report.request.to}`;
    if (q.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.send(reportCsv(report));
    } else {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      res.send(await reportXlsx(report));
    }
  }
}
