import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import pino from 'pino';

import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from './database/embedded-postgres';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './database/seed/demo-seed';
import { drainHttp, requestGate, serviceState } from './common/lifecycle/service-state';

/** How long requests in flight may take to finish after SIGTERM/SIGINT before their connections are closed. */
const DRAIN_MS = 10_000;
/** After this, a shutdown that hangs (a stuck job, an unreachable database) exits anyway. */
const SHUTDOWN_LIMIT_MS = 60_000;

async function bootstrap(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (args.has('--openapi-only')) return writeOpenApi(process.argv[process.argv.indexOf('--openapi-only') + 1]);
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'bofast' } });

  let embedded: EmbeddedDatabase | null = null;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
    embedded = null;
  };
  // Signals are Bofast's own from the first moment: before the app listens they stop the embedded
  // server and exit; after, `shutdown` below drains first. Nothing else may exit the process on them.
  let onSignal: (signal: NodeJS.Signals) => void = (signal) => {
    log.info({ signal }, 'Stopped during start');
    void stopEmbedded().finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));
  let databaseUrl = config.DATABASE_URL;
  const serving = !args.has('--migrate-only') && !args.has('--seed-only');
  if (serving && (await isPortTaken(config.PORT))) {
    throw new ConfigError(`Port ${config.PORT} is already in use: is Bofast already running? Set PORT to use another.`);
  }
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      database: 'bofast',
      logger: log,
    });
    databaseUrl = embedded.url;
    const server = embedded;
    serviceState.watchDatabase(() => server.problem());
  }

  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length) log.info({ migrations: applied }, 'Migrations applied');
    // Never seed a server we were pointed at unless asked: demo data only on the embedded database.
    const seed = config.SEED_DEMO_DATA ?? (embedded !== null && !args.has('--migrate-only'));
    if (seed || args.has('--seed-only')) {
      if (args.has('--seed-only') && !seed && config.SEED_DEMO_DATA !== true && !embedded) {
        throw new ConfigError('Refusing to seed demo data into DATABASE_URL without SEED_DEMO_DATA=true');
      }
      const created = await seedDemoData(databaseUrl);
      printDemoUsers(created);
    }
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  if (args.has('--migrate-only') || args.has('--seed-only')) {
    await stopEmbedded();
    return;
  }

  try {
    await serve(config, databaseUrl, log, (handler) => (onSignal = handler), stopEmbedded);
  } catch (error) {
    await stopEmbedded(); // never leave the embedded server running behind a failed start
    throw error;
  }
}

async function serve(
  config: ReturnType<typeof loadConfig>,
  databaseUrl: string,
  log: pino.Logger,
  handleSignals: (handler: (signal: NodeJS.Signals) => void) => void,
  stopEmbedded: () => Promise<void>,
): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.use(requestGate);
  const { frontendDir } = await configureApp(app, config);
  if (!frontendDir) log.warn('No built frontend found (dist/frontend/browser); serving the API only');

  let closing = false;
  handleSignals((signal) => {
    if (closing) return;
    closing = true;
    void shutdown(signal);
  });
  const shutdown = async (signal: NodeJS.Signals) => {
    log.info({ signal }, 'Shutting down: no new requests; letting those in flight finish');
    setTimeout(() => {
      log.error('Shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    const { drained, inFlight } = await drainHttp(app.getHttpServer(), DRAIN_MS);
    if (drained) log.info('Drained: every request in flight finished');
    else log.warn({ inFlight }, 'Requests still running after the drain; their connections were closed');
    // Background work stops next (a running import finishes or is handed back), then the pool closes.
    await app.close().catch((error: unknown) => log.error({ err: { type: (error as Error)?.name } }, 'Close failed'));
    await stopEmbedded();
    log.info('Stopped');
    process.exit(0);
  };

  await app.listen(config.PORT);
  log.info(`Bofast is running at http://localhost:${config.PORT} (API at /api, OpenAPI at /api/docs)`);
}

/**
 * `--openapi-only <file>`: writes the OpenAPI document (docs/openapi.json at build) and exits. The app is built in
 * Nest's preview mode, which resolves no providers: no database, no port.
 */
async function writeOpenApi(file: string | undefined): Promise<void> {
  if (!file || file.startsWith('--')) throw new ConfigError('--openapi-only needs the file to write');
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', FRONTEND_DIST: '/nonexistent' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'postgres://preview'), {
    preview: true,
    logger: false,
  });
  const { document } = await configureApp(app, config);
  writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
}

function printDemoUsers(created: boolean): void {
  const lines = [
    '',
    created
      ? 'Demo data created. Demo users (all with the same password):'
      : 'Demo users (all with the same password):',
    ...DEMO_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.role}`),
    `  password: ${DEMO_PASSWORD}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
    process.stderr.write(`\nBofast could not start:\n${error.message}\n\n`);
  } else {
    process.stderr.write(`\nBofast could not start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
