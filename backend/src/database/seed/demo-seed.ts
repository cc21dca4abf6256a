import * as argon2 from 'argon2';
import { Role } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { dataSourceOptions } from '../data-source';

/** Today in Denmark, in SQL: the demo's dates are Danish days whatever the server's time zone (the app counts days left the same way). */
const DANISH_TODAY = `(now() AT TIME ZONE 'Europe/Copenhagen')::date`;

/** Printed at start and written in README.md. Demo only: the seed runs on the embedded database or with SEED_DEMO_DATA=true. */
export const DEMO_PASSWORD = 'Bofast-demo-2026';

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role; email: string }> = [
  {
    username: 'vicevaert',
    displayName: 'Mette Larsen',
    role: Role.SocialVicevaert,
    email: 'mette.larsen@fjordly.example',
  },
  {
    username: 'beboerraadgiver',
    displayName: 'Ahmad Hassan',
    role: Role.Beboerraadgiver,
    email: 'ahmad.hassan@fjordly.example',
  },
  {
    username: 'oekonomi',
    displayName: 'Louise Nielsen',
    role: Role.OekonomiskRaadgiver,
    email: 'louise.nielsen@fjordly.example',
  },
  { username: 'teamleder', displayName: 'Peter Holm', role: Role.Teamleder, email: 'peter.holm@fjordly.example' },
  {
    username: 'partner',
    displayName: 'Camilla Berg',
    role: Role.KommunalPartner,
    email: 'camilla.berg@fjordby.example',
  },
  {
    username: 'boligorg',
    displayName: 'Jens Madsen',
    role: Role.Boligorganisation,
    email: 'jens.madsen@fjordly.example',
  },
  { username: 'admin', displayName: 'Systemadministrator', role: Role.Admin, email: 'it@fjordly.example' },
  { username: 'dpo', displayName: 'Dorthe Poulsen', role: Role.Dpo, email: 'dpo@fjordly.example' },
];

const BOLIGORGANISATION = { name: 'Boligselskabet Fjordly', cvr: '12345678' };
const AFDELINGER = [
  { afdelingsnummer: '12', name: 'Engparken' },
  { afdelingsnummer: '14', name: 'Skovhaven' },
];
const TEAM = { name: 'Boligsocialt team Engparken og Skovhaven', description: 'Helhedsplanens team for afd. 12 og 14' };
const PARTNERS = [
  { name: 'Jobcenter Fjordby', type: 'jobcenter' },
  { name: 'Socialcenter Fjordby', type: 'socialcenter' },
  { name: 'Borgerservice Fjordby', type: 'borgerservice' },
  { name: 'Gældsrådgivningen Fjordby', type: 'gaeldsraadgivning' },
];

/**
 * Seeds the fictional demo world once. Idempotent: every row is keyed by a natural key and inserted
 * with ON CONFLICT DO NOTHING, in one transaction. Returns false when the world was already there.
 */
