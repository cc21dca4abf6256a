import { randomUUID } from 'node:crypto';

import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

import { AuthGuard } from '../common/auth/auth.guard';
import { DomainErrorFilter } from '../common/errors/domain-error.filter';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { AccessLogModule } from '../features/access-log/access-log.module';
import { AuthModule } from '../features/auth/auth.module';
import { CaseCoreModule } from '../features/case-core/case-core.module';
import { CasesModule } from '../features/cases/cases.module';
import { ConsentModule } from '../features/consent/consent.module';
import { EconomyModule } from '../features/economy/economy.module';
import { EvictionsModule } from '../features/evictions/evictions.module';
import { HandoffsModule } from '../features/handoffs/handoffs.module';
import { ReferralsModule } from '../features/referrals/referrals.module';
import { ReportsModule } from '../features/reports/reports.module';
import { VisitsModule } from '../features/visits/visits.module';
import { HealthController } from '../features/health/health.controller';
import { JobsModule } from '../features/jobs/jobs.module';
import { OrganisationsModule } from '../features/organisations/organisations.module';
import { PeopleModule } from '../features/people/people.module';
import { PrivilegedChangesModule } from '../features/privileged-changes/privileged-changes.module';
import { RestanceModule } from '../features/restance/restance.module';
import { SignalsModule } from '../features/signals/signals.module';
import { TeamsModule } from '../features/teams/teams.module';
import { UserAdminModule } from '../features/user-admin/user-admin.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      imports: [
        AccessLogModule,
        AuthModule,
        CaseCoreModule,
        CasesModule,
        ConsentModule,
        EconomyModule,
        EvictionsModule,
        HandoffsModule,
        ReferralsModule,
        ReportsModule,
        VisitsModule,
        JobsModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            },
            // No personal data in application logs: no query strings (searches), bodies, cookies or headers.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            // 503s (database away, shutting down) are logged by the error filter, at most once per 10 s.
            customLogLevel: (_req, res, err) =>
              res.statusCode === 503
                ? 'silent'
                : err || res.statusCode >= 500
                  ? 'error'
                  : res.statusCode >= 400
                    ? 'warn'
                    : 'info',
            quietReqLogger: true,
          },
        }),
        OrganisationsModule,
        PeopleModule,
        PrivilegedChangesModule,
        RestanceModule,
        SignalsModule,
        TeamsModule,
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        UserAdminModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      global: true,
      exports: [APP_CONFIG],
    };
  }
}
