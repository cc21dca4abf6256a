import {
  AvoidedEvictionRule,
  Cell,
  EVICTION_STAGES,
  EvictionOutcome,
  ReportAudience,
  ReportResult,
  stageIndex,
  StageReached,
  SUPPRESSED,
  SUPPRESSION_THRESHOLD,
} from '@bofast/contracts';
import { EntityManager } from 'typeorm';

/** What a report is computed over. Everything is an SQL aggregate over these filters. */
export interface ReportScope {
  from: string;
  to: string;
  teamIds: string[];
  /** Limit to these afdelinger (afdeling or boligorganisation scope); null = the teams' whole work. */
  afdelingIds: string[] | null;
  /** Limit to one worker's own work ("mine tal"). */
  ownerId: string | null;
}

export interface ReportParameters {
  costBoligorganisation: number;
  costKommune: number;
  audience: ReportAudience;
}

type Num = number;

const STAGE_REACHED: StageReached[] = ['paakrav', 'ophaevelse', 'fogedret'];

/** Counts 1–4 become "<5" for reports that leave the team. Zero stays zero (nothing to protect). */
export function suppressor(audience: ReportAudience) {
  return (n: Num): Cell => (audience === 'ekstern' && n > 0 && n < SUPPRESSION_THRESHOLD ? SUPPRESSED : n);
}

/**
 * Every query gets the same seven filter parameters; one that a query does not use would have no
 * type, so an unused CTE declares them all.
 */
const TYPES = `_types AS (SELECT $1::uuid[] AS teams, $2::uuid[] AS afd, $3::uuid AS owner, $4::timestamptz AS lo,
    $5::timestamptz AS hi, $6::date AS d_from, $7::date AS d_to)`;
