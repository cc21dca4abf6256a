import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AccessSubjectType,
  CaseDetail,
  ImportPreview,
  ImportProfile,
  Permission,
  RejectedRow,
  RestanceImportSummary,
  TriageWeights,
  WorklistRow,
} from '@bofast/contracts';

import { ApiFile, ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, PersonalData, RequirePermission } from '../../common/auth/decorators';
import { Ctx, RequestContext } from '../../common/http/request-context';
import type { Response } from 'express';

import { CreateContactAttemptDto } from '../cases/cases.dto';
import { toCsv, toXlsx } from './export';
import {
  AssignRowsDto,
  ConvertRowDto,
  CorrectRowDto,
  ExportWorklistQueryDto,
  ListWorklistQueryDto,
  TeamQueryDto,
  TriageWeightsDto,
  UpdateImportProfileDto,
  UpdateRowOutreachDto,
  UploadRestanceDto,
} from './restance.dto';
import { RestanceImportsService } from './restance-imports.service';
import { WorklistService } from './worklist.service';

const RowId = () => Param('rowId', new ParseUUIDPipe());

@ApiTags('restance')
@Controller('restance')
export class RestanceController {
  constructor(
    private readonly imports: RestanceImportsService,
    private readonly worklist: WorklistService,
  ) {}

  @ApiOperation({ summary: 'Preview a restance list before importing' })
  @ApiResponse({ status: 422, description: 'Filen overskrider en grænse (FILE_REJECTED)' })
  @ApiResult('ImportPreview', { status: 201 })
  @Post('imports/preview')
  @RequirePermission(Permission.RestanceImport)
  @PersonalData({ purpose: 'Restanceliste indlæst', subject: AccessSubjectType.Person })
  preview(@Ctx() ctx: RequestContext, @Body() dto: UploadRestanceDto): Promise<ImportPreview> {
    return this.imports.preview(ctx, dto);
  }

  @ApiOperation({ summary: 'Upload a restance list for import' })
  @ApiResponse({ status: 422, description: 'Filen overskrider en grænse (FILE_REJECTED)' })
  @ApiResult('RestanceImportSummary', { status: 201 })
  @Post('imports')
  @RequirePermission(Permission.RestanceImport)
  @PersonalData({ purpose: 'Restanceliste indlæst', subject: AccessSubjectType.Person })
  upload(@Ctx() ctx: RequestContext, @Body() dto: UploadRestanceDto): Promise<RestanceImportSummary> {
    return this.imports.upload(ctx, dto);
  }

  @ApiOperation({ summary: 'List restance imports' })
  @ApiResult('RestanceImportSummary[]')
  @Get('imports')
  @RequirePermission(Permission.RestanceImport)
  @NoPersonalData('Indlæsninger: filnavn, antal og status, ingen rækker')
  list(
    @Ctx() ctx: RequestContext,
    @Query('boligorganisationId', new ParseUUIDPipe({ optional: true })) boligorganisationId?: string,
  ): Promise<RestanceImportSummary[]> {
    return this.imports.list(ctx, boligorganisationId);
  }

  @ApiOperation({ summary: 'Read a restance import' })
  @ApiResult('RestanceImportSummary')
  @Get('imports/:importId')
  @RequirePermission(Permission.RestanceImport)
  @NoPersonalData('Indlæsningens status og tal, ingen rækker')
  get(@Ctx() ctx: RequestContext, @Param('importId', new ParseUUIDPipe()) id: string): Promise<RestanceImportSummary> {
    return this.imports.get(ctx, id);
  }

  @ApiOperation({ summary: "List an import's rejected rows" })
  @ApiResult('RejectedRow[]')
  @Get('imports/:importId/rejected')
  @RequirePermission(Permission.RestanceImport)
  @PersonalData({ purpose: 'Restanceliste: afviste rækker', subject: AccessSubjectType.Person })
  rejected(@Ctx() ctx: RequestContext, @Param('importId', new ParseUUIDPipe()) id: string): Promise<RejectedRow[]> {
    return this.imports.rejectedRows(ctx, id);
  }

  @ApiOperation({ summary: 'Correct a rejected row' })
  @ApiResult('RestanceImportSummary')
  @Put('rejected-rows/:rowId')
  @RequirePermission(Permission.RestanceImport)
  @PersonalData({ purpose: 'Restanceliste: række rettet', subject: AccessSubjectType.Person })
  correct(@Ctx() ctx: RequestContext, @RowId() id: string, @Body() dto: CorrectRowDto): Promise<RestanceImportSummary> {
    return this.imports.correctRow(ctx, id, dto);
  }

  @ApiOperation({ summary: "Read a boligorganisation's import profile" })
  @ApiResult('ImportProfile')
  @Get('profiles/:boligorganisationId')
  @RequirePermission(Permission.RestanceConfigure)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  profile(@Param('boligorganisationId', new ParseUUIDPipe()) id: string): Promise<ImportProfile> {
    return this.imports.profile(id);
  }

