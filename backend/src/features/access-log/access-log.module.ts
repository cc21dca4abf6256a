import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { AccessLogController } from './access-log.controller';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { PersonalDataInterceptor } from './personal-data.interceptor';

@Global()
@Module({
  controllers: [AccessLogController],
  exports: [AccessLogService],
  providers: [
    AccessLogRepository,
    AccessLogService,
    PersonalDataInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: PersonalDataInterceptor },
  ],
})
export class AccessLogModule {}
