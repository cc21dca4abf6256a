import { DataSource, DataSourceOptions } from 'typeorm';

import { AccessLogEntity } from '../features/access-log/access-log.entity';
import { AccountActivationEntity } from '../features/auth/account-activation.entity';
import { LoginAttemptEntity } from '../features/auth/login-attempt.entity';
import { SessionEntity } from '../features/auth/session.entity';
import { AfdelingEntity } from '../features/organisations/afdeling.entity';
import { BoligorganisationEntity } from '../features/organisations/boligorganisation.entity';
import { PartnerOrganisationEntity } from '../features/organisations/partner-organisation.entity';
import { PrivilegedChangeEntity } from '../features/privileged-changes/privileged-change.entity';
import { TeamEntity } from '../features/teams/team.entity';
import { UserEntity } from '../features/users/user.entity';
import { CreateFoundationSchema1795000000000 } from './migrations/1795000000000-CreateFoundationSchema';
import { CreateCaseWorkSchema1795100000000 } from './migrations/1795100000000-CreateCaseWorkSchema';
import { CreateRestanceSchema1795200000000 } from './migrations/1795200000000-CreateRestanceSchema';
import { CreateEconomySchema1795300000000 } from './migrations/1795300000000-CreateEconomySchema';
import { CreateEvictionSchema1795400000000 } from './migrations/1795400000000-CreateEvictionSchema';
import { CreateReferralSchema1795500000000 } from './migrations/1795500000000-CreateReferralSchema';
import { CreateReportSchema1795600000000 } from './migrations/1795600000000-CreateReportSchema';
import { WorklistCountIndex1795700000000 } from './migrations/1795700000000-WorklistCountIndex';
import { RestanceFacets1795800000000 } from './migrations/1795800000000-RestanceFacets';
import { SessionCacheNotify1795900000000 } from './migrations/1795900000000-SessionCacheNotify';
import { RestanceRetention1796000000000 } from './migrations/1796000000000-RestanceRetention';
import { WidenPersonBirthYear1796100000000 } from './migrations/1796100000000-WidenPersonBirthYear';
import { AccountActivationAndPrivilegedChanges1796200000000 } from './migrations/1796200000000-AccountActivationAndPrivilegedChanges';
import { CreatePersonIdentity1796300000000 } from './migrations/1796300000000-CreatePersonIdentity';

export const ENTITIES = [
  AccessLogEntity,
  AccountActivationEntity,
  AfdelingEntity,
  BoligorganisationEntity,
  LoginAttemptEntity,
  PartnerOrganisationEntity,
  PrivilegedChangeEntity,
  SessionEntity,
  TeamEntity,
  UserEntity,
];

/** Listed explicitly (not globbed) because the backend is bundled by webpack. */
export const MIGRATIONS = [
  CreateFoundationSchema1795000000000,
  CreateCaseWorkSchema1795100000000,
  CreateRestanceSchema1795200000000,
  CreateEconomySchema1795300000000,
  CreateEvictionSchema1795400000000,
  CreateReferralSchema1795500000000,
  CreateReportSchema1795600000000,
  WorklistCountIndex1795700000000,
  RestanceFacets1795800000000,
  SessionCacheNotify1795900000000,
  RestanceRetention1796000000000,
  WidenPersonBirthYear1796100000000,
  AccountActivationAndPrivilegedChanges1796200000000,
  CreatePersonIdentity1796300000000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    // JIT off: Bofast's statements are short OLTP queries, and PostgreSQL's JIT costing misfires on
    // them (a 2 ms worklist page took 50 ms compiling). The report aggregates turn it on for their transaction.
    extra: { max: 10, application_name: 'bofast', options: '-c jit=off' },
  };
}

// Any constant unique to Bofast: the session-level advisory lock that serialises migration runs.
const MIGRATION_LOCK = 0x626f6661;

/**
 * Runs pending migrations on a short-lived connection, before the app serves. Several processes
 * starting at once take turns on an advisory lock: the first migrates, the others find nothing to do.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    // A lost connection has released the lock already; nothing more to undo then.
    await lock.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}

// The TypeORM CLI (npm run db:migration:generate) loads this default export.
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bofast'),
);
