import { Injectable } from '@nestjs/common';
import { CaseStatus } from '@bofast/contracts';
import { EntityManager } from 'typeorm';

import { fieldError, notFound } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';

export interface CaseRow {
  id: string;
  case_number: string;
  type: string;
  status: CaseStatus;
  person_id: string;
  household_id: string | null;
  lejemaal_id: string | null;
  team_id: string;
  responsible_id: string;
  origin_signal_id: string | null;
  reopened_from_id: string | null;
  tags: string[];
  review_date: string | null;
  opened_at: Date;
  closed_at: Date | null;
  closure_reason: string | null;
  version: number;
  updated_at: Date;
  is_member: boolean;
}

/**
 * Record-level access for case work. Workers and team leads see the cases, signals and persons of
 * their own teams; anything else answers 404 exactly like something that does not exist.
 * "Members" of a case (responsible worker and co-workers) also see its restricted content.
 */
@Injectable()
export class CaseAccess {
  /** The case if the caller may see it, with whether the caller is on it; else 404. `forUpdate` locks the row. */
  async requireCase(em: EntityManager, ctx: RequestContext, caseId: string, forUpdate = false): Promise<CaseRow> {
    const rows: CaseRow[] = await em.query(
      `SELECT s.*, to_char(s.review_date, 'YYYY-MM-DD') AS review_date,
              (s.responsible_id = $2 OR EXISTS (SELECT 1 FROM sag_coworker c WHERE c.sag_id = s.id AND c.user_id = $2)) AS is_member
         FROM sag s WHERE s.id = $1 AND s.team_id = ANY($3::uuid[]) ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
      [caseId, ctx.userId, ctx.teamIds],
    );
    if (!rows[0]) throw notFound('Sagen');
    return rows[0];
  }

  async requirePerson(
    em: EntityManager,
    ctx: RequestContext,
    personId: string,
  ): Promise<{ id: string; team_id: string; name: string }> {
    const rows = await em.query(
      `SELECT p.id, p.team_id, p.name FROM person p WHERE p.id = $1 AND ${this.personVisibleSql('p', '$2')}`,
      [personId, ctx.teamIds],
    );
    if (!rows[0]) throw notFound('Personen');
    return rows[0];
  }

  /** SQL condition: person alias `p` is visible to teams in the uuid[] parameter `teams`. */
  personVisibleSql(p: string, teams: string): string {
    return `(${p}.team_id = ANY(${teams}::uuid[])
      OR EXISTS (SELECT 1 FROM sag vs WHERE vs.person_id = ${p}.id AND vs.team_id = ANY(${teams}::uuid[]))
      OR EXISTS (SELECT 1 FROM signal vg WHERE vg.person_id = ${p}.id AND vg.team_id = ANY(${teams}::uuid[])))`;
  }

  /**
   * SQL condition: tenancy alias `l` lies in an afdeling that one of the teams in the uuid[] parameter
   * `teams` covers (team_afdeling). Tenancies elsewhere do not exist for the caller (ADR 0006).
   */
  tenancyVisibleSql(l: string, teams: string): string {
    return `${l}.afdeling_id IN (SELECT vta.afdeling_id FROM team_afdeling vta WHERE vta.team_id = ANY(${teams}::uuid[]))`;
  }

  /**
   * The tenancy's id if it lies in an afdeling the caller's teams cover; else the same answer as for
   * a tenancy that does not exist: 404, or with `field` (a tenancy named in a body) a field error.
   */
  async requireTenancy(em: EntityManager, ctx: RequestContext, tenancyId: string, field?: string): Promise<void> {
    const rows = await em.query(`SELECT 1 FROM lejemaal l WHERE l.id = $1 AND ${this.tenancyVisibleSql('l', '$2')}`, [
      tenancyId,
      ctx.teamIds,
    ]);
    if (rows.length) return;
    throw field ? fieldError(field, 'Lejemålet findes ikke') : notFound('Lejemålet');
  }

  /** 404 unless one of the caller's teams covers the afdeling (as if it did not exist). */
  async requireAfdeling(em: EntityManager, ctx: RequestContext, afdelingId: string): Promise<void> {
    const rows = await em.query(
      `SELECT 1 FROM team_afdeling ta WHERE ta.afdeling_id = $1 AND ta.team_id = ANY($2::uuid[])`,
      [afdelingId, ctx.teamIds],
    );
    if (!rows.length) throw notFound('Afdelingen');
  }

  requireTeam(ctx: RequestContext, teamId: string): void {
    if (!ctx.teamIds.includes(teamId)) throw notFound('Teamet');
  }
}
