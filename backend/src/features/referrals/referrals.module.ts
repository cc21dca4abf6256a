import { Inject, Module, OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../../config/config';
import { ConsentModule } from '../consent/consent.module';
import { JobsService } from '../jobs/jobs.service';
import { PartnerDirectoryController, PartnerDirectoryService } from './partner-directory';
import { PartnerPortalController, ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

export const REFERRAL_CHASE_SCHEDULE = 'referral-chase';

@Module({
  controllers: [ReferralsController, PartnerPortalController, PartnerDirectoryController],
  imports: [ConsentModule],
  providers: [ReferralsService, PartnerDirectoryService],
})
export class ReferralsModule implements OnModuleInit {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The closed-loop timer: unanswered referrals become follow-up tasks (every 10 minutes, one process). */
  async onModuleInit(): Promise<void> {
    await this.jobs.schedule(
      REFERRAL_CHASE_SCHEDULE,
      this.config.JOBS_REFERRAL_CHASE_CRON,
      async () => {
        await this.referrals.chaseUnanswered();
      },
      { expireInSeconds: 5 * 60, retryLimit: 2, retryDelaySeconds: 30 },
    );
  }
}