export async function seedDemoData(databaseUrl: string): Promise<boolean> {
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const hash = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    return await ds.transaction(async (em) => {
      const existing = await em.query(`SELECT 1 FROM app_user WHERE username = 'admin'`);
      if (existing.length) {
        await linkLandlordUser(em);
        const work = await seedCaseWork(em);
        const directory = await seedPartnerDirectory(em);
        const evictions = await seedEvictions(em);
        return (await seedVisitsAndReferrals(em)) || evictions || directory || work;
      }
      const [bo] = await em.query(
        `INSERT INTO boligorganisation (name, cvr) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [BOLIGORGANISATION.name, BOLIGORGANISATION.cvr],
      );
      const afdelingIds: string[] = [];
      for (const a of AFDELINGER) {
        const [row] = await em.query(
          `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, $2, $3)
           ON CONFLICT (boligorganisation_id, afdelingsnummer) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [bo.id, a.afdelingsnummer, a.name],
        );
        afdelingIds.push(row.id);
      }
      const [team] = await em.query(
        `INSERT INTO team (name, description) VALUES ($1, $2)
         ON CONFLICT ((lower(name))) DO UPDATE SET description = EXCLUDED.description RETURNING id`,
        [TEAM.name, TEAM.description],
      );
      await em.query(
        `INSERT INTO team_afdeling (team_id, afdeling_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [team.id, afdelingIds],
      );
      const partnerIds: string[] = [];
      for (const p of PARTNERS) {
        const [row] = await em.query(
          `INSERT INTO partner_organisation (name, type, kommune) VALUES ($1, $2, 'Fjordby Kommune')
           ON CONFLICT (kommune, name) DO UPDATE SET type = EXCLUDED.type RETURNING id`,
          [p.name, p.type],
        );
        partnerIds.push(row.id);
      }
      for (const u of DEMO_USERS) {
        const partnerId = u.role === Role.KommunalPartner ? partnerIds[0] : null;
        const [row] = await em.query(
          `INSERT INTO app_user (username, display_name, email, role, password_hash, partner_organisation_id, activated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (username) DO UPDATE SET display_name = app_user.display_name RETURNING id`,
          [u.username, u.displayName, u.email, u.role, hash, partnerId],
        );
        if (
          [Role.SocialVicevaert, Role.Beboerraadgiver, Role.OekonomiskRaadgiver, Role.Teamleder].includes(
            u.role as never,
          )
        ) {
          await em.query(`INSERT INTO user_team (user_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            row.id,
            team.id,
          ]);
        }
      }
      await linkLandlordUser(em);
      await seedCaseWork(em);
      await seedPartnerDirectory(em);
      await seedEvictions(em);
      await seedVisitsAndReferrals(em);
      return true;
    });
  } finally {
    await ds.destroy();
  }
}

/** The demo boligorganisation user uploads Fjordly's lists. */
async function linkLandlordUser(em: EntityManager): Promise<void> {
  await em.query(
    `UPDATE app_user SET boligorganisation_id = (SELECT id FROM boligorganisation WHERE name = $1)
      WHERE role = 'boligorganisation' AND boligorganisation_id IS NULL`,
    [BOLIGORGANISATION.name],
  );
}

const TENANCIES = [
  { afd: '12', nummer: '12-0103', address: 'Engparken 3, 1. th., 6700 Fjordby', moveIn: '2019-08-01' },
  { afd: '12', nummer: '12-0501', address: 'Engparken 5, st. tv., 6700 Fjordby', moveIn: '2024-02-01' },
  { afd: '12', nummer: '12-0702', address: 'Engparken 7, 2. tv., 6700 Fjordby', moveIn: '2011-05-01' },
  { afd: '14', nummer: '14-0203', address: 'Skovhaven 2, 3. th., 6700 Fjordby', moveIn: '2026-09-01' },
  { afd: '14', nummer: '14-0801', address: 'Skovhaven 8, 1. mf., 6700 Fjordby', moveIn: '2016-03-01' },
];

/**
 * The fictional case work of the demo: tenancies, households, an open neighbour signal and two cases
 * with timelines, a handleplan and a consent. Runs once (when there are no tenancies yet).
 */
