import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { EvictionsModule } from '../evictions/evictions.module';
import { RestanceController } from './restance.controller';
import { RestanceImportsService } from './restance-imports.service';
import { RestanceRetention } from './restance-retention';
import { WorklistService } from './worklist.service';

@Module({
  controllers: [RestanceController],
  imports: [CasesModule, EvictionsModule],
  providers: [RestanceImportsService, RestanceRetention, WorklistService],
})
export class RestanceModule {}