function typed(sql: string): string {
  const trimmed = sql.trimStart();
  return /^WITH\s/i.test(trimmed) ? `WITH ${TYPES}, ${trimmed.slice(5)}` : `WITH ${TYPES} ${trimmed}`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;

/**
 * Computes every indicator of a report in a handful of aggregate queries (no loops over entities).
 * The avoided-eviction rule comes from its versioned definition.
 */
export async function computeReport(
  em: EntityManager,
  scope: ReportScope,
  rule: AvoidedEvictionRule,
  params: ReportParameters,
): Promise<ReportResult> {
  const cell = suppressor(params.audience);
  const [{ lo, hi }] = await em.query(
    `SELECT ($1::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS lo,
            (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS hi`,
    [scope.from, scope.to],
  );
  const involvedStages = EVICTION_STAGES.filter((s) => stageIndex(s) >= stageIndex(rule.involvedMinStage));
  // Shared filters: $1 teams, $2 afdelinger (or null), $3 owner (or null), $4 lo, $5 hi, $6 from, $7 to.
  const base = [scope.teamIds, scope.afdelingIds, scope.ownerId, lo, hi, scope.from, scope.to];
  const sagScope = (s: string, owner = `${s}.responsible_id`) => `${s}.team_id = ANY($1::uuid[])
      AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM lejemaal sl WHERE sl.id = ${s}.lejemaal_id AND sl.afdeling_id = ANY($2::uuid[])))
      AND ($3::uuid IS NULL OR ${owner} = $3::uuid)`;

  // ---- udsættelsessager ----
  const evictionCte = `
    WITH ev AS (
      SELECT e.id, e.lejemaal_id, e.status, e.outcome, e.approved_by, e.decided_at, e.sustained_due,
             e.sustained_checked_at, e.sustained_still_resident,
             (SELECT min(s.stage_date) FROM eviction_stage s WHERE s.eviction_case_id = e.id AND s.stage = ANY($8::text[])) AS involved_on,
             (SELECT max(CASE WHEN s.stage = 'paakrav' THEN 1 WHEN s.stage = 'ophaevelse' THEN 2 ELSE 3 END)
                FROM eviction_stage s WHERE s.eviction_case_id = e.id
                 AND s.stage IN ('paakrav','ophaevelse','begaering_indgivet','retsmoede','udsaettelse_berammet')) AS reached
        FROM eviction_case e JOIN lejemaal l ON l.id = e.lejemaal_id
       WHERE e.team_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR l.afdeling_id = ANY($2::uuid[]))
         AND ($3::uuid IS NULL OR e.responsible_id = $3::uuid)
    ),
    inv AS (
      SELECT ev.*,
             (ev.status = 'afsluttet' AND ev.decided_at >= $4 AND ev.decided_at < $5) AS decided_in_period,
             (ev.status = 'afsluttet' AND ev.outcome = ANY($9::text[]) AND (NOT $10::boolean OR ev.approved_by IS NOT NULL)
               AND ev.decided_at >= $4 AND ev.decided_at < $5) AS avoided
        FROM ev
       WHERE ev.involved_on IS NOT NULL AND ev.involved_on <= $7::date
         AND (ev.decided_at IS NULL OR ev.decided_at >= $4)
    )`;
  const evParams = [...base, involvedStages, rule.avoidedOutcomes, rule.requireApproval];
  const [ev] = await em.query(
    typed(`${evictionCte}
     SELECT count(*) AS involved, count(*) FILTER (WHERE avoided) AS avoided,
            count(DISTINCT lejemaal_id) AS households,
            count(*) FILTER (WHERE reached >= 1) AS f_paakrav, count(*) FILTER (WHERE reached >= 2) AS f_ophaevelse,
            count(*) FILTER (WHERE reached >= 3) AS f_fogedret, count(*) FILTER (WHERE decided_in_period) AS f_outcome,
            count(*) FILTER (WHERE status = 'afventer_godkendelse') AS pending,
            count(*) FILTER (WHERE avoided AND sustained_due <= now()) AS s_due,
            count(*) FILTER (WHERE avoided AND sustained_checked_at IS NOT NULL) AS s_checked,
            count(*) FILTER (WHERE avoided AND sustained_still_resident) AS s_resident
       FROM inv`),
    evParams,
  );
  const stageRows: {
    reached: number | null;
    outcome: string | null;
    involved: string;
    avoided: string;
    decided: string;
  }[] = await em.query(
    typed(`${evictionCte}
       SELECT reached, CASE WHEN decided_in_period THEN outcome END AS outcome,
              count(*) AS involved, count(*) FILTER (WHERE avoided) AS avoided, count(*) FILTER (WHERE decided_in_period) AS decided
         FROM inv GROUP BY 1, 2`),
    evParams,
  );
  const byStage = STAGE_REACHED.map((stage, i) => {
    const rows = stageRows.filter((r) => num(r.reached) === i + 1);
    const outcomes: Partial<Record<EvictionOutcome, Cell>> = {};
    for (const r of rows) if (r.outcome) outcomes[r.outcome as EvictionOutcome] = cell(num(r.decided));
    return {
      stage,
      involved: cell(rows.reduce((a, r) => a + num(r.involved), 0)),
      avoided: cell(rows.reduce((a, r) => a + num(r.avoided), 0)),
      outcomes,
    };
  });
  const involved = num(ev.involved);
  const avoided = num(ev.avoided);
  const involvedCell = cell(involved);
  const avoidedCell = cell(avoided);

  // ---- restance ----
  const restanceAfdelinger = `r.afdeling_id IN (SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY($1::uuid[]))
      AND ($2::uuid[] IS NULL OR r.afdeling_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR r.assignee_id = $3::uuid)`;
  const lists = await em.query(
    typed(`SELECT to_char(i.list_date, 'YYYY-MM-DD') AS list_date, b.name AS bo,
            count(*) FILTER (WHERE r.change <> 'afviklet') AS rows, sum(r.amount) FILTER (WHERE r.change <> 'afviklet') AS amount,
            count(*) FILTER (WHERE r.change = 'ny') AS new, count(*) FILTER (WHERE r.change = 'steget') AS risen,
            count(*) FILTER (WHERE r.change = 'faldet') AS fallen, count(*) FILTER (WHERE r.change = 'uaendret') AS unchanged,
            count(*) FILTER (WHERE r.change = 'afviklet') AS cleared
       FROM restance_import i JOIN restance_row r ON r.import_id = i.id AND r.accepted
       JOIN boligorganisation b ON b.id = i.boligorganisation_id
      WHERE i.status = 'committed' AND i.list_date BETWEEN $6::date AND $7::date AND ${restanceAfdelinger}
      GROUP BY i.id, i.list_date, b.name ORDER BY i.list_date, b.name`),
    base,
  );
  const [firstContact] = await em.query(
    typed(`SELECT count(*) AS rows,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ((r.first_contact_at AT TIME ZONE 'Europe/Copenhagen')::date - r.list_date)) AS median
       FROM restance_import i JOIN restance_row r ON r.import_id = i.id AND r.accepted
      WHERE i.status = 'committed' AND i.list_date BETWEEN $6::date AND $7::date AND r.first_contact_at IS NOT NULL
        AND ${restanceAfdelinger}`),
    base,
  );
  const [agreements] = await em.query(
    typed(`SELECT count(*) FILTER (WHERE a.status IN ('aftalt','overholdes')) AS running,
            count(*) FILTER (WHERE a.status IN ('overholdes','indfriet')) AS kept,
            count(*) FILTER (WHERE a.status = 'misligholdt') AS broken
       FROM payment_agreement a JOIN sag s ON s.id = a.sag_id
      WHERE a.created_at < $5 AND ${sagScope('s')}`),
    base,
  );

  // ---- referrals ----
  const partners = await em.query(
    typed(`SELECT po.name AS partner, count(*) AS sent,
            count(*) FILTER (WHERE r.status IN ('accepteret','forloeb_i_gang','afsluttet')) AS accepted,
            count(*) FILTER (WHERE r.status = 'afvist') AS declined, count(*) FILTER (WHERE r.status = 'afsluttet') AS completed,
            count(*) FILTER (WHERE r.status = 'udeblevet') AS no_show, count(*) FILTER (WHERE r.status = 'trukket_tilbage') AS withdrawn,
            count(*) FILTER (WHERE r.status IN ('sendt','modtaget','venteliste','accepteret','forloeb_i_gang')) AS open,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (
              (SELECT min(x.at) FROM referral_event x WHERE x.referral_id = r.id AND x.side = 'partner') - r.sent_at)) / 86400) AS median_days
       FROM referral r JOIN sag s ON s.id = r.sag_id JOIN partner_organisation po ON po.id = r.partner_organisation_id
      WHERE r.sent_at >= $4 AND r.sent_at < $5 AND ${sagScope('s')}
      GROUP BY po.name ORDER BY count(*) DESC, po.name`),
    base,
  );
  const [underretninger] = await em.query(
    typed(`SELECT count(*) AS n FROM referral r JOIN sag s ON s.id = r.sag_id
      WHERE r.underretning AND r.sent_at >= $4 AND r.sent_at < $5 AND ${sagScope('s')}`),
    base,
  );

  // ---- visits and contact attempts ----
  const visits: { status: string; location_type: string; n: string }[] = await em.query(
    typed(`SELECT v.status, v.location_type, count(*) AS n FROM visit v JOIN sag s ON s.id = v.sag_id
      WHERE coalesce(v.occurred_at, v.planned_at) >= $4 AND coalesce(v.occurred_at, v.planned_at) < $5
        AND ${sagScope('s', 'v.author_id')}
      GROUP BY 1, 2`),
    base,
  );
  const contactScope = `ca.occurred_at >= $4 AND ca.occurred_at < $5 AND ($3::uuid IS NULL OR ca.author_id = $3::uuid) AND (
      EXISTS (SELECT 1 FROM sag s WHERE s.id = ca.sag_id AND ${sagScope('s', '$3::uuid')})
      OR EXISTS (SELECT 1 FROM signal g WHERE g.id = ca.signal_id AND g.team_id = ANY($1::uuid[])
                  AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM lejemaal gl WHERE gl.id = g.lejemaal_id AND gl.afdeling_id = ANY($2::uuid[])))))`;
  const attempts: { outcome: string; n: string }[] = await em.query(
    typed(`SELECT ca.outcome, count(*) AS n FROM contact_attempt ca WHERE ${contactScope} GROUP BY 1`),
    base,
  );

  // ---- cases and people ----
  const opened = await em.query(
    typed(`SELECT s.type, count(*) AS n FROM sag s WHERE s.opened_at >= $4 AND s.opened_at < $5 AND ${sagScope('s')}
      GROUP BY 1 ORDER BY 2 DESC, 1`),
    base,
  );
  const closed = await em.query(
    typed(`SELECT s.type, s.closure_reason AS reason, count(*) AS n FROM sag s
      WHERE s.closed_at >= $4 AND s.closed_at < $5 AND ${sagScope('s')} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`),
    base,
  );
  const [people] = await em.query(
    typed(`WITH active AS (
       SELECT s.id, s.person_id, coalesce(s.household_id::text, 'l:' || s.lejemaal_id::text, 'p:' || s.person_id::text) AS household
         FROM sag s WHERE s.opened_at < $5 AND (s.closed_at IS NULL OR s.closed_at >= $4) AND ${sagScope('s')}
     ),
     touched AS (
       SELECT s.person_id, coalesce(s.household_id::text, 'l:' || s.lejemaal_id::text, 'p:' || s.person_id::text) AS household
         FROM visit v JOIN sag s ON s.id = v.sag_id
        WHERE v.occurred_at >= $4 AND v.occurred_at < $5 AND ${sagScope('s', 'v.author_id')}
       UNION ALL
       SELECT coalesce(s.person_id, g.person_id), coalesce(s.household_id::text, 'l:' || coalesce(s.lejemaal_id, g.lejemaal_id)::text,
              'p:' || coalesce(s.person_id, g.person_id)::text)
         FROM contact_attempt ca LEFT JOIN sag s ON s.id = ca.sag_id LEFT JOIN signal g ON g.id = ca.signal_id
        WHERE ${contactScope}
     )
     SELECT (SELECT count(DISTINCT person_id) FROM (SELECT person_id FROM active UNION SELECT person_id FROM touched) x
              WHERE person_id IS NOT NULL) AS persons,
            (SELECT count(DISTINCT household) FROM (SELECT household FROM active UNION SELECT household FROM touched) y
              WHERE household IS NOT NULL) AS households,
            (SELECT count(*) FROM active) AS episodes`),
    base,
  );
  const visitsHeld = visits.filter((v) => !['planlagt', 'aflyst'].includes(v.status)).reduce((a, v) => a + num(v.n), 0);
  const attemptsTotal = attempts.reduce((a, r) => a + num(r.n), 0);

  // ---- trend per month ----
  const trend = await em.query(
    typed(`${evictionCte},
     months AS (SELECT generate_series(date_trunc('month', $6::date), date_trunc('month', $7::date), interval '1 month')::date AS m)
     SELECT to_char(m, 'YYYY-MM') AS month,
            (SELECT count(*) FROM sag s WHERE (s.opened_at AT TIME ZONE 'Europe/Copenhagen') >= m
               AND (s.opened_at AT TIME ZONE 'Europe/Copenhagen') < m + interval '1 month'
               AND s.opened_at >= $4 AND s.opened_at < $5 AND ${sagScope('s')}) AS cases_opened,
            (SELECT count(*) FROM contact_attempt ca WHERE (ca.occurred_at AT TIME ZONE 'Europe/Copenhagen') >= m
               AND (ca.occurred_at AT TIME ZONE 'Europe/Copenhagen') < m + interval '1 month' AND ${contactScope})
            + (SELECT count(*) FROM visit v JOIN sag s ON s.id = v.sag_id WHERE v.status NOT IN ('planlagt','aflyst')
               AND (v.occurred_at AT TIME ZONE 'Europe/Copenhagen') >= m AND (v.occurred_at AT TIME ZONE 'Europe/Copenhagen') < m + interval '1 month'
               AND v.occurred_at >= $4 AND v.occurred_at < $5 AND ${sagScope('s', 'v.author_id')}) AS contacts,
            (SELECT count(*) FROM inv WHERE date_trunc('month', greatest(inv.involved_on, $6::date)) = m) AS involved,
            (SELECT count(*) FROM inv WHERE inv.avoided AND (inv.decided_at AT TIME ZONE 'Europe/Copenhagen') >= m
               AND (inv.decided_at AT TIME ZONE 'Europe/Copenhagen') < m + interval '1 month') AS avoided
       FROM months ORDER BY m`),
    evParams,
  );

  const bo = params.costBoligorganisation;
  const kommune = params.costKommune;
  const estimateKnown = avoidedCell !== SUPPRESSED;
  return {
    evictions: {
      involved: involvedCell,
      avoided: avoidedCell,
      avoidedShare:
        involvedCell === SUPPRESSED || avoidedCell === SUPPRESSED || involved === 0
          ? null
          : Math.round((avoided / involved) * 1000) / 1000,
      households: cell(num(ev.households)),
      byStage,
      funnel: {
        paakrav: cell(num(ev.f_paakrav)),
        ophaevelse: cell(num(ev.f_ophaevelse)),
        fogedret: cell(num(ev.f_fogedret)),
        outcome: cell(num(ev.f_outcome)),
      },
      sustained: {
        due: cell(num(ev.s_due)),
        checked: cell(num(ev.s_checked)),
        stillResident: cell(num(ev.s_resident)),
      },
      pendingApproval: cell(num(ev.pending)),
    },
    estimate: {
      avoided: avoidedCell,
      costBoligorganisation: bo,
      costKommune: kommune,
      low: estimateKnown ? avoided * bo : null,
      high: estimateKnown ? avoided * (bo + kommune) : null,
      assumptions: [
        `En udsættelse koster boligorganisationen i gennemsnit ${bo.toLocaleString('da-DK')} kr.`,
        `For kommunen kan en udsættelse koste op til ${kommune.toLocaleString('da-DK')} kr. for en større familie; det høje skøn bruger dette beløb for hver undgået udsættelse.`,
        `Antal undgåede udsættelser efter definitionen "undgået udsættelse" (godkendt af en teamleder${rule.requireApproval ? '' : ' – ikke krævet i denne version'}).`,
      ],
      caveat:
        'Skønnet er ikke en effektmåling: andre indsatser og forhold kan også forklare, at udsættelser blev undgået.',
    },
    restance: {
      lists: lists.map((l: Record<string, string>) => {
        const rows = cell(num(l['rows']));
        return {
          listDate: l['list_date'],
          boligorganisation: l['bo'],
          rows,
          amount: rows === SUPPRESSED ? null : Math.round(num(l['amount']) * 100) / 100,
          new: cell(num(l['new'])),
          risen: cell(num(l['risen'])),
          fallen: cell(num(l['fallen'])),
          unchanged: cell(num(l['unchanged'])),
          cleared: cell(num(l['cleared'])),
        };
      }),
      firstContact: {
        rows: cell(num(firstContact.rows)),
        medianDays: cell(num(firstContact.rows)) === SUPPRESSED ? null : numOrNull(firstContact.median),
      },
      agreements: {
        running: cell(num(agreements.running)),
        kept: cell(num(agreements.kept)),
        broken: cell(num(agreements.broken)),
      },
    },
    referrals: {
      byPartner: partners.map((p: Record<string, string>) => ({
        partner: p['partner'],
        sent: cell(num(p['sent'])),
        accepted: cell(num(p['accepted'])),
        declined: cell(num(p['declined'])),
        completed: cell(num(p['completed'])),
        noShow: cell(num(p['no_show'])),
        withdrawn: cell(num(p['withdrawn'])),
        open: cell(num(p['open'])),
        medianResponseDays: cell(num(p['sent'])) === SUPPRESSED ? null : numOrNull(p['median_days']),
      })),
      underretninger: cell(num(underretninger.n)),
    },
    contacts: {
      visits: cell(visitsHeld),
      visitsByStatus: group(visits, 'status', cell),
      visitsByLocation: group(
        visits.filter((v) => !['planlagt', 'aflyst'].includes(v.status)),
        'location_type',
        cell,
      ),
      contactAttempts: cell(attemptsTotal),
      contactAttemptsByOutcome: group(attempts, 'outcome', cell),
    },
    cases: {
      opened: opened.map((o: Record<string, string>) => ({ type: o['type'], count: cell(num(o['n'])) })),
      closed: closed.map((c: Record<string, string>) => ({
        type: c['type'],
        reason: c['reason'],
        count: cell(num(c['n'])),
      })),
    },
    people: {
      uniquePersons: cell(num(people.persons)),
      uniqueHouseholds: cell(num(people.households)),
      contacts: cell(visitsHeld + attemptsTotal),
      episodes: cell(num(people.episodes)),
    },
    trend: trend.map((t: Record<string, string>) => ({
      month: t['month'],
      casesOpened: cell(num(t['cases_opened'])),
      contacts: cell(num(t['contacts'])),
      involved: cell(num(t['involved'])),
      avoided: cell(num(t['avoided'])),
    })),
  };
}

function group<T extends Record<string, unknown>>(rows: T[], key: keyof T, cell: (n: number) => Cell) {
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r[key])] = (out[String(r[key])] ?? 0) + num(r['n' as keyof T]);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, cell(v)]));
}

