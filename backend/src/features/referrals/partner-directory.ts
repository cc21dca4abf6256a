import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerDirectoryEntry, Permission } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { ApiResult } from '../../common/openapi/api-result';
import { NoPersonalData, RequirePermission } from '../../common/auth/decorators';
import { notFound, versionConflict } from '../../common/errors/domain-error';
import { UpdatePartnerDto } from './referrals.dto';

/** The partner directory: services, contact persons, how each partner takes referrals, response time. */
@Injectable()
export class PartnerDirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<PartnerDirectoryEntry[]> {
    return this.rows(this.dataSource.manager);
  }

  async update(id: string, dto: UpdatePartnerDto): Promise<PartnerDirectoryEntry> {
    return this.dataSource.transaction(async (em) => {
      const [current] = await this.rows(em, id, true);
      if (!current) throw notFound('Partneren');
      if (current.version !== dto.version) throw versionConflict(current);
      await em.query(
        `UPDATE partner_organisation SET services = $2, contacts = $3, channels = $4, response_days = $5, version = version + 1
          WHERE id = $1`,
        [
          id,
          dto.services ?? current.services,
          JSON.stringify(dto.contacts ?? current.contacts),
          dto.channels ?? current.channels,
          dto.responseDays ?? current.responseDays,
        ],
      );
      return (await this.rows(em, id))[0];
    });
  }

  private async rows(em: EntityManager, id?: string, forUpdate = false): Promise<PartnerDirectoryEntry[]> {
    const rows = await em.query(
      `SELECT * FROM partner_organisation ${id ? 'WHERE id = $1' : ''} ORDER BY kommune, name ${forUpdate ? 'FOR UPDATE' : ''}`,
      id ? [id] : [],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r['id'],
      name: r['name'],
      type: r['type'],
      kommune: r['kommune'],
      services: r['services'],
      contacts: r['contacts'],
      channels: r['channels'],
      responseDays: r['response_days'],
      version: r['version'],
    }));
  }
}

@ApiTags('partners')
@Controller('partners')
export class PartnerDirectoryController {
  constructor(private readonly directory: PartnerDirectoryService) {}

  @ApiOperation({ summary: 'List the partner directory' })
  @ApiResult('PartnerDirectoryEntry[]')
  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  list(): Promise<PartnerDirectoryEntry[]> {
    return this.directory.list();
  }

  @ApiOperation({ summary: 'Update a partner directory entry' })
  @ApiResult('PartnerDirectoryEntry')
  @Patch(':partnerId')
  @RequirePermission(Permission.OrganisationManage)
  @NoPersonalData('Organisationer og opsætning, ingen personoplysninger')
  update(
    @Param('partnerId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdatePartnerDto,
  ): Promise<PartnerDirectoryEntry> {
    return this.directory.update(id, dto);
  }
}