  @ApiOperation({ summary: "Update a boligorganisation's import profile" })
  @ApiResult('ImportProfile')
  @Put('profiles/:boligorganisationId')
  @RequirePermission(Permission.RestanceConfigure)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  updateProfile(
    @Param('boligorganisationId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateImportProfileDto,
  ): Promise<ImportProfile> {
    return this.imports.updateProfile(id, dto);
  }

  /** A Page<WorklistRow>, sent as the JSON text PostgreSQL built. */
  @ApiOperation({ summary: 'The restance worklist (filtered, sorted, paged)' })
  @ApiResult('Page<WorklistRow>')
  @Get('worklist')
  @RequirePermission(Permission.RestanceRead)
  @PersonalData({ purpose: 'Restancearbejde', subject: AccessSubjectType.Person })
  @Header('Content-Type', 'application/json; charset=utf-8')
  worklistPage(@Ctx() ctx: RequestContext, @Query() q: ListWorklistQueryDto): Promise<string> {
    return this.worklist.pageJson(ctx, q);
  }

  /** The worklist as filtered, as CSV or XLSX (up to 50,000 rows), with formula injection neutralised. */
  @ApiOperation({ summary: 'Download the worklist as CSV or XLSX' })
  @ApiFile('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get('worklist/export')
  @RequirePermission(Permission.RestanceRead)
  @PersonalData({ purpose: 'Restancearbejde', subject: AccessSubjectType.Person })
  async export(@Ctx() ctx: RequestContext, @Query() q: ExportWorklistQueryDto, @Res() res: Response): Promise<void> {
    const { format, ...filters } = q;
    const rows = await this.worklist.exportRows(ctx, filters as ListWorklistQueryDto);
    const listDate = rows[0]?.listDate ?? null;
    const name = `restanceliste-${listDate ?? 'tom'}`;
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      res.send(await toXlsx(rows, listDate));
    } else {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.send(toCsv(rows));
    }
  }

  @ApiOperation({ summary: 'Assign worklist rows to a colleague' })
  @ApiResult('{ assigned: number }', { status: 201 })
  @Post('worklist/assign')
  @RequirePermission(Permission.RestanceAssign)
  @PersonalData({ purpose: 'Restancearbejde: fordeling', subject: AccessSubjectType.Person })
  assign(@Ctx() ctx: RequestContext, @Body() dto: AssignRowsDto): Promise<{ assigned: number }> {
    return this.worklist.assign(ctx, dto);
  }

  @ApiOperation({ summary: 'Read a worklist row' })
  @ApiResult('WorklistRow')
  @Get('worklist/:rowId')
  @RequirePermission(Permission.RestanceRead)
  @PersonalData({ purpose: 'Restancearbejde', subject: AccessSubjectType.Person })
  row(@Ctx() ctx: RequestContext, @RowId() id: string): Promise<WorklistRow> {
    return this.worklist.get(ctx, id);
  }

  @ApiOperation({ summary: "Update a worklist row's outreach status" })
  @ApiResult('WorklistRow')
  @Patch('worklist/:rowId')
  @RequirePermission(Permission.RestanceWork)
  @PersonalData({ purpose: 'Restancearbejde', subject: AccessSubjectType.Person })
  updateOutreach(
    @Ctx() ctx: RequestContext,
    @RowId() id: string,
    @Body() dto: UpdateRowOutreachDto,
  ): Promise<WorklistRow> {
    return this.worklist.updateOutreach(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Record a contact attempt on a worklist row' })
  @ApiResult('WorklistRow', { status: 201 })
  @Post('worklist/:rowId/contact-attempts')
  @RequirePermission(Permission.RestanceWork)
  @PersonalData({ purpose: 'Restancearbejde: kontaktforsøg', subject: AccessSubjectType.Person })
  contact(@Ctx() ctx: RequestContext, @RowId() id: string, @Body() dto: CreateContactAttemptDto): Promise<WorklistRow> {
    return this.worklist.addContactAttempt(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Open a case from a worklist row' })
  @ApiResult('CaseDetail', { status: 201 })
  @Post('worklist/:rowId/convert')
  @RequirePermission(Permission.RestanceWork)
  @PersonalData({ purpose: 'Restancearbejde', subject: AccessSubjectType.Person })
  convert(@Ctx() ctx: RequestContext, @RowId() id: string, @Body() dto: ConvertRowDto): Promise<CaseDetail> {
    return this.worklist.convert(ctx, id, dto);
  }

  @ApiOperation({ summary: "A team's triage weights" })
  @ApiResult('{ teamId: string; weights: TriageWeights; version: number }')
  @Get('triage-weights')
  @RequirePermission(Permission.RestanceRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  weights(
    @Ctx() ctx: RequestContext,
    @Query() q: TeamQueryDto,
  ): Promise<{ teamId: string; weights: TriageWeights; version: number }> {
    return this.worklist.weights(ctx, q.teamId);
  }

  @ApiOperation({ summary: "Set a team's triage weights" })
  @ApiResult('{ teamId: string; weights: TriageWeights; version: number }')
  @Put('triage-weights')
  @RequirePermission(Permission.TriageConfigure)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  setWeights(
    @Ctx() ctx: RequestContext,
    @Body() dto: TriageWeightsDto,
  ): Promise<{ teamId: string; weights: TriageWeights; version: number }> {
    return this.worklist.setWeights(ctx, dto);
  }
}
