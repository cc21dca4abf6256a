import { Injectable } from '@nestjs/common';
import { AfdelingSummary, BoligorganisationSummary, PartnerOrganisationSummary } from '@bofast/contracts';
import { DataSource } from 'typeorm';

import { DomainError, notFound } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import {
  CreateAfdelingDto,
  CreateBoligorganisationDto,
  CreatePartnerOrganisationDto,
  ListBoligorganisationerQueryDto,
} from './organisations.dto';
import { OrganisationsRepository } from './organisations.repository';

/** Boligorganisationer with their afdelinger, and partner organisations: setup data, no personal data. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsRepository,
  ) {}

  /** All boligorganisationer; with `covered`, only the afdelinger the caller's teams cover (and owners of one). */
  async boligorganisationer(
    ctx: RequestContext,
    q: ListBoligorganisationerQueryDto,
  ): Promise<BoligorganisationSummary[]> {
    const rows = await this.organisations.findBoligorganisationer();
    const covered = q.covered ? await this.organisations.afdelingIdsCoveredBy(ctx.teamIds) : null;
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

  async partners(): Promise<PartnerOrganisationSummary[]> {
    const rows = await this.organisations.findPartners();
    return rows.map((p) => ({ id: p.id, name: p.name, type: p.type, kommune: p.kommune }));
  }

  async createBoligorganisation(dto: CreateBoligorganisationDto): Promise<BoligorganisationSummary> {
    if (await this.organisations.boligorganisationNameTaken(dto.name)) throw nameTaken();
    const id = await this.organisations.insertBoligorganisation(dto.name, dto.cvr ?? null);
    return { id, name: dto.name, cvr: dto.cvr ?? null, afdelinger: [] };
  }

  async createAfdeling(boligorganisationId: string, dto: CreateAfdelingDto): Promise<AfdelingSummary> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organisations.boligorganisationExists(em, boligorganisationId)))
        throw notFound('Boligorganisationen');
      if (await this.organisations.afdelingsnummerTaken(em, boligorganisationId, dto.afdelingsnummer)) {
        throw new DomainError('ALREADY_EXISTS', 'Afdelingen findes allerede.', {
          fields: { afdelingsnummer: ['Afdelingsnummeret er i brug'] },
        });
      }
      const id = await this.organisations.insertAfdeling(em, boligorganisationId, dto.afdelingsnummer, dto.name);
      return { id, afdelingsnummer: dto.afdelingsnummer, name: dto.name };
    });
  }

  async createPartner(dto: CreatePartnerOrganisationDto): Promise<PartnerOrganisationSummary> {
    if (await this.organisations.partnerNameTaken(dto.kommune, dto.name)) throw nameTaken();
    const id = await this.organisations.insertPartner(dto.name, dto.type, dto.kommune);
    return { id, name: dto.name, type: dto.type, kommune: dto.kommune };
  }
}

function nameTaken(): DomainError {
  return new DomainError('ALREADY_EXISTS', 'Navnet er i brug.', { fields: { name: ['Navnet er i brug'] } });
}
