import type { Routes } from '@angular/router';

import { EvictionPage } from './eviction-page';
import { UpcomingPage } from './upcoming-page';

export default [
  { path: '', component: UpcomingPage },
  { path: ':id', title: 'evictions.detailTitle', component: EvictionPage },
] satisfies Routes;
