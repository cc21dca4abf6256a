import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  CategoryNotes,
  ConsentPurpose,
  DataCategory,
  PARTNER_READ_ONLY_DAYS,
  PartnerAccess,
  PartnerReferral,
  PartnerReferralEnded,
  PartnerReferralListItem,
  Referral,
  REFERRAL_TRANSITIONS,
  ReferralMessage,
  ReferralStatus,
  ReferralStatusEntry,
  sharedCategoriesOf,
  ShareableField,
  TimelineEventType,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccess } from '../case-core/case-access';
import { ConsentCoverageService } from '../consent/consent-coverage.service';
import { TimelineWriter } from '../case-core/timeline.writer';
import {
  CreateReferralDto,
  ReferralMessageDto,
  ReferralTransitionDto,
  UnderretningDto,
  UpdateReferralDto,
} from './referrals.dto';

const PURPOSE = 'Sagsbehandling: henvisning';
const PARTNER_PURPOSE = 'Partnerportal: henvisning';

export interface ReferralRow {
  id: string;
  sag_id: string;
  person_id: string;
  partner_organisation_id: string;
  method: Referral['method'];
  reason: string;
  purpose: ConsentPurpose;
  shared_fields: ShareableField[];
  notes: CategoryNotes;
  shared_categories: DataCategory[];
  underretning: boolean;
  underretning_reason: string | null;
  consent_id: string | null;
  status: ReferralStatus;
  status_reason: string | null;
  outcome: string | null;
  sent_at: Date | null;
  first_meeting_at: Date | null;
  closed_at: Date | null;
  /** PARTNER_ACCESS for this row: what the partner may do with it now (null: nothing, 404). */
  partner_access: PartnerAccess | null;
  created_by: string | null;
  created_by_name: string | null;
  version: number;
  case_number: string;
  team_id: string;
  team_name: string;
  responsible_name: string;
  person_name: string;
  partner_name: string;
}

/**
 * What a partner may do with a referral, by its state — the one rule (docs/referrals-and-consent.md,
 * "What a partner sees and may do in each state"). Every partner query selects through it:
 * 'open' (sent, received, waiting list, accepted, in progress): read, message, change status;
 * 'read_only' (completed, no-show): read for 30 days from the state change (closed_at);
 * 'ended' (withdrawn, declined): a line without personal data in the list for 30 days, 404 otherwise;
 * NULL (draft, or the 30 days are over, or a closed state without its timestamp): nothing at all.
 * Consent still applies on top (partnerMayStillSee): a withdrawn or expired consent ends access at once.
 */
const PARTNER_ACCESS = `CASE
    WHEN r.status IN ('sendt','modtaget','venteliste','accepteret','forloeb_i_gang') THEN 'open'
    WHEN r.status IN ('afsluttet','udeblevet') AND r.closed_at > now() - make_interval(days => ${PARTNER_READ_ONLY_DAYS}) THEN 'read_only'
    WHEN r.status IN ('trukket_tilbage','afvist') AND r.closed_at > now() - make_interval(days => ${PARTNER_READ_ONLY_DAYS}) THEN 'ended'
  END`;

