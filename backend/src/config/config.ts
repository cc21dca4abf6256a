import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

/** Environment variables Bofast reads. Documented in README.md; validated at boot (fail fast). */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/pg';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  SESSION_ABSOLUTE_HOURS = 12;

  /** How long a process may answer from its cached session lookup (0: ask the database every time). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  SESSION_CACHE_SECONDS = 30;

  /**
   * Months after its list date that a replaced restanceliste keeps its raw file and the personal data
   * of rows that never became a case (0: keep them; the retention is the DPO's decision).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120)
  RESTANCE_RETENTION_MONTHS = 3;

  /**
   * Time an upload's preview or check may spend reading a restanceliste (in a worker thread) before
   * the file is refused with 422: bad files are answered within about a second more than this.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  RESTANCE_PARSE_BUDGET_MS = 4000;

  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCKOUT_MINUTES = 15;

  @IsOptional()
  @IsString()
  FRONTEND_DIST?: string;

  /** 32 bytes, base64: AES-256-GCM key for CPR numbers at rest. Required in production. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'CPR_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  CPR_ENCRYPTION_KEY?: string;

  /** 32 bytes, base64: HMAC key for the CPR blind index (exact-match search). Required in production. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'CPR_INDEX_KEY must be 32 bytes in base64 (openssl rand -base64 32)' })
  CPR_INDEX_KEY?: string;

  /** Where development keys are kept when the CPR keys are not configured (never in production). */
  @IsString()
  DEV_SECRETS_FILE = '.data/dev-secrets.json';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Passed to Express `trust proxy` (e.g. `loopback` or `1`) when Bofast runs behind a reverse proxy. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Seconds a restance import may run before pg-boss considers its process gone and retries it. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(6 * 3600)
  JOBS_IMPORT_EXPIRE_SECONDS = 1800;

  /** How often pg-boss looks for expired jobs (and archives finished ones). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOBS_MAINTENANCE_SECONDS = 60;

  /** Cron (Europe/Copenhagen) for the restance retention purge. */
  @IsString()
  JOBS_RETENTION_CRON = '17 * * * *';

  /** Cron (Europe/Copenhagen) for the referral chaser (unanswered referrals become follow-up tasks). */
  @IsString()
  JOBS_REFERRAL_CHASE_CRON = '*/10 * * * *';
}

export type AppConfig = Readonly<EnvironmentVariables>;

export class ConfigError extends Error {}

/** Reads and validates the environment. Throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(EnvironmentVariables, defined, { excludeExtraneousValues: false });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (
    config.NODE_ENV === 'production' &&
    config.DATABASE_URL &&
    (!config.CPR_ENCRYPTION_KEY || !config.CPR_INDEX_KEY)
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  - CPR_ENCRYPTION_KEY and CPR_INDEX_KEY are required in production with DATABASE_URL',
    );
  }
  return Object.freeze(config);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
