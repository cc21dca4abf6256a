import { Module } from '@nestjs/common';

import { PeopleModule } from '../people/people.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  exports: [CasesService],
  imports: [PeopleModule],
  providers: [CasesService],
})
export class CasesModule {}