/** The involved (or avoided) udsættelsessager behind the count, for drill-down. */
export async function evictionRows(
  em: EntityManager,
  scope: ReportScope,
  rule: AvoidedEvictionRule,
  indicator: 'involved' | 'avoided',
): Promise<Record<string, unknown>[]> {
  const involvedStages = EVICTION_STAGES.filter((s) => stageIndex(s) >= stageIndex(rule.involvedMinStage));
  const [{ lo, hi }] = await em.query(
    `SELECT ($1::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS lo,
            (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS hi`,
    [scope.from, scope.to],
  );
  return em.query(
    typed(`SELECT e.id, l.address, a.afdelingsnummer || ' ' || a.name AS afdeling, e.status, e.outcome, e.decided_at,
            (SELECT array_agg(x.sag_id) FROM eviction_case_sag x WHERE x.eviction_case_id = e.id) AS case_ids,
            (SELECT s.stage FROM eviction_stage s WHERE s.eviction_case_id = e.id
              ORDER BY array_position($8::text[], s.stage) DESC LIMIT 1) AS current_stage
       FROM eviction_case e JOIN lejemaal l ON l.id = e.lejemaal_id JOIN afdeling a ON a.id = l.afdeling_id
      WHERE e.team_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR l.afdeling_id = ANY($2::uuid[]))
        AND ($3::uuid IS NULL OR e.responsible_id = $3::uuid)
        AND EXISTS (SELECT 1 FROM eviction_stage s WHERE s.eviction_case_id = e.id AND s.stage = ANY($9::text[]) AND s.stage_date <= $7::date)
        AND (e.decided_at IS NULL OR e.decided_at >= $4)
        AND (NOT $10::boolean OR (e.status = 'afsluttet' AND e.outcome = ANY($11::text[])
             AND (NOT $12::boolean OR e.approved_by IS NOT NULL) AND e.decided_at >= $4 AND e.decided_at < $5))
      ORDER BY l.address LIMIT 1000`),
    [
      scope.teamIds,
      scope.afdelingIds,
      scope.ownerId,
      lo,
      hi,
      scope.from,
      scope.to,
      [...EVICTION_STAGES],
      involvedStages,
      indicator === 'avoided',
      rule.avoidedOutcomes,
      rule.requireApproval,
    ],
  );
}
