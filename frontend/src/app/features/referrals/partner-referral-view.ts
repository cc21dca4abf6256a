import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { TranslocoPipe } from '@jsverse/transloco';

import type { DataCategory, PartnerReferral } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { formatKr, formatTimestamp } from '../restance/restance-store';
import { referralStatusClass } from './referrals-api';

type Resident = PartnerReferral['resident'];

/** One shared piece of the resident's data; `other` is a key this version of the UI does not know yet. */
export interface ResidentEntry {
  key: string;
  text?: string | null;
  household?: NonNullable<Resident['household']>;
  arrears?: Resident['arrears'];
  agreements?: NonNullable<Resident['agreements']>;
  other?: string;
}

/** Every key the server sent besides the name, in the order it sent them: nothing is shown that was not shared. */
export function residentEntries(resident: Resident): ResidentEntry[] {
  return Object.entries(resident)
    .filter(([key]) => key !== 'name')
    .map(([key, value]): ResidentEntry => {
      if (key === 'address' || key === 'phone') return { key, text: (value as string | null) ?? null };
      if (key === 'household') return { key, household: (value as Resident['household']) ?? [] };
      if (key === 'arrears') return { key, arrears: (value as Resident['arrears']) ?? null };
      if (key === 'agreements') return { key, agreements: (value as Resident['agreements']) ?? [] };
      return { key, other: typeof value === 'string' ? value : JSON.stringify(value) };
    });
}

let nextId = 0;

/**
 * A referral exactly as the partner sees it: the resident's name, the reason, and only the shared fields
 * and notes. The partner portal shows it, and the team prints it as the handoff summary.
 */
@Component({
  selector: 'bf-partner-referral-view',
  imports: [MatChipsModule, TranslocoPipe],
  templateUrl: './partner-referral-view.html',
  styleUrl: './partner-referral-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerReferralView {
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;
  protected readonly day = formatDay;
  protected readonly kr = formatKr;
  protected readonly statusClass = referralStatusClass;
  protected readonly ids = {
    resident: `resident-${nextId}`,
    referral: `referral-${nextId}`,
    notes: `notes-${nextId++}`,
  };

  readonly referral = input.required<PartnerReferral>();
  /** The level of the section headings. */
  readonly headingLevel = input(2);

  protected readonly resident = computed(() => residentEntries(this.referral().resident));
  protected readonly notes = computed(() =>
    (Object.entries(this.referral().notes) as [DataCategory, string | undefined][]).filter(([, text]) => !!text),
  );
}
