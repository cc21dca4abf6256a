import { Module } from '@nestjs/common';

import { ConsentController } from './consent.controller';
import { ConsentCoverageService } from './consent-coverage.service';
import { ConsentService } from './consent.service';

/** Consents and the one coverage check that referrals, visits and cases ask before disclosing. */
@Module({
  controllers: [ConsentController],
  exports: [ConsentCoverageService],
  providers: [ConsentCoverageService, ConsentService],
})
export class ConsentModule {}
