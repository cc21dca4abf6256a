import { Inject, Module } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../../config/config';
import { CasesModule } from '../cases/cases.module';
import { EvictionsModule } from '../evictions/evictions.module';
import { configureParseBudgets } from './parsing/parse-in-worker';
import { RestanceController } from './restance.controller';
import { RestanceImportsService } from './restance-imports.service';
import { RestanceRetention } from './restance-retention';
import { WorklistService } from './worklist.service';

@Module({
  controllers: [RestanceController],
  imports: [CasesModule, EvictionsModule],
  providers: [RestanceImportsService, RestanceRetention, WorklistService],
})
export class RestanceModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    configureParseBudgets({ request: config.RESTANCE_PARSE_BUDGET_MS });
  }
}
