import { Global, Module } from '@nestjs/common';

import { CprVault } from '../../common/crypto/cpr-vault';
import { CaseAccess } from './case-access';
import { ConsentCoverageService } from './consent-coverage.service';
import { TimelineWriter } from './timeline.writer';

/** Shared by the case-work features: record access, the timeline writer, consent coverage, CPR vault. */
@Global()
@Module({
  exports: [CaseAccess, ConsentCoverageService, CprVault, TimelineWriter],
  providers: [CaseAccess, ConsentCoverageService, CprVault, TimelineWriter],
})
export class CaseCoreModule {}
