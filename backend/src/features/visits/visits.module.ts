import { Module } from '@nestjs/common';

import { ConsentModule } from '../consent/consent.module';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({ controllers: [VisitsController], imports: [ConsentModule], providers: [VisitsService] })
export class VisitsModule {}
