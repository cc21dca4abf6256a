import { BeforeApplicationShutdown, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';

import { PartnerDirectoryController, PartnerDirectoryService } from './partner-directory';
import { PartnerPortalController, ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

const CHASE_EVERY_MS = 10 * 60_000;

@Module({
  controllers: [ReferralsController, PartnerPortalController, PartnerDirectoryController],
  providers: [ReferralsService, PartnerDirectoryService],
})
export class ReferralsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReferralChaser');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;

  constructor(private readonly referrals: ReferralsService) {}

  /** The closed-loop timer: unanswered referrals become follow-up tasks (every 10 minutes). */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), CHASE_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.referrals
      .chaseUnanswered()
      .catch((error: unknown) =>
        this.logger.warn({ err: { type: (error as Error)?.constructor?.name } }, 'Referral chase failed'),
      )
      .finally(() => (this.running = null));
  }
}
