import { Module } from '@nestjs/common';

import { HandoffsController } from './handoffs.controller';
import { HandoffsService } from './handoffs.service';

/** Internal handoffs (overdragelser) of a case between workers and teams. */
@Module({ controllers: [HandoffsController], providers: [HandoffsService] })
export class HandoffsModule {}
