import { Global, Module } from '@nestjs/common';

import { CprVault } from '../../common/crypto/cpr-vault';
import { CaseAccess } from './case-access';
import { TimelineWriter } from './timeline.writer';

/** Shared by the case-work features: record access, the timeline writer, CPR vault. */
@Global()
@Module({
  exports: [CaseAccess, CprVault, TimelineWriter],
  providers: [CaseAccess, CprVault, TimelineWriter],
})
export class CaseCoreModule {}
