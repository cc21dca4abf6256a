import { Module } from '@nestjs/common';

import { ConsentModule } from '../consent/consent.module';
import { PeopleModule } from '../people/people.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  exports: [CasesService],
  imports: [ConsentModule, PeopleModule],
  providers: [CasesService],
})
export class CasesModule {}
