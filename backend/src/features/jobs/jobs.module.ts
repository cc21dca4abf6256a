import { Global, Module } from '@nestjs/common';

import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Global()
@Module({ controllers: [JobsController], exports: [JobsService], providers: [JobsService] })
export class JobsModule {}
