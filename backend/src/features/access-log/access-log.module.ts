import { Global, Module } from '@nestjs/common';

import { AccessLogController } from './access-log.controller';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';

@Global()
@Module({
  controllers: [AccessLogController],
  exports: [AccessLogService],
  providers: [AccessLogRepository, AccessLogService],
})
export class AccessLogModule {}
