import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { RestanceController } from './restance.controller';
import { RestanceImportsService } from './restance-imports.service';
import { WorklistService } from './worklist.service';

@Module({
  controllers: [RestanceController],
  imports: [CasesModule],
  providers: [RestanceImportsService, WorklistService],
})
export class RestanceModule {}
