import * as argon2 from 'argon2';
import { Role } from '@bofast/contracts';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../data-source';

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
      if (existing.length) return false;
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
          `INSERT INTO app_user (username, display_name, email, role, password_hash, partner_organisation_id)
           VALUES ($1, $2, $3, $4, $5, $6)
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
      return true;
    });
  } finally {
    await ds.destroy();
  }
}
