import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  CprReveal,
  HouseholdDetail,
  PersonDetail,
  SearchResult,
  TenancySummary,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { birthDateOf, formatCpr, maskCpr, normaliseCpr } from '../../common/crypto/cpr';
import { CprVault } from '../../common/crypto/cpr-vault';
import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import {
  AddHouseholdMemberDto,
  CreatePersonDto,
  CreateTenancyDto,
  SearchQueryDto,
  UpdatePersonDto,
} from './people.dto';
import {
  PERSON_COLUMNS,
  PersonRow,
  TENANCY_COLUMNS,
  TenancyRow,
  toHousehold,
  toPerson,
  toTenancy,
} from './people.mapper';

export const CASEWORK_PURPOSE = 'Sagsbehandling';
const SEARCH_LIMIT = 20;

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly vault: CprVault,
    private readonly accessLog: AccessLogService,
  ) {}

  /** In an afdeling the caller's teams cover; any other afdeling (or none) answers 404 alike. */
  async createTenancy(ctx: RequestContext, dto: CreateTenancyDto): Promise<TenancySummary> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireAfdeling(em, ctx, dto.afdelingId);
      const taken = await em.query(`SELECT 1 FROM lejemaal WHERE afdeling_id = $1 AND lejemaalsnummer = $2`, [
        dto.afdelingId,
        dto.lejemaalsnummer,
      ]);
      if (taken.length) {
        throw new DomainError('ALREADY_EXISTS', 'Lejemålet findes allerede.', {
          fields: { lejemaalsnummer: ['Lejemålsnummeret findes allerede i afdelingen'] },
        });
      }
      const [row] = await em.query(
        `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer, move_in_date, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.afdelingId, dto.address, dto.lejemaalsnummer, dto.moveInDate ?? null, dto.status ?? 'aktiv'],
      );
      return this.tenancyById(em, row.id);
    });
  }

  async getTenancy(
    ctx: RequestContext,
    id: string,
  ): Promise<{ tenancy: TenancySummary; household: HouseholdDetail | null }> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireTenancy(em, ctx, id);
      const tenancy = await this.tenancyById(em, id);
      const [household] = await em.query(`SELECT id FROM household WHERE lejemaal_id = $1`, [id]);
      const detail = household ? await this.householdDetail(em, ctx, household.id, tenancy) : null;
      if (detail?.members.length) {
        await this.accessLog.record(
          ctx,
          { action: AccessAction.Read, purpose: `${CASEWORK_PURPOSE}: husstand`, searchCriterion: `lejemaal:${id}` },
          em,
        );
      }
      return { tenancy, household: detail };
    });
  }

  async createPerson(ctx: RequestContext, dto: CreatePersonDto): Promise<PersonDetail> {
    this.access.requireTeam(ctx, dto.teamId);
    const cpr = this.parseCpr(dto.cpr);
    const id = await this.dataSource.transaction(async (em) => {
      if (dto.tenancyId) await this.access.requireTenancy(em, ctx, dto.tenancyId, 'tenancyId');
      if (cpr) await this.assertCprFreeInTeam(em, dto.teamId, cpr);
      const [row] = await em.query(
        `INSERT INTO person (team_id, name, birth_year, phone, sms_preferred, email, preferred_language, interpreter_needed,
                             communication_preference, cpr_encrypted, cpr_blind_index, cpr_masked, created_by, identity_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          dto.teamId,
          dto.name,
          dto.birthYear ?? (cpr ? birthYearOf(cpr) : null),
          dto.phone ?? null,
          dto.smsPreferred ?? true,
          dto.email ?? null,
          dto.preferredLanguage ?? null,
          dto.interpreterNeeded ?? false,
          dto.communicationPreference ?? null,
          cpr ? this.vault.encrypt(cpr) : null,
          cpr ? this.vault.blindIndex(cpr) : null,
          cpr ? maskCpr(cpr) : null,
          ctx.userId,
          cpr ? await this.identityFor(em, cpr) : null,
        ],
      );
      if (dto.tenancyId) await this.joinHousehold(em, dto.tenancyId, row.id, dto.relation ?? 'lejer');
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Create,
          subjectType: AccessSubjectType.Person,
          subjectId: row.id,
          purpose: CASEWORK_PURPOSE,
        },
        em,
      );
      return row.id as string;
    });
    return this.getPerson(ctx, id, false);
  }

  async getPerson(ctx: RequestContext, id: string, log = true): Promise<PersonDetail> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requirePerson(em, ctx, id);
      const [row]: PersonRow[] = await em.query(`SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = $1`, [id]);
      const households: Array<{ household_id: string; lejemaal_id: string | null }> = await em.query(
        `SELECT h.id AS household_id, h.lejemaal_id FROM household_member m JOIN household h ON h.id = m.household_id WHERE m.person_id = $1`,
        [id],
      );
      const details: HouseholdDetail[] = [];
      for (const h of households) {
        const tenancy = h.lejemaal_id ? await this.tenancyById(em, h.lejemaal_id) : null;
        details.push(await this.householdDetail(em, ctx, h.household_id, tenancy));
      }
      if (log) {
        await this.accessLog.record(
          ctx,
          {
            action: AccessAction.Read,
            subjectType: AccessSubjectType.Person,
            subjectId: id,
            purpose: CASEWORK_PURPOSE,
          },
          em,
        );
      }
      return { ...toPerson(row), households: details };
    });
  }

  async updatePerson(ctx: RequestContext, id: string, dto: UpdatePersonDto): Promise<PersonDetail> {
    const cpr = dto.cpr === undefined ? undefined : this.parseCpr(dto.cpr);
    await this.dataSource.transaction(async (em) => {
      const person = await this.access.requirePerson(em, ctx, id);
      if (cpr) await this.assertCprFreeInTeam(em, person.team_id, cpr, id);
      const sets: string[] = [];
      const params: unknown[] = [id, dto.version];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.name !== undefined) set('name', dto.name);
      if (dto.birthYear !== undefined) set('birth_year', dto.birthYear);
      if (dto.phone !== undefined) set('phone', dto.phone);
      if (dto.smsPreferred !== undefined) set('sms_preferred', dto.smsPreferred);
      if (dto.email !== undefined) set('email', dto.email);
      if (dto.preferredLanguage !== undefined) set('preferred_language', dto.preferredLanguage);
      if (dto.interpreterNeeded !== undefined) set('interpreter_needed', dto.interpreterNeeded);
      if (dto.communicationPreference !== undefined) set('communication_preference', dto.communicationPreference);
      const [before] = cpr === undefined ? [] : await em.query(`SELECT identity_id FROM person WHERE id = $1`, [id]);
      if (cpr !== undefined) {
        set('cpr_encrypted', cpr ? this.vault.encrypt(cpr) : null);
        set('cpr_blind_index', cpr ? this.vault.blindIndex(cpr) : null);
        set('cpr_masked', cpr ? maskCpr(cpr) : null);
        set('identity_id', cpr ? await this.identityFor(em, cpr) : null);
      }
      const result = await em.query(
        `UPDATE person SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING id`,
        params,
      );
      if (!(result[0] as unknown[]).length) {
        const [fresh]: PersonRow[] = await em.query(`SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = $1`, [id]);
        throw versionConflict(toPerson(fresh));
      }
      // A changed or removed CPR number leaves no identity behind that no person row uses.
      if (before?.identity_id) {
        await em.query(
          `DELETE FROM person_identity i WHERE i.id = $1 AND NOT EXISTS (SELECT 1 FROM person p WHERE p.identity_id = i.id)`,
          [before.identity_id],
        );
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.Person,
          subjectId: id,
          purpose: CASEWORK_PURPOSE,
        },
        em,
      );
    });
    return this.getPerson(ctx, id, false);
  }

  /** The full CPR number, for roles that need it (applications to the kommune). Always access-logged. */
  async revealCpr(ctx: RequestContext, id: string): Promise<CprReveal> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requirePerson(em, ctx, id);
      const [row] = await em.query(`SELECT cpr_encrypted FROM person WHERE id = $1`, [id]);
      if (!row?.cpr_encrypted) throw notFound('CPR-nummeret');
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Read,
          subjectType: AccessSubjectType.Person,
          subjectId: id,
          purpose: `${CASEWORK_PURPOSE}: CPR-nummer vist`,
        },
        em,
      );
      return { personId: id, cpr: formatCpr(this.vault.decrypt(row.cpr_encrypted)) };
    });
  }

  async addHouseholdMember(
    ctx: RequestContext,
    tenancyId: string,
    dto: AddHouseholdMemberDto,
  ): Promise<HouseholdDetail> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireTenancy(em, ctx, tenancyId);
      const tenancy = await this.tenancyById(em, tenancyId);
      await this.access.requirePerson(em, ctx, dto.personId);
      const householdId = await this.joinHousehold(em, tenancyId, dto.personId, dto.relation);
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.Person,
          subjectId: dto.personId,
          purpose: `${CASEWORK_PURPOSE}: husstand`,
        },
        em,
      );
      return this.householdDetail(em, ctx, householdId, tenancy);
    });
  }

  async search(ctx: RequestContext, query: SearchQueryDto): Promise<SearchResult> {
    if (!query.q && !query.cpr)
      throw fieldError('q', 'Skriv et navn, en adresse, et lejemålsnummer eller et CPR-nummer');
    return this.dataSource.transaction(async (em) => {
      let persons: PersonRow[] = [];
      let tenancies: TenancyRow[] = [];
      let criterion: string;
      // A CPR number typed into the free-text field is searched (and logged) as a CPR number.
      const cprInput = query.cpr ?? (query.q && normaliseCpr(query.q) ? query.q : undefined);
      if (cprInput) {
        const cpr = normaliseCpr(cprInput);
        if (!cpr) throw fieldError('cpr', 'Ugyldigt CPR-nummer (DDMMÅÅ-XXXX)');
        criterion = `cpr:${maskCpr(cpr)}`; // never the full number, not even in the access log
        persons = await em.query(
          `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.cpr_blind_index = $1 AND ${this.access.personVisibleSql('p', '$2')}`,
          [this.vault.blindIndex(cpr), ctx.teamIds],
        );
      } else {
        const q = query.q ?? '';
        criterion = q;
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        persons = await em.query(
          `SELECT ${PERSON_COLUMNS} FROM person p
            WHERE p.name ILIKE $1 AND ${this.access.personVisibleSql('p', '$2')}
            ORDER BY p.name LIMIT ${SEARCH_LIMIT}`,
          [like, ctx.teamIds],
        );
        tenancies = await em.query(
          `SELECT ${TENANCY_COLUMNS} FROM lejemaal l JOIN afdeling a ON a.id = l.afdeling_id
            WHERE (l.address ILIKE $1 OR l.lejemaalsnummer = $2) AND ${this.access.tenancyVisibleSql('l', '$3')}
            ORDER BY l.address LIMIT ${SEARCH_LIMIT}`,
          [like, q, ctx.teamIds],
        );
      }
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Search,
          subjectType: AccessSubjectType.Person,
          purpose: CASEWORK_PURPOSE,
          searchCriterion: criterion,
        },
        em,
      );
      return { persons: persons.map(toPerson), tenancies: tenancies.map(toTenancy) };
    });
  }

  async tenancyById(em: EntityManager, id: string): Promise<TenancySummary> {
    const [row]: TenancyRow[] = await em.query(
      `SELECT ${TENANCY_COLUMNS} FROM lejemaal l JOIN afdeling a ON a.id = l.afdeling_id WHERE l.id = $1`,
      [id],
    );
    if (!row) throw notFound('Lejemålet');
    return toTenancy(row);
  }

  async householdDetail(
    em: EntityManager,
    ctx: RequestContext,
    householdId: string,
    tenancy: TenancySummary | null,
  ): Promise<HouseholdDetail> {
    const members = await em.query(
      `SELECT m.person_id, p.name, m.relation, p.birth_year FROM household_member m JOIN person p ON p.id = m.person_id
        WHERE m.household_id = $1 AND ${this.access.personVisibleSql('p', '$2')}`,
      [householdId, ctx.teamIds],
    );
    return toHousehold(householdId, tenancy, members);
  }

  /**
   * Puts the person in the tenancy's household (made on first use); returns the household id.
   * `keepRelation` leaves an existing member's relation alone (a child stays a child when a case is opened).
   */
  async joinHousehold(
    em: EntityManager,
    tenancyId: string,
    personId: string,
    relation: string,
    keepRelation = false,
  ): Promise<string> {
    const exists = await em.query(`SELECT 1 FROM lejemaal WHERE id = $1`, [tenancyId]);
    if (!exists.length) throw fieldError('tenancyId', 'Lejemålet findes ikke');
    await em.query(`INSERT INTO household (lejemaal_id) VALUES ($1) ON CONFLICT (lejemaal_id) DO NOTHING`, [tenancyId]);
    const [h] = await em.query(`SELECT id FROM household WHERE lejemaal_id = $1`, [tenancyId]);
    await em.query(
      `INSERT INTO household_member (household_id, person_id, relation) VALUES ($1, $2, $3)
       ON CONFLICT (household_id, person_id) DO ${keepRelation ? 'NOTHING' : 'UPDATE SET relation = EXCLUDED.relation'}`,
      [h.id, personId, relation],
    );
    return h.id;
  }

  private parseCpr(input: string | null | undefined): string | null {
    if (input === undefined || input === null) return null;
    const cpr = normaliseCpr(input);
    if (!cpr) throw fieldError('cpr', 'Ugyldigt CPR-nummer: skriv DDMMÅÅ-XXXX med en gyldig dato');
    return cpr;
  }

  /**
   * One person row per CPR number per team. The 409 names the team's own record (which the caller may
   * see); persons with the number in other teams are never looked at here (ADR 0006).
   */
  private async assertCprFreeInTeam(em: EntityManager, teamId: string, cpr: string, exceptId?: string): Promise<void> {
    const [row]: PersonRow[] = await em.query(
      `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.team_id = $1 AND p.cpr_blind_index = $2 AND ($3::uuid IS NULL OR p.id <> $3::uuid)`,
      [teamId, this.vault.blindIndex(cpr), exceptId ?? null],
    );
    if (row) {
      throw new DomainError('ALREADY_EXISTS', 'Teamet har allerede en person med det CPR-nummer.', {
        fields: { cpr: ['Teamet har allerede en person med det CPR-nummer'] },
        current: toPerson(row),
      });
    }
  }

  /**
   * The installation-wide identity for a CPR number, made on first use. Other teams' person rows with
   * the number link to the same identity silently: nothing about them is read or answered.
   */
  private async identityFor(em: EntityManager, cpr: string): Promise<string> {
    const blind = this.vault.blindIndex(cpr);
    await em.query(
      `INSERT INTO person_identity (cpr_blind_index) VALUES ($1) ON CONFLICT (cpr_blind_index) DO NOTHING`,
      [blind],
    );
    const [row] = await em.query(`SELECT id FROM person_identity WHERE cpr_blind_index = $1`, [blind]);
    return row.id as string;
  }
}

function birthYearOf(cpr: string): number | null {
  return birthDateOf(cpr)?.getUTCFullYear() ?? null;
}
