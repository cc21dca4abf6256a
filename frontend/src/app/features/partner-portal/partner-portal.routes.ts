import type { Routes } from '@angular/router';

import { PartnerReferralPage } from './partner-referral-page';
import { PartnerReferralsPage } from './partner-referrals-page';

export default [
  { path: '', component: PartnerReferralsPage },
  { path: ':id', title: 'partnerPortal.detailPageTitle', component: PartnerReferralPage },
] satisfies Routes;
