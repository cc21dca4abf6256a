import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BoligorganisationSummary, PartnerOrganisationSummary, Permission } from '@bofast/contracts';
import { DataSource } from 'typeorm';

import { RequirePermission } from '../../common/auth/decorators';
import { BoligorganisationEntity } from './boligorganisation.entity';
import { PartnerOrganisationEntity } from './partner-organisation.entity';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('boligorganisationer')
  @RequirePermission(Permission.OrganisationRead)
  async boligorganisationer(): Promise<BoligorganisationSummary[]> {
    const rows = await this.dataSource
      .getRepository(BoligorganisationEntity)
      .find({ relations: { afdelinger: true }, order: { name: 'ASC' } });
    return rows.map((b) => ({
      id: b.id,
      name: b.name,
      cvr: b.cvr,
      afdelinger: [...b.afdelinger]
        .sort((x, y) => x.afdelingsnummer.localeCompare(y.afdelingsnummer, 'da', { numeric: true }))
        .map((a) => ({ id: a.id, afdelingsnummer: a.afdelingsnummer, name: a.name })),
    }));
  }

  @Get('partners')
  @RequirePermission(Permission.OrganisationRead)
  async partners(): Promise<PartnerOrganisationSummary[]> {
    const rows = await this.dataSource
      .getRepository(PartnerOrganisationEntity)
      .find({ order: { kommune: 'ASC', name: 'ASC' } });
    return rows.map((p) => ({ id: p.id, name: p.name, type: p.type, kommune: p.kommune }));
  }
}
