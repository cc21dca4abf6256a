import { Injectable } from '@nestjs/common';
import {
  CONSENT_EXPIRING_SOON_DAYS,
  ConsentBanner,
  ConsentCoverage,
  ConsentDirection,
  ConsentPurpose,
  ConsentStatus,
  DataCategory,
} from '@bofast/contracts';
import { EntityManager } from 'typeorm';

export interface CoverageQuestion {
  personId: string;
  recipientId: string;
  purpose: ConsentPurpose;
  categories: DataCategory[];
  /** What the disclosure does; a consent for `begge` covers both directions. Default: videregive. */
  direction?: ConsentDirection;
  at?: Date;
}

export function consentStatus(c: { withdrawn_at: Date | null; expires_at: Date }, now = new Date()): ConsentStatus {
  if (c.withdrawn_at && c.withdrawn_at <= now) return 'tilbagekaldt';
  if (c.expires_at <= now) return 'udloebet';
  if (c.expires_at.getTime() - now.getTime() <= CONSENT_EXPIRING_SOON_DAYS * 86_400_000) return 'udloeber_snart';
  return 'gyldig';
}

/**
 * The one place that answers "does an active consent cover recipient R, purpose P and these data
 * categories?". Referrals, disclosures and partner access must ask here and nowhere else.
 */
@Injectable()
export class ConsentCoverageService {
  async covers(em: EntityManager, q: CoverageQuestion): Promise<ConsentCoverage> {
    if (q.categories.length === 0) return { covered: false, consentId: null };
    const direction = q.direction ?? 'videregive';
    const rows = await em.query(
      `SELECT c.id FROM consent c
         JOIN consent_recipient r ON r.consent_id = c.id AND r.partner_organisation_id = $2
        WHERE c.person_id = $1
          AND c.withdrawn_at IS NULL
          AND c.given_at <= $6 AND c.expires_at > $6
          AND $3 = ANY(c.purposes)
          AND c.data_categories @> $4::text[]
          AND (c.direction = 'begge' OR c.direction = $5)
        ORDER BY c.expires_at DESC LIMIT 1`,
      [q.personId, q.recipientId, q.purpose, q.categories, direction, q.at ?? new Date()],
    );
    return { covered: rows.length > 0, consentId: rows[0]?.id ?? null };
  }

  /** The banner on a case: the best state among the person's consents, or none. */
  async bannerFor(em: EntityManager, personId: string): Promise<ConsentBanner> {
    const rows: Array<{ withdrawn_at: Date | null; expires_at: Date }> = await em.query(
      `SELECT withdrawn_at, expires_at FROM consent WHERE person_id = $1 AND given_at <= now()`,
      [personId],
    );
    if (!rows.length) return { state: 'none', expiresAt: null };
    const rank: Record<ConsentStatus, number> = { gyldig: 0, udloeber_snart: 1, udloebet: 2, tilbagekaldt: 3 };
    const best = rows
      .map((r) => ({ status: consentStatus(r), expiresAt: r.expires_at }))
      .sort((a, b) => rank[a.status] - rank[b.status] || b.expiresAt.getTime() - a.expiresAt.getTime())[0];
    return { state: best.status, expiresAt: best.expiresAt.toISOString() };
  }
}
