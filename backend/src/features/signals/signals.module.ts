import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

@Module({
  controllers: [SignalsController],
  imports: [CasesModule],
  providers: [SignalsService],
})
export class SignalsModule {}