async function seedCaseWork(em: EntityManager): Promise<boolean> {
  if ((await em.query(`SELECT 1 FROM lejemaal LIMIT 1`)).length) return false;
  const [team] = await em.query(`SELECT id FROM team WHERE lower(name) = lower($1)`, [TEAM.name]);
  const users: Record<string, string> = Object.fromEntries(
    (await em.query(`SELECT username, id FROM app_user`)).map((u: { username: string; id: string }) => [
      u.username,
      u.id,
    ]),
  );
  const lejemaal: Record<string, string> = {};
  for (const t of TENANCIES) {
    const [row] = await em.query(
      `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer, move_in_date)
       SELECT a.id, $2, $3, $4 FROM afdeling a WHERE a.afdelingsnummer = $1 RETURNING id`,
      [t.afd, t.address, t.nummer, t.moveIn],
    );
    lejemaal[t.nummer] = row.id;
  }
  const person = async (
    name: string,
    extra: { birthYear?: number; phone?: string; language?: string; interpreter?: boolean; oral?: boolean } = {},
  ) => {
    const [row] = await em.query(
      `INSERT INTO person (team_id, name, birth_year, phone, preferred_language, interpreter_needed, communication_preference, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        team.id,
        name,
        extra.birthYear ?? null,
        extra.phone ?? null,
        extra.language ?? null,
        extra.interpreter ?? false,
        extra.oral ? 'mundtlig' : null,
        users['vicevaert'],
      ],
    );
    return row.id as string;
  };
  const household = async (nummer: string, members: Array<[string, string]>) => {
    const [h] = await em.query(`INSERT INTO household (lejemaal_id) VALUES ($1) RETURNING id`, [lejemaal[nummer]]);
    for (const [personId, relation] of members) {
      await em.query(`INSERT INTO household_member (household_id, person_id, relation) VALUES ($1, $2, $3)`, [
        h.id,
        personId,
        relation,
      ]);
    }
    return h.id as string;
  };
  const fatima = await person('Fatima Ali', {
    birthYear: 1988,
    phone: '+45 20 11 22 33',
    language: 'somali',
    interpreter: true,
    oral: true,
  });
  const omar = await person('Omar Ali', { birthYear: 2015 });
  const lina = await person('Lina Ali', { birthYear: 2019 });
  const henrik = await person('Henrik Sørensen', { birthYear: 1961, phone: '+45 30 44 55 66' });
  const hhFatima = await household('12-0103', [
    [fatima, 'lejer'],
    [omar, 'barn'],
    [lina, 'barn'],
  ]);
  const hhHenrik = await household('14-0801', [[henrik, 'lejer']]);

  const [signal] = await em.query(
    `INSERT INTO signal (team_id, source, description, lejemaal_id, assignee_id, received_at, created_by)
     VALUES ($1, 'nabo', 'Nabo bekymret: har ikke set beboeren i to uger, post hober sig op.', $2, $3, now() - interval '2 days', $3) RETURNING id, received_at`,
    [team.id, lejemaal['12-0501'], users['vicevaert']],
  );
  await em.query(
    `INSERT INTO timeline_event (signal_id, type, occurred_at, author_id, text, data) VALUES ($1, 'signal_received', $2, $3, $4, '{"source":"nabo"}')`,
    [
      signal.id,
      signal.received_at,
      users['vicevaert'],
      'Nabo bekymret: har ikke set beboeren i to uger, post hober sig op.',
    ],
  );

  const newCase = async (c: {
    person: string;
    household: string;
    lejemaal: string;
    type: string;
    status: string;
    responsible: string;
    daysAgo: number;
  }) => {
    const [{ n }] = await em.query(`SELECT nextval('sag_number_seq') AS n`);
    const [row] = await em.query(
      `INSERT INTO sag (case_number, type, status, person_id, household_id, lejemaal_id, team_id, responsible_id, opened_at, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9), $10) RETURNING id`,
      [
        `S-${new Date().getFullYear()}-${String(n).padStart(5, '0')}`,
        c.type,
        c.status,
        c.person,
        c.household,
        c.lejemaal,
        team.id,
        c.responsible,
        c.daysAgo,
        c.type === 'oekonomi_restance' ? ['gaeld', 'jobtab'] : ['ensomhed'],
      ],
    );
    return row.id as string;
  };
  const event = (
    caseId: string,
    type: string,
    daysAgo: number,
    author: string,
    text: string | null,
    data: object = {},
  ) =>
    em.query(
      `INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, text, data) VALUES ($1, $2, now() - make_interval(days => $3), $4, $5, $6)`,
      [caseId, type, daysAgo, author, text, JSON.stringify(data)],
    );

  const economy = await newCase({
    person: fatima,
    household: hhFatima,
    lejemaal: lejemaal['12-0103'],
    type: 'oekonomi_restance',
    status: 'handleplan_aktiv',
    responsible: users['oekonomi'],
    daysAgo: 21,
  });
  await em.query(`INSERT INTO sag_coworker (sag_id, user_id) VALUES ($1, $2)`, [economy, users['vicevaert']]);
  await event(economy, 'case_opened', 21, users['oekonomi'], null, { type: 'oekonomi_restance' });
  await event(economy, 'contact_attempt', 20, users['vicevaert'], null, {
    channel: 'doerbank',
    outcome: 'ikke_hjemme',
  });
  await event(economy, 'contact_attempt', 19, users['vicevaert'], null, {
    channel: 'doerbank',
    outcome: 'kontakt_etableret',
  });
  await event(
    economy,
    'note',
    19,
    users['vicevaert'],
    'Hjemmebesøg med tolk. Fatima har mistet sit job og er bagud med to måneders husleje. Hun vil gerne have hjælp.',
  );
  await event(economy, 'status_change', 18, users['oekonomi'], null, { from: 'oprettet', to: 'aktiv' });
  const [goal] = await em.query(
    `INSERT INTO handleplan_goal (sag_id, text, created_by, created_at) VALUES ($1, $2, $3, now() - interval '14 days') RETURNING id`,
    [economy, '"Jeg vil have styr på huslejen, så børnene kan blive boende."', users['oekonomi']],
  );
  await event(
    economy,
    'goal_added',
    14,
    users['oekonomi'],
    '"Jeg vil have styr på huslejen, så børnene kan blive boende."',
    { goalId: goal.id },
  );
  for (const [description, owner, due, status] of [
    ['Søge enkeltydelse til restancen hos kommunen', 'medarbejder', 7, 'i_gang'],
    ['Tage lønsedler og kontoudtog med til næste møde', 'beboer', 3, 'planlagt'],
    ['Samtale om job hos Jobcenter Fjordby', 'partner', 14, 'planlagt'],
  ] as const) {
    await em.query(
      `INSERT INTO handleplan_action (sag_id, goal_id, description, owner, due_date, status, created_by) VALUES ($1, $2, $3, $4, ${DANISH_TODAY} + $5::int, $6, $7)`,
      [economy, goal.id, description, owner, due, status, users['oekonomi']],
    );
    await event(economy, 'action_added', 14, users['oekonomi'], description, { owner });
  }
  await event(economy, 'status_change', 14, users['oekonomi'], null, { from: 'aktiv', to: 'handleplan_aktiv' });
  const [jobcenter] = await em.query(`SELECT id FROM partner_organisation WHERE name = 'Jobcenter Fjordby'`);
  const [consent] = await em.query(
    `INSERT INTO consent (person_id, sag_id, data_categories, purposes, direction, form, witness_name, interpreter_used, given_at, expires_at, created_by)
     VALUES ($1, $2, '{oekonomi,bolig,beskaeftigelse}', '{kontakt_myndighed,videregivelse}', 'begge', 'mundtlig', 'Mette Larsen', true,
             now() - interval '19 days', now() - interval '19 days' + interval '12 months', $3) RETURNING id`,
    [fatima, economy, users['oekonomi']],
  );
  await em.query(`INSERT INTO consent_recipient (consent_id, partner_organisation_id) VALUES ($1, $2)`, [
    consent.id,
    jobcenter.id,
  ]);
  await event(economy, 'consent_given', 19, users['oekonomi'], null, {
    consentId: consent.id,
    recipients: ['Jobcenter Fjordby'],
    dataCategories: ['oekonomi', 'bolig', 'beskaeftigelse'],
    purposes: ['kontakt_myndighed', 'videregivelse'],
    form: 'mundtlig',
  });

  const support = await newCase({
    person: henrik,
    household: hhHenrik,
    lejemaal: lejemaal['14-0801'],
    type: 'social_stoette_brobygning',
    status: 'aktiv',
    responsible: users['vicevaert'],
    daysAgo: 6,
  });
  await event(support, 'case_opened', 6, users['vicevaert'], null, { type: 'social_stoette_brobygning' });
  await event(
    support,
    'note',
    5,
    users['vicevaert'],
    'Mødt i opgangen. Henrik er ensom efter sin kones død og vil gerne med i fællesspisningen.',
  );
  await event(support, 'status_change', 5, users['vicevaert'], null, { from: 'oprettet', to: 'aktiv' });
  return true;
}

/**
 * Two udsættelsessager: Fatima Ali's tenancy after påkrav and ophævelse (move-out deadline in a
 * week), and Engparken 7 at the fogedret with a court meeting in 12 days and no recorded kommune
 * notification (flagged). Dates are relative to the day of seeding. Runs once.
 */
async function seedEvictions(em: EntityManager): Promise<boolean> {
  if ((await em.query(`SELECT 1 FROM eviction_case LIMIT 1`)).length) return false;
  const [economy] = await em.query(
    `SELECT s.id, s.lejemaal_id, s.team_id, s.responsible_id FROM sag s JOIN person p ON p.id = s.person_id
      WHERE p.name = 'Fatima Ali' AND s.type = 'oekonomi_restance' AND s.lejemaal_id IS NOT NULL LIMIT 1`,
  );
  const [other] = await em.query(`SELECT id FROM lejemaal WHERE lejemaalsnummer = '12-0702'`);
  if (!economy || !other) return false;
  const stage = async (
    evictionId: string,
    caseId: string | null,
    author: string,
    s: { stage: string; days: number; amount?: number; moveOut?: number; time?: string },
  ) => {
    const [row] = await em.query(
      `INSERT INTO eviction_stage (eviction_case_id, stage, stage_date, stage_time, amount, source, move_out_date, recorded_by, recorded_at)
       VALUES ($1, $2, ${DANISH_TODAY} + $3::int, $4::time, $5, 'brev', CASE WHEN $6::int IS NULL THEN NULL ELSE ${DANISH_TODAY} + $6::int END,
               $7, now() - make_interval(days => greatest(-$3::int, 0)))
       RETURNING id, to_char(stage_date, 'YYYY-MM-DD') AS d, to_char(move_out_date, 'YYYY-MM-DD') AS m`,
      [evictionId, s.stage, s.days, s.time ?? null, s.amount ?? null, s.moveOut ?? null, author],
    );
    if (!caseId) return;
    await em.query(
      `INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, data)
       VALUES ($1, 'eviction_stage', now() - make_interval(days => greatest(-$2::int, 0)), $3, $4)`,
      [
        caseId,
        s.days,
        author,
        JSON.stringify({
          evictionId,
          stageEntryId: row.id,
          stage: s.stage,
          date: row.d,
          amount: s.amount ?? null,
          source: 'brev',
          moveOutDate: row.m,
          outOfOrder: false,
        }),
      ],
    );
  };
  const [fatima] = await em.query(
    `INSERT INTO eviction_case (lejemaal_id, team_id, ground, responsible_id, created_by, created_at)
     VALUES ($1, $2, 'restance', $3, $3, now() - interval '30 days') RETURNING id`,
    [economy.lejemaal_id, economy.team_id, economy.responsible_id],
  );
  await em.query(
    `INSERT INTO eviction_case_sag (eviction_case_id, sag_id, linked_by, linked_at) VALUES ($1, $2, $3, now() - interval '30 days')`,
    [fatima.id, economy.id, economy.responsible_id],
  );
  await em.query(
    `INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, data) VALUES ($1, 'eviction_linked', now() - interval '30 days', $2, $3)`,
    [economy.id, economy.responsible_id, JSON.stringify({ evictionId: fatima.id })],
  );
  await stage(fatima.id, economy.id, economy.responsible_id, { stage: 'paakrav', days: -30, amount: 14200 });
  await stage(fatima.id, economy.id, economy.responsible_id, {
    stage: 'ophaevelse',
    days: -9,
    amount: 16350,
    moveOut: 7,
  });
  const [court] = await em.query(
    `INSERT INTO eviction_case (lejemaal_id, team_id, ground, responsible_id, created_by, created_at)
     VALUES ($1, $2, 'restance', $3, $3, now() - interval '70 days') RETURNING id`,
    [other.id, economy.team_id, economy.responsible_id],
  );
  for (const s of [
    { stage: 'paakrav', days: -70, amount: 21800 },
    { stage: 'ophaevelse', days: -45, amount: 27250 },
    { stage: 'begaering_indgivet', days: -20, amount: 27250 },
    { stage: 'retsmoede', days: 12, time: '09:30' },
  ])
    await stage(court.id, null, economy.responsible_id, s);
  return true;
}

const DIRECTORY: Array<{
  name: string;
  type: string;
  services: string[];
  contacts: { name: string; role: string; phone: string; email: string }[];
  channels: string[];
  responseDays: number;
}> = [
  {
    name: 'Jobcenter Fjordby',
    type: 'jobcenter',
    services: ['Jobsamtaler', 'Virksomhedspraktik', 'Uddannelsesvejledning', 'Kontanthjælp og dagpenge'],
    contacts: [
      { name: 'Camilla Berg', role: 'Jobkonsulent', phone: '70 10 20 30', email: 'camilla.berg@fjordby.example' },
    ],
    channels: ['portal', 'sikker_mail'],
    responseDays: 7,
  },
  {
    name: 'Socialcenter Fjordby',
    type: 'socialcenter',
    services: ['Enkeltydelser (aktivloven § 81)', 'Boligstøtte', 'Rådgivning ved udsættelse'],
    contacts: [
      { name: 'Jonas Friis', role: 'Socialrådgiver', phone: '70 10 20 40', email: 'jonas.friis@fjordby.example' },
    ],
    channels: ['portal', 'sikker_mail', 'telefon'],
    responseDays: 10,
  },
  {
    name: 'Borgerservice Fjordby',
    type: 'borgerservice',
    services: ['Ydelser', 'Sygesikring', 'NemID/MitID-hjælp'],
    contacts: [
      { name: 'Servicecentret', role: 'Borgerservice', phone: '70 10 20 00', email: 'borgerservice@fjordby.example' },
    ],
    channels: ['telefon', 'sikker_mail'],
    responseDays: 5,
  },
  {
    name: 'Gældsrådgivningen Fjordby',
    type: 'gaeldsraadgivning',
    services: ['Gældsrådgivning', 'Budgetlægning', 'Forhandling med kreditorer'],
    contacts: [{ name: 'Aisha Khan', role: 'Gældsrådgiver', phone: '70 10 20 50', email: 'gaeld@fjordby.example' }],
    channels: ['portal', 'telefon'],
    responseDays: 14,
  },
  {
    name: 'Misbrugscenter Fjordby',
    type: 'misbrugscenter',
    services: ['Anonym rådgivning', 'Alkoholbehandling', 'Stofbehandling'],
    contacts: [{ name: 'Rådgivningen', role: 'Visitation', phone: '70 10 20 60', email: 'misbrug@fjordby.example' }],
    channels: ['telefon', 'sikker_mail'],
    responseDays: 7,
  },
  {
    name: 'Familieafdelingen Fjordby',
    type: 'familieafdeling',
    services: ['Familierådgivning', 'Underretninger om børn'],
    contacts: [{ name: 'Vagttelefonen', role: 'Modtagelse', phone: '70 10 20 70', email: 'familie@fjordby.example' }],
    channels: ['sikker_mail', 'telefon'],
    responseDays: 5,
  },
  {
    name: 'Den Fri Rådgivning',
    type: 'ngo',
    services: ['Gratis social- og juridisk rådgivning'],
    contacts: [
      { name: 'Frivilligkoordinator', role: 'Koordinator', phone: '70 10 20 80', email: 'kontakt@denfri.example' },
    ],
    channels: ['telefon'],
    responseDays: 14,
  },
];

/** The partner directory: services, contacts, channels and response times. Fills only what is empty. */
async function seedPartnerDirectory(em: EntityManager): Promise<boolean> {
  let changed = false;
  for (const p of DIRECTORY) {
    const rows = await em.query(
      `INSERT INTO partner_organisation (name, type, kommune, services, contacts, channels, response_days)
       VALUES ($1, $2, 'Fjordby Kommune', $3, $4, $5, $6)
       ON CONFLICT (kommune, name) DO UPDATE SET services = EXCLUDED.services, contacts = EXCLUDED.contacts,
              channels = EXCLUDED.channels, response_days = EXCLUDED.response_days
        WHERE partner_organisation.services = '{}'
       RETURNING id`,
      [p.name, p.type, p.services, JSON.stringify(p.contacts), p.channels, p.responseDays],
    );
    changed ||= rows.length > 0;
  }
  return changed;
}

/**
 * A held home visit with a tolk and a follow-up task, a visit planned for today at 14:00 (both
 * Mette Larsen's, on Fatima Ali's case), and an accepted referral to Gældsrådgivningen that shares no
 * data. Runs once.
 */
async function seedVisitsAndReferrals(em: EntityManager): Promise<boolean> {
  if ((await em.query(`SELECT 1 FROM visit LIMIT 1`)).length) return false;
  const [c] = await em.query(
    `SELECT s.id, s.person_id FROM sag s JOIN person p ON p.id = s.person_id
      WHERE p.name = 'Fatima Ali' AND s.type = 'oekonomi_restance' LIMIT 1`,
  );
  const [vicevaert] = await em.query(`SELECT id FROM app_user WHERE username = 'vicevaert'`);
  const [gaeld] = await em.query(`SELECT id FROM partner_organisation WHERE name = 'Gældsrådgivningen Fjordby'`);
  if (!c || !vicevaert || !gaeld) return false;
  const participants = JSON.stringify([
    { kind: 'husstand', personId: c.person_id },
    { kind: 'tolk', name: 'Tolk (arabisk)' },
  ]);
  const [held] = await em.query(
    `INSERT INTO visit (sag_id, status, occurred_at, location_type, announced, participants, purpose, summary, author_id, created_at)
     VALUES ($1, 'gennemfoert', now() - interval '12 days', 'hjem', true, $2, 'Budget og kontoudtog',
             'Gennemgik budget og kontoudtog med tolk. Fatima søger enkeltydelse til restancen.', $3, now() - interval '12 days')
     RETURNING id`,
    [c.id, participants, vicevaert.id],
  );
  await em.query(
    `INSERT INTO task (sag_id, title, due_date, assignee_id, source, source_id, created_at)
     VALUES ($1, 'Ring til Fatima om svar fra kommunen', ${DANISH_TODAY} + 2, $2, 'besoeg', $3, now() - interval '12 days')`,
    [c.id, vicevaert.id, held.id],
  );
  const [planned] = await em.query(
    `INSERT INTO visit (sag_id, status, planned_at, location_type, announced, participants, purpose, author_id)
     VALUES ($1, 'planlagt', ((now() AT TIME ZONE 'Europe/Copenhagen')::date + time '14:00') AT TIME ZONE 'Europe/Copenhagen', 'hjem', true, $2,
             'Følge op på ansøgningen om enkeltydelse', $3) RETURNING id, planned_at`,
    [c.id, participants, vicevaert.id],
  );
  for (const [visitId, status, at, text] of [
    [
      held.id,
      'gennemfoert',
      "now() - interval '12 days'",
      'Gennemgik budget og kontoudtog med tolk. Fatima søger enkeltydelse til restancen.',
    ],
    [planned.id, 'planlagt', 'now()', null],
  ] as const) {
    await em.query(
      `INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, text, data) VALUES ($1, 'visit', ${at}, $2, $3, $4)`,
      [
        c.id,
        vicevaert.id,
        text,
        JSON.stringify({
          visitId,
          status,
          locationType: 'hjem',
          announced: true,
          participants: ['husstand', 'tolk'],
          followUps: status === 'gennemfoert' ? 1 : 0,
        }),
      ],
    );
  }
  const [ref] = await em.query(
    `INSERT INTO referral (sag_id, person_id, partner_organisation_id, method, reason, purpose, status, sent_at, created_by, created_at)
     VALUES ($1, $2, $3, 'informeret', 'Fatima vil gerne have overblik over sin gæld og hjælp til en plan.', 'videregivelse',
             'accepteret', now() - interval '10 days', $4, now() - interval '10 days') RETURNING id`,
    [c.id, c.person_id, gaeld.id, vicevaert.id],
  );
  for (const [status, side, days] of [
    ['udkast', 'team', 10],
    ['sendt', 'team', 10],
    ['accepteret', 'partner', 8],
  ] as const) {
    await em.query(
      `INSERT INTO referral_event (referral_id, status, side, actor_id, at) VALUES ($1, $2, $3, $4, now() - make_interval(days => $5))`,
      [ref.id, status, side, side === 'team' ? vicevaert.id : null, days],
    );
    await em.query(
      `INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, data) VALUES ($1, 'referral', now() - make_interval(days => $2), $3, $4)`,
      [
        c.id,
        days,
        side === 'team' ? vicevaert.id : null,
        JSON.stringify({ referralId: ref.id, status, side, partner: 'Gældsrådgivningen Fjordby' }),
      ],
    );
  }
  return true;
}
