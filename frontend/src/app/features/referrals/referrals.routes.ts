import type { Routes } from '@angular/router';

import { ReferralSummaryPage } from './referral-summary-page';

export default [
  { path: ':id/resume', title: 'referrals.summaryTitle', component: ReferralSummaryPage },
] satisfies Routes;
