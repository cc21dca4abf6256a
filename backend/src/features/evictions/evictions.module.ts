import { Module } from '@nestjs/common';

import { EvictionsController } from './evictions.controller';
import { EvictionsService } from './evictions.service';

@Module({ controllers: [EvictionsController], providers: [EvictionsService], exports: [EvictionsService] })
export class EvictionsModule {}
