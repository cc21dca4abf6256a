import { Global, Module } from '@nestjs/common';

import { PrivilegedChangesController } from './privileged-changes.controller';
import { PrivilegedChangesRepository } from './privileged-changes.repository';
import { PrivilegedChangesService } from './privileged-changes.service';

/** Global, as the access log: the users and auth features write to it inside their transactions. */
@Global()
@Module({
  controllers: [PrivilegedChangesController],
  exports: [PrivilegedChangesService],
  providers: [PrivilegedChangesRepository, PrivilegedChangesService],
})
export class PrivilegedChangesModule {}
