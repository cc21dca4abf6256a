import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { BoligorganisationEntity } from './boligorganisation.entity';
import { PartnerOrganisationEntity } from './partner-organisation.entity';

/** The SQL of boligorganisationer, afdelinger and partner organisations. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every boligorganisation with its afdelinger, by name. */
  findBoligorganisationer(): Promise<BoligorganisationEntity[]> {
    return this.dataSource
      .getRepository(BoligorganisationEntity)
      .find({ relations: { afdelinger: true }, order: { name: 'ASC' } });
  }

  /** The afdelinger the given teams cover (team_afdeling). */
  async afdelingIdsCoveredBy(teamIds: string[]): Promise<Set<string>> {
    const rows: Array<{ afdeling_id: string }> = await this.dataSource.query(
      `SELECT afdeling_id FROM team_afdeling WHERE team_id = ANY($1::uuid[])`,
      [teamIds],
    );
    return new Set(rows.map((r) => r.afdeling_id));
  }

  findPartners(): Promise<PartnerOrganisationEntity[]> {
    return this.dataSource.getRepository(PartnerOrganisationEntity).find({ order: { kommune: 'ASC', name: 'ASC' } });
  }

  async boligorganisationNameTaken(name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM boligorganisation WHERE name = $1`, [name]);
    return rows.length > 0;
  }

  async insertBoligorganisation(name: string, cvr: string | null): Promise<string> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO boligorganisation (name, cvr) VALUES ($1, $2) RETURNING id`,
      [name, cvr],
    );
    return row.id;
  }

  async boligorganisationExists(em: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM boligorganisation WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async afdelingsnummerTaken(
    em: EntityManager,
    boligorganisationId: string,
    afdelingsnummer: string,
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM afdeling WHERE boligorganisation_id = $1 AND afdelingsnummer = $2`,
      [boligorganisationId, afdelingsnummer],
    );
    return rows.length > 0;
  }

  async insertAfdeling(
    em: EntityManager,
    boligorganisationId: string,
    afdelingsnummer: string,
    name: string,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await em.query(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, $2, $3) RETURNING id`,
      [boligorganisationId, afdelingsnummer, name],
    );
    return row.id;
  }

  async partnerNameTaken(kommune: string, name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM partner_organisation WHERE kommune = $1 AND name = $2`,
      [kommune, name],
    );
    return rows.length > 0;
  }

  async insertPartner(name: string, type: string, kommune: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO partner_organisation (name, type, kommune) VALUES ($1, $2, $3) RETURNING id`,
      [name, type, kommune],
    );
    return row.id;
  }
}
