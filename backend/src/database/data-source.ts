import { DataSource, DataSourceOptions } from 'typeorm';

import { CaseTypeEntity } from '../features/cases/case-type.entity';
import { ConsentEntity } from '../features/consent/consent.entity';
import { ConsentRecipientEntity } from '../features/consent/consent-recipient.entity';
import { ContactAttemptEntity } from '../features/signals/contact-attempt.entity';
import { EvictionCaseEntity } from '../features/evictions/eviction-case.entity';
import { EvictionCaseSagEntity } from '../features/evictions/eviction-case-sag.entity';
import { EvictionStageEntity } from '../features/evictions/eviction-stage.entity';
import { HandleplanActionEntity } from '../features/cases/handleplan-action.entity';
import { HandleplanGoalEntity } from '../features/cases/handleplan-goal.entity';
import { HandoffEntity } from '../features/handoffs/handoff.entity';
import { HelpApplicationEntity } from '../features/economy/help-application.entity';
import { HouseholdEntity } from '../features/people/household.entity';
import { HouseholdMemberEntity } from '../features/people/household-member.entity';
import { ImportProfileEntity } from '../features/restance/import-profile.entity';
import { JobEntity } from '../features/jobs/job.entity';
import { LejemaalEntity } from '../features/people/lejemaal.entity';
import { PaymentAgreementEntity } from '../features/economy/payment-agreement.entity';
import { PersonEntity } from '../features/people/person.entity';
import { PersonIdentityEntity } from '../features/people/person-identity.entity';
import { ReferralEntity } from '../features/referrals/referral.entity';
import { ReferralEventEntity } from '../features/referrals/referral-event.entity';
import { ReferralMessageEntity } from '../features/referrals/referral-message.entity';
import { ReportEntity } from '../features/reports/report.entity';
import { ReportDefinitionEntity } from '../features/reports/report-definition.entity';
import { RestanceFacetEntity } from '../features/restance/restance-facet.entity';
import { RestanceImportEntity } from '../features/restance/restance-import.entity';
import { RestanceRowEntity } from '../features/restance/restance-row.entity';
import { SagEntity } from '../features/cases/sag.entity';
import { SagCoworkerEntity } from '../features/cases/sag-coworker.entity';
import { SignalEntity } from '../features/signals/signal.entity';
import { TaskEntity } from '../features/visits/task.entity';
import { TeamAfdelingEntity } from '../features/teams/team-afdeling.entity';
import { TimelineEventEntity } from '../features/case-core/timeline-event.entity';
import { TriageWeightsEntity } from '../features/restance/triage-weights.entity';
import { UserTeamEntity } from '../features/users/user-team.entity';
import { VisitEntity } from '../features/visits/visit.entity';
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
import { AddColumnComments1796500000000 } from './migrations/1796500000000-AddColumnComments';

export const ENTITIES = [
  AccessLogEntity,
  AccountActivationEntity,
  AfdelingEntity,
  BoligorganisationEntity,
  CaseTypeEntity,
  ConsentEntity,
  ConsentRecipientEntity,
  ContactAttemptEntity,
  EvictionCaseEntity,
  EvictionCaseSagEntity,
  EvictionStageEntity,
  HandleplanActionEntity,
  HandleplanGoalEntity,
  HandoffEntity,
  HelpApplicationEntity,
  HouseholdEntity,
  HouseholdMemberEntity,
  ImportProfileEntity,
  JobEntity,
  LejemaalEntity,
  LoginAttemptEntity,
  PartnerOrganisationEntity,
  PaymentAgreementEntity,
  PersonEntity,
  PersonIdentityEntity,
  PrivilegedChangeEntity,
  ReferralEntity,
  ReferralEventEntity,
  ReferralMessageEntity,
  ReportDefinitionEntity,
  ReportEntity,
  RestanceFacetEntity,
  RestanceImportEntity,
  RestanceRowEntity,
  SagCoworkerEntity,
  SagEntity,
  SessionEntity,
  SignalEntity,
  TaskEntity,
  TeamAfdelingEntity,
  TeamEntity,
  TimelineEventEntity,
  TriageWeightsEntity,
  UserEntity,
  UserTeamEntity,
  VisitEntity,
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
  AddColumnComments1796500000000,
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