const SELECT = `
  SELECT r.*, ${PARTNER_ACCESS} AS partner_access, s.case_number, s.team_id, t.name AS team_name, ru.display_name AS responsible_name,
         p.name AS person_name, po.name AS partner_name, cu.display_name AS created_by_name
    FROM referral r JOIN sag s ON s.id = r.sag_id JOIN team t ON t.id = s.team_id
    JOIN app_user ru ON ru.id = s.responsible_id JOIN person p ON p.id = r.person_id
    JOIN partner_organisation po ON po.id = r.partner_organisation_id LEFT JOIN app_user cu ON cu.id = r.created_by`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Henvisninger. The consent gate: a referral that shares data leaves only when an active consent
 * covers its recipient, its purpose and every shared category — asked of ConsentCoverageService,
 * the one consent function. The only way around is a team lead's marked underretning. Partners see
 * a referral only while that still holds (checked on every request), and only its shared fields.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineWriter,
    private readonly consent: ConsentCoverageService,
    private readonly accessLog: AccessLogService,
  ) {}

  // ---- the team's side ----

  async listForCase(ctx: RequestContext, caseId: string): Promise<Referral[]> {
    return this.dataSource.transaction(async (em) => {
      await this.access.requireCase(em, ctx, caseId);
      const rows: ReferralRow[] = await em.query(`${SELECT} WHERE r.sag_id = $1 ORDER BY r.created_at DESC`, [caseId]);
      await this.log(ctx, em, AccessAction.Read, caseId, AccessSubjectType.Case);
      return Promise.all(rows.map((r) => this.teamView(em, r)));
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.requireTeamReferral(em, ctx, id);
      await this.log(ctx, em, AccessAction.Read, id);
      return this.teamView(em, row);
    });
  }

  async create(ctx: RequestContext, caseId: string, dto: CreateReferralDto): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, caseId, true);
      if (c.status === 'afsluttet')
        throw new DomainError('INVALID_STATE', 'Sagen er afsluttet. Genåbn den for at arbejde videre.');
      await this.requirePartner(em, dto.partnerId);
      const notes = cleanNotes(dto.notes);
      const [row] = await em.query(
        `INSERT INTO referral (sag_id, person_id, partner_organisation_id, method, reason, purpose, shared_fields, notes, shared_categories, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          caseId,
          c.person_id,
          dto.partnerId,
          dto.method,
          dto.reason,
          dto.purpose ?? 'videregivelse',
          [...new Set(dto.sharedFields)],
          JSON.stringify(notes),
          sharedCategoriesOf(dto.sharedFields, notes),
          ctx.userId,
        ],
      );
      await this.event(em, row.id, 'udkast', 'team', ctx.userId, null);
      await this.toTimeline(em, caseId, ctx.userId, row.id, { status: 'udkast' });
      await this.log(ctx, em, AccessAction.Update, row.id);
      return this.teamView(em, await this.requireTeamReferral(em, ctx, row.id));
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateReferralDto): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requireTeamReferral(em, ctx, id, true);
      if (r.version !== dto.version) throw versionConflict(await this.teamView(em, r));
      if (r.status !== 'udkast') throw new DomainError('INVALID_STATE', 'Kun en kladde kan rettes.');
      const fields = dto.sharedFields ? [...new Set(dto.sharedFields)] : r.shared_fields;
      const notes = dto.notes ? cleanNotes(dto.notes) : r.notes;
      await em.query(
        `UPDATE referral SET method = $2, reason = $3, shared_fields = $4, notes = $5, shared_categories = $6,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [
          id,
          dto.method ?? r.method,
          dto.reason ?? r.reason,
          fields,
          JSON.stringify(notes),
          sharedCategoriesOf(fields, notes),
        ],
      );
      await this.log(ctx, em, AccessAction.Update, id);
      return this.teamView(em, await this.requireTeamReferral(em, ctx, id));
    });
  }

  /** The gate: udkast → sendt only with an active consent for recipient × purpose × every category. */
  async send(ctx: RequestContext, id: string, version: number): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requireTeamReferral(em, ctx, id, true);
      if (r.version !== version) throw versionConflict(await this.teamView(em, r));
      if (r.status !== 'udkast') throw new DomainError('INVALID_STATE', 'Henvisningen er allerede sendt.');
      let consentId: string | null = null;
      if (r.shared_categories.length) {
        const cover = await this.consent.covers(em, {
          personId: r.person_id,
          recipientId: r.partner_organisation_id,
          purpose: r.purpose,
          categories: r.shared_categories,
        });
        if (!cover.covered)
          throw new DomainError(
            'CONSENT_REQUIRED',
            `Henvisningen kan ikke sendes: intet gyldigt samtykke dækker ${r.partner_name}, formålet og kategorierne ${r.shared_categories.join(', ')}.`,
            { fields: { sharedFields: ['Registrér samtykke, eller del færre oplysninger'] } },
          );
        consentId = cover.consentId;
      }
      await em.query(
        `UPDATE referral SET status = 'sendt', sent_at = now(), consent_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, consentId],
      );
      await this.event(em, id, 'sendt', 'team', ctx.userId, null);
      await this.toTimeline(em, r.sag_id, ctx.userId, id, {
        status: 'sendt',
        partner: r.partner_name,
        sharedCategories: r.shared_categories,
        consentId,
      });
      await this.log(ctx, em, AccessAction.Update, id);
      return this.teamView(em, await this.requireTeamReferral(em, ctx, id));
    });
  }

  /**
   * A statutory underretning (e.g. concern for a child), by a team lead, outside consent: its own
   * path, a mandatory reason and legal basis, sent at once and marked everywhere it shows.
   */
  async underretning(ctx: RequestContext, caseId: string, dto: UnderretningDto): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.access.requireCase(em, ctx, caseId, true);
      await this.requirePartner(em, dto.partnerId);
      const notes = cleanNotes(dto.notes);
      const [row] = await em.query(
        `INSERT INTO referral (sag_id, person_id, partner_organisation_id, method, reason, purpose, shared_fields, notes,
                               shared_categories, underretning, underretning_reason, status, sent_at, created_by)
         VALUES ($1, $2, $3, 'formel_henvisning', $4, 'kontakt_myndighed', $5, $6, $7, true, $8, 'sendt', now(), $9) RETURNING id`,
        [
          caseId,
          c.person_id,
          dto.partnerId,
          dto.reason,
          [...new Set(dto.sharedFields)],
          JSON.stringify(notes),
          sharedCategoriesOf(dto.sharedFields, notes),
          dto.legalBasis,
          ctx.userId,
        ],
      );
      await this.event(em, row.id, 'sendt', 'team', ctx.userId, `Underretning: ${dto.legalBasis}`);
      await this.toTimeline(em, caseId, ctx.userId, row.id, {
        status: 'sendt',
        underretning: true,
        legalBasis: dto.legalBasis,
      });
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.Referral,
          subjectId: row.id,
          purpose: `Underretning uden samtykke: ${dto.legalBasis}`,
        },
        em,
      );
      return this.teamView(em, await this.requireTeamReferral(em, ctx, row.id));
    });
  }

  async teamTransition(ctx: RequestContext, id: string, dto: ReferralTransitionDto): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requireTeamReferral(em, ctx, id, true);
      await this.transition(em, ctx, r, dto, 'team');
      return this.teamView(em, await this.requireTeamReferral(em, ctx, id));
    });
  }

  async teamMessage(ctx: RequestContext, id: string, dto: ReferralMessageDto): Promise<Referral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requireTeamReferral(em, ctx, id, true);
      if (r.status === 'udkast') throw new DomainError('INVALID_STATE', 'Send henvisningen, før I skriver sammen.');
      await this.message(em, ctx, r, dto.text, 'team');
      return this.teamView(em, await this.requireTeamReferral(em, ctx, id));
    });
  }

  /** The handoff summary: exactly what the partner sees (for print or PDF). */
  async summary(ctx: RequestContext, id: string): Promise<PartnerReferral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requireTeamReferral(em, ctx, id);
      if (r.status === 'udkast') throw new DomainError('INVALID_STATE', 'En kladde har ikke et overdragelsesresumé.');
      if (r.partner_access !== 'open' && r.partner_access !== 'read_only')
        throw new DomainError(
          'INVALID_STATE',
          'Partneren kan ikke længere se henvisningen: der kan ikke udskrives et resumé.',
        );
      if (!(await this.partnerMayStillSee(em, r)))
        throw new DomainError('INVALID_STATE', 'Samtykket dækker ikke længere: der kan ikke udskrives et resumé.');
      await this.log(ctx, em, AccessAction.Read, id);
      return this.partnerView(em, r);
    });
  }

  // ---- the partner portal ----

  async partnerList(ctx: RequestContext): Promise<PartnerReferralListItem[]> {
    return this.dataSource.transaction(async (em) => {
      const rows: ReferralRow[] = await em.query(
        `${SELECT} WHERE r.partner_organisation_id = $1 AND ${PARTNER_ACCESS} IS NOT NULL ORDER BY r.sent_at DESC LIMIT 500`,
        [this.partnerOf(ctx)],
      );
      const visible: PartnerReferralListItem[] = [];
      for (const r of rows) {
        if (r.partner_access === 'ended') {
          visible.push(endedView(r));
          continue;
        }
        if (!(await this.partnerMayStillSee(em, r))) continue;
        visible.push(await this.partnerView(em, r));
        await this.log(ctx, em, AccessAction.Read, r.id, AccessSubjectType.Referral, PARTNER_PURPOSE);
      }
      // A list that showed no referral's data is still a look: one search entry, so the net is not needed.
      if (!visible.some((v) => v.access !== 'ended'))
        await this.accessLog.record(
          ctx,
          { action: AccessAction.Search, subjectType: AccessSubjectType.Referral, purpose: PARTNER_PURPOSE },
          em,
        );
      return visible;
    });
  }

  async partnerGet(ctx: RequestContext, id: string): Promise<PartnerReferral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requirePartnerReferral(em, ctx, id);
      await this.log(ctx, em, AccessAction.Read, id, AccessSubjectType.Referral, PARTNER_PURPOSE);
      return this.partnerView(em, r);
    });
  }

  /** A decline ends the partner's access at once: the answer is then the line without personal data. */
  async partnerTransition(
    ctx: RequestContext,
    id: string,
    dto: ReferralTransitionDto,
  ): Promise<PartnerReferral | PartnerReferralEnded> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requirePartnerReferral(em, ctx, id, true, true);
      await this.transition(em, ctx, r, dto, 'partner');
      const [after]: ReferralRow[] = await em.query(`${SELECT} WHERE r.id = $1`, [id]);
      if (after.partner_access === 'ended') return endedView(after);
      return this.partnerView(em, await this.requirePartnerReferral(em, ctx, id));
    });
  }

  async partnerMessage(ctx: RequestContext, id: string, dto: ReferralMessageDto): Promise<PartnerReferral> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.requirePartnerReferral(em, ctx, id, true, true);
      await this.message(em, ctx, r, dto.text, 'partner');
      return this.partnerView(em, await this.requirePartnerReferral(em, ctx, id));
    });
  }

  // ---- the closed loop ----

  /**
   * Referrals sent (or received) and unanswered for longer than the partner's response time get a
   * follow-up task for the case's responsible worker, once per response period: the loop is closed
   * or it is chased. Returns the number of tasks created.
   */
  async chaseUnanswered(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string; sag_id: string; responsible_id: string; partner: string }[] = await em.query(
        `SELECT r.id, r.sag_id, s.responsible_id, po.name AS partner
           FROM referral r JOIN partner_organisation po ON po.id = r.partner_organisation_id JOIN sag s ON s.id = r.sag_id
          WHERE r.status IN ('sendt','modtaget') AND s.status <> 'afsluttet'
            AND r.sent_at <= $1::timestamptz - make_interval(days => po.response_days)
            AND NOT EXISTS (SELECT 1 FROM task t WHERE t.source = 'henvisning' AND t.source_id = r.id
                             AND t.created_at > $1::timestamptz - make_interval(days => po.response_days))
          FOR UPDATE OF r SKIP LOCKED`,
        [now.toISOString()],
      );
      for (const r of rows) {
        const title = `Rykke ${r.partner} for svar på henvisningen`;
        const [task] = await em.query(
          `INSERT INTO task (sag_id, title, due_date, assignee_id, source, source_id, created_at)
           VALUES ($1, $2, ($3::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date, $4, 'henvisning', $5, $3) RETURNING id`,
          [r.sag_id, title, now.toISOString(), r.responsible_id, r.id],
        );
        await this.timeline.append(em, {
          caseId: r.sag_id,
          type: TimelineEventType.Task,
          occurredAt: now,
          authorId: null,
          text: title,
          data: { taskId: task.id, status: 'aaben', source: 'henvisning', referralId: r.id },
        });
      }
      return rows.length;
    });
  }

  // ---- internals ----

  private partnerOf(ctx: RequestContext): string {
    if (!ctx.partnerOrganisationId) throw notFound('Henvisningen');
    return ctx.partnerOrganisationId;
  }

  private async requirePartner(em: EntityManager, id: string): Promise<void> {
    const rows = await em.query(`SELECT 1 FROM partner_organisation WHERE id = $1`, [id]);
    if (!rows.length) throw fieldError('partnerId', 'Ukendt partner');
  }

  private async requireTeamReferral(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    forUpdate = false,
  ): Promise<ReferralRow> {
    const [r] = await em.query(
      `${SELECT} WHERE r.id = $1 AND s.team_id = ANY($2::uuid[]) ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
      [id, ctx.teamIds],
    );
    if (!r) throw notFound('Henvisningen');
    return r;
  }

  /**
   * 404 unless addressed to the caller's organisation, readable by its state (PARTNER_ACCESS) and still
   * covered by consent. Writing (`write`) needs the referral open: a read-only one answers 409.
   */
  private async requirePartnerReferral(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    forUpdate = false,
    write = false,
  ): Promise<ReferralRow> {
    const [r]: ReferralRow[] = await em.query(
      `${SELECT} WHERE r.id = $1 AND r.partner_organisation_id = $2 AND ${PARTNER_ACCESS} IN ('open','read_only')
        ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
      [id, this.partnerOf(ctx)],
    );
    if (!r || !(await this.partnerMayStillSee(em, r))) throw notFound('Henvisningen');
    if (write && r.partner_access !== 'open')
      throw new DomainError('INVALID_STATE', 'Henvisningen er afsluttet og kan kun læses.');
    return r;
  }

  /** Withdrawal or expiry of the consent ends the partner's access at once. */
  private async partnerMayStillSee(em: EntityManager, r: ReferralRow): Promise<boolean> {
    if (r.underretning || r.shared_categories.length === 0) return true;
    const cover = await this.consent.covers(em, {
      personId: r.person_id,
      recipientId: r.partner_organisation_id,
      purpose: r.purpose,
      categories: r.shared_categories,
    });
    return cover.covered;
  }

  private async transition(
    em: EntityManager,
    ctx: RequestContext,
    r: ReferralRow,
    dto: ReferralTransitionDto,
    side: 'team' | 'partner',
  ): Promise<void> {
    if (r.version !== dto.version)
      throw versionConflict(side === 'team' ? await this.teamView(em, r) : await this.partnerView(em, r));
    const allowed = REFERRAL_TRANSITIONS[r.status].find((t) => t.to === dto.status);
    if (!allowed || allowed.by !== side)
      throw new DomainError('INVALID_STATE', `Henvisningen kan ikke gå fra "${r.status}" til "${dto.status}".`, {
        fields: { status: ['Ikke tilladt'] },
      });
    if (['afvist', 'trukket_tilbage'].includes(dto.status) && !dto.reason)
      throw fieldError('reason', 'Skriv en begrundelse');
    if (dto.status === 'afsluttet' && !dto.outcome) throw fieldError('outcome', 'Beskriv hvordan forløbet endte');
    if (dto.firstMeetingAt && dto.status !== 'forloeb_i_gang')
      throw fieldError('firstMeetingAt', 'Det første møde registreres når forløbet går i gang');
    const closed = ['afvist', 'afsluttet', 'udeblevet', 'trukket_tilbage'].includes(dto.status);
    await em.query(
      `UPDATE referral SET status = $2, status_reason = coalesce($3, status_reason), outcome = coalesce($4, outcome),
              first_meeting_at = coalesce($5::timestamptz, first_meeting_at, CASE WHEN $2 = 'forloeb_i_gang' THEN now() END),
              closed_at = CASE WHEN $6 THEN now() ELSE closed_at END, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [r.id, dto.status, dto.reason ?? null, dto.outcome ?? null, dto.firstMeetingAt ?? null, closed],
    );
    await this.event(em, r.id, dto.status, side, ctx.userId, dto.reason ?? dto.outcome ?? null);
    await this.toTimeline(em, r.sag_id, ctx.userId, r.id, {
      status: dto.status,
      from: r.status,
      side,
      partner: r.partner_name,
      reason: dto.reason ?? null,
      outcome: dto.outcome ?? null,
      firstMeetingAt: dto.firstMeetingAt ?? null,
      underretning: r.underretning,
    });
    await this.log(
      ctx,
      em,
      AccessAction.Update,
      r.id,
      AccessSubjectType.Referral,
      side === 'partner' ? PARTNER_PURPOSE : PURPOSE,
    );
  }

  private async message(
    em: EntityManager,
    ctx: RequestContext,
    r: ReferralRow,
    text: string,
    side: 'team' | 'partner',
  ): Promise<void> {
    await em.query(`INSERT INTO referral_message (referral_id, side, author_id, text) VALUES ($1, $2, $3, $4)`, [
      r.id,
      side,
      ctx.userId,
      text,
    ]);
    await em.query(`UPDATE referral SET updated_at = now() WHERE id = $1`, [r.id]);
    await this.timeline.append(em, {
      caseId: r.sag_id,
      type: TimelineEventType.ReferralMessage,
      authorId: ctx.userId,
      text,
      data: { referralId: r.id, side, partner: r.partner_name },
    });
    await this.timeline.touchCase(em, r.sag_id);
    await this.log(
      ctx,
      em,
      AccessAction.Update,
      r.id,
      AccessSubjectType.Referral,
      side === 'partner' ? PARTNER_PURPOSE : PURPOSE,
    );
  }

  private async event(
    em: EntityManager,
    id: string,
    status: ReferralStatus,
    side: 'team' | 'partner',
    actorId: string,
    reason: string | null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO referral_event (referral_id, status, side, actor_id, reason) VALUES ($1, $2, $3, $4, $5)`,
      [id, status, side, actorId, reason],
    );
  }

  private async toTimeline(
    em: EntityManager,
    caseId: string,
    authorId: string,
    referralId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.timeline.append(em, {
      caseId,
      type: TimelineEventType.Referral,
      authorId,
      data: { referralId, ...data },
    });
    await this.timeline.touchCase(em, caseId);
  }

  private async log(
    ctx: RequestContext,
    em: EntityManager,
    action: AccessAction,
    subjectId: string,
    subjectType: AccessSubjectType = AccessSubjectType.Referral,
    purpose = PURPOSE,
  ): Promise<void> {
    await this.accessLog.record(ctx, { action, subjectType, subjectId, purpose }, em);
  }

  private async history(em: EntityManager, id: string): Promise<ReferralStatusEntry[]> {
    const rows = await em.query(
      `SELECT e.status, e.at, e.side, e.reason, coalesce(u.display_name, '') AS by
         FROM referral_event e LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.referral_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    return rows.map((e: Record<string, never>) => ({
      status: e['status'],
      at: (e['at'] as Date).toISOString(),
      by: e['by'],
      side: e['side'],
      reason: e['reason'],
    }));
  }

  private async messages(em: EntityManager, id: string): Promise<ReferralMessage[]> {
    const rows = await em.query(
      `SELECT m.id, m.side, m.text, m.created_at, coalesce(u.display_name, '') AS author
         FROM referral_message m LEFT JOIN app_user u ON u.id = m.author_id WHERE m.referral_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    return rows.map((m: Record<string, never>) => ({
      id: m['id'],
      side: m['side'],
      author: m['author'],
      text: m['text'],
      createdAt: (m['created_at'] as Date).toISOString(),
    }));
  }

  private async teamView(em: EntityManager, r: ReferralRow): Promise<Referral> {
    return {
      id: r.id,
      caseId: r.sag_id,
      caseNumber: r.case_number,
      person: { id: r.person_id, name: r.person_name },
      partner: { id: r.partner_organisation_id, name: r.partner_name },
      method: r.method,
      reason: r.reason,
      purpose: r.purpose,
      sharedCategories: r.shared_categories,
      sharedFields: r.shared_fields,
      notes: r.notes,
      underretning: r.underretning,
      underretningReason: r.underretning_reason,
      consentId: r.consent_id,
      consentActive: r.status === 'udkast' ? false : await this.partnerMayStillSee(em, r),
      status: r.status,
      statusReason: r.status_reason,
      outcome: r.outcome,
      sentAt: iso(r.sent_at),
      firstMeetingAt: iso(r.first_meeting_at),
      history: await this.history(em, r.id),
      messages: await this.messages(em, r.id),
      createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
      version: r.version,
    };
  }

  /** Only the name, the reason and the shared fields: nothing else of the case or the person. */
  private async partnerView(em: EntityManager, r: ReferralRow): Promise<PartnerReferral> {
    const fields = new Set(r.shared_fields);
    const resident: PartnerReferral['resident'] = { name: r.person_name };
    const [c] = await em.query(
      `SELECT s.household_id, s.lejemaal_id, l.address, p.phone FROM sag s JOIN person p ON p.id = s.person_id
         LEFT JOIN lejemaal l ON l.id = s.lejemaal_id WHERE s.id = $1`,
      [r.sag_id],
    );
    if (fields.has('address')) resident.address = c.address ?? null;
    if (fields.has('phone')) resident.phone = c.phone ?? null;
    if (fields.has('household')) {
      resident.household = c.household_id
        ? (
            await em.query(
              `SELECT p.name, m.relation FROM household_member m JOIN person p ON p.id = m.person_id
                WHERE m.household_id = $1 AND m.person_id <> $2 ORDER BY p.name`,
              [c.household_id, r.person_id],
            )
          ).map((m: { name: string; relation: string }) => ({ name: m.name, relation: m.relation }))
        : [];
    }
    if (fields.has('arrears')) {
      const [a] = c.lejemaal_id
        ? await em.query(
            `SELECT to_char(list_date, 'YYYY-MM-DD') AS list_date, amount FROM restance_row
              WHERE lejemaal_id = $1 AND accepted AND change <> 'afviklet' ORDER BY list_date DESC LIMIT 1`,
            [c.lejemaal_id],
          )
        : [];
      resident.arrears = a ? { listDate: a.list_date, amount: Number(a.amount) } : null;
    }
    if (fields.has('agreements')) {
      resident.agreements = (
        await em.query(
          `SELECT creditor, principal, installment, status FROM payment_agreement WHERE sag_id = $1 ORDER BY created_at`,
          [r.sag_id],
        )
      ).map((a: Record<string, string>) => ({
        creditor: a['creditor'],
        principal: Number(a['principal']),
        installment: Number(a['installment']),
        status: a['status'],
      }));
    }
    return {
      id: r.id,
      access: r.partner_access === 'read_only' ? 'read_only' : 'open',
      accessEndsAt:
        r.partner_access === 'read_only' && r.closed_at
          ? new Date(r.closed_at.getTime() + PARTNER_READ_ONLY_DAYS * 86_400_000).toISOString()
          : null,
      status: r.status,
      method: r.method,
      reason: r.reason,
      underretning: r.underretning,
      underretningReason: r.underretning_reason,
      sentAt: iso(r.sent_at),
      firstMeetingAt: iso(r.first_meeting_at),
      outcome: r.outcome,
      from: { team: r.team_name, worker: r.responsible_name },
      resident,
      notes: r.notes,
      sharedCategories: r.shared_categories,
      sharedFields: r.shared_fields,
      // The partner sees the referral from when it was sent, not the team's draft.
      history: (await this.history(em, r.id)).filter((h) => h.status !== 'udkast'),
      messages: await this.messages(em, r.id),
      version: r.version,
    };
  }
}

/** The line a partner sees for a withdrawn or declined referral: a reference and dates, nothing about the resident. */
function endedView(r: ReferralRow): PartnerReferralEnded {
  return {
    id: r.id,
    access: 'ended',
    status: r.status as PartnerReferralEnded['status'],
    reference: r.id.slice(0, 8),
    sentAt: iso(r.sent_at),
    endedAt: (r.closed_at as Date).toISOString(),
  };
}

function cleanNotes(notes: CategoryNotes | undefined): CategoryNotes {
  const out: CategoryNotes = {};
  for (const [k, v] of Object.entries(notes ?? {})) if (v && v.trim()) out[k as DataCategory] = v.trim();
  return out;
}
