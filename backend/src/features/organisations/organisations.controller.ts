import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AfdelingSummary, BoligorganisationSummary, PartnerOrganisationSummary, Permission } from '@bofast/contracts';
import { DataSource } from 'typeorm';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, RequirePermission } from '../../common/auth/decorators';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import {
  CreateAfdelingDto,
  CreateBoligorganisationDto,
  CreatePartnerOrganisationDto,
  ListBoligorganisationerQueryDto,
} from './organisations.dto';
import { BoligorganisationEntity } from './boligorganisation.entity';
import { PartnerOrganisationEntity } from './partner-organisation.entity';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: 'List boligorganisationer' })
  @ApiResult('BoligorganisationSummary[]')
  @Get('boligorganisationer')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  async boligorganisationer(
    @Ctx() ctx: RequestContext,
    @Query() q: ListBoligorganisationerQueryDto,
  ): Promise<BoligorganisationSummary[]> {
    const rows = await this.dataSource
      .getRepository(BoligorganisationEntity)
      .find({ relations: { afdelinger: true }, order: { name: 'ASC' } });
    const covered = q.covered
      ? new Set<string>(
          (
            await this.dataSource.query(`SELECT afdeling_id FROM team_afdeling WHERE team_id = ANY($1::uuid[])`, [
              ctx.teamIds,
            ])
          ).map((r: { afdeling_id: string }) => r.afdeling_id),
        )
      : null;
    return rows
      .map((b) => ({
        id: b.id,
        name: b.name,
        cvr: b.cvr,
        afdelinger: [...b.afdelinger]
          .filter((a) => !covered || covered.has(a.id))
          .sort((x, y) => x.afdelingsnummer.localeCompare(y.afdelingsnummer, 'da', { numeric: true }))
          .map((a) => ({ id: a.id, afdelingsnummer: a.afdelingsnummer, name: a.name })),
      }))
      .filter((b) => !covered || b.afdelinger.length > 0);
  }

  @ApiOperation({ summary: 'List partner organisations' })
  @ApiResult('PartnerOrganisationSummary[]')
  @Get('partners')
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  async partners(): Promise<PartnerOrganisationSummary[]> {
    const rows = await this.dataSource
      .getRepository(PartnerOrganisationEntity)
      .find({ order: { kommune: 'ASC', name: 'ASC' } });
    return rows.map((p) => ({ id: p.id, name: p.name, type: p.type, kommune: p.kommune }));
  }

  @ApiOperation({ summary: 'Create a boligorganisation' })
  @ApiResult('BoligorganisationSummary', { status: 201 })
  @Post('boligorganisationer')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  async createBoligorganisation(@Body() dto: CreateBoligorganisationDto): Promise<BoligorganisationSummary> {
    const taken = await this.dataSource.query(`SELECT 1 FROM boligorganisation WHERE name = $1`, [dto.name]);
    if (taken.length) throw nameTaken();
    const [row] = await this.dataSource.query(
      `INSERT INTO boligorganisation (name, cvr) VALUES ($1, $2) RETURNING id`,
      [dto.name, dto.cvr ?? null],
    );
    return { id: row.id, name: dto.name, cvr: dto.cvr ?? null, afdelinger: [] };
  }

  @ApiOperation({ summary: 'Create an afdeling' })
  @ApiResult('AfdelingSummary', { status: 201 })
  @Post('boligorganisationer/:boligorganisationId/afdelinger')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  async createAfdeling(
    @Param('boligorganisationId', new ParseUUIDPipe()) boligorganisationId: string,
    @Body() dto: CreateAfdelingDto,
  ): Promise<AfdelingSummary> {
    return this.dataSource.transaction(async (em) => {
      const owner = await em.query(`SELECT 1 FROM boligorganisation WHERE id = $1`, [boligorganisationId]);
      if (!owner.length) throw notFound('Boligorganisationen');
      const taken = await em.query(`SELECT 1 FROM afdeling WHERE boligorganisation_id = $1 AND afdelingsnummer = $2`, [
        boligorganisationId,
        dto.afdelingsnummer,
      ]);
      if (taken.length) {
        throw new DomainError('ALREADY_EXISTS', 'Afdelingen findes allerede.', {
          fields: { afdelingsnummer: ['Afdelingsnummeret er i brug'] },
        });
      }
      const [row] = await em.query(
        `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, $2, $3) RETURNING id`,
        [boligorganisationId, dto.afdelingsnummer, dto.name],
      );
      return { id: row.id, afdelingsnummer: dto.afdelingsnummer, name: dto.name };
    });
  }

  @ApiOperation({ summary: 'Create a partner organisation' })
  @ApiResult('PartnerOrganisationSummary', { status: 201 })
  @Post('partners')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  async createPartner(@Body() dto: CreatePartnerOrganisationDto): Promise<PartnerOrganisationSummary> {
    const taken = await this.dataSource.query(`SELECT 1 FROM partner_organisation WHERE kommune = $1 AND name = $2`, [
      dto.kommune,
      dto.name,
    ]);
    if (taken.length) throw nameTaken();
    const [row] = await this.dataSource.query(
      `INSERT INTO partner_organisation (name, type, kommune) VALUES ($1, $2, $3) RETURNING id`,
      [dto.name, dto.type, dto.kommune],
    );
    return { id: row.id, name: dto.name, type: dto.type, kommune: dto.kommune };
  }
}

function nameTaken(): DomainError {
  return new DomainError('ALREADY_EXISTS', 'Navnet er i brug.', { fields: { name: ['Navnet er i brug'] } });
}
