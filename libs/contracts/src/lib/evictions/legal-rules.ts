import { addDays, addWorkingDays, nextWorkingDayOnOrAfter } from './danish-calendar';

/**
 * The legal chain påkrav → ophævelse → fogedret, in ONE place so it can be corrected. Every
 * paragraph reference printed in the UI comes from here. Sources and their verification status are
 * in docs/evictions.md; references marked `verified: false` are shown with "(kontrollér)".
 *
 * Deadline rules, as implemented:
 * - Earliest påkrav: after the end of the 3rd working day after the last on-time payment day
 *   (sidste rettidige betalingsdag), i.e. the day after that 3rd working day.
 * - Påkrav deadline: 14 calendar days from the påkrav; a deadline ending on a non-working day runs
 *   to the next working day. We count from the date the påkrav was sent, which is the cautious
 *   choice (receipt is the legal start and is never earlier than sending).
 * - Earliest ophævelse: the day after the påkrav deadline.
 */
export interface LegalReference {
  key: string;
  text: string;
  law: string;
  verified: boolean;
}

export const LEGAL_REFERENCES: Readonly<Record<string, LegalReference>> = {
  paakrav: {
    key: 'paakrav',
    text: 'Påkrav: 14 dages frist til at betale; tidligst efter 3. hverdag efter sidste rettidige betalingsdag',
    law: 'almenlejeloven § 90, stk. 2',
    verified: false,
  },
  ophaevelse: {
    key: 'ophaevelse',
    text: 'Ophævelse når lejen ikke er betalt inden påkravets frist',
    law: 'almenlejeloven § 90, stk. 1, nr. 1',
    verified: true,
  },
  kommuneUnderretning: {
    key: 'kommuneUnderretning',
    text: 'Udlejer skal senest samtidig med anmodningen til fogedretten underrette kommunen skriftligt (navn og adresse)',
    law: 'almenlejeloven § 92, stk. 2 (indsat ved L 92 2008-09)',
    verified: false,
  },
  kommuneHandlepligt: {
    key: 'kommuneHandlepligt',
    text: 'Kommunens handlepligt over for udsættelsestruede lejere',
    law: 'retssikkerhedsloven § 5 a',
    verified: false,
  },
};

export const PAAKRAV_PAYMENT_DAYS = 14;
export const PAAKRAV_EARLIEST_WORKING_DAYS = 3;

/** The first day a påkrav may be sent, given the last on-time payment day. */
export function earliestPaakrav(lastOnTimePaymentDay: string): string {
  return addDays(addWorkingDays(lastOnTimePaymentDay, PAAKRAV_EARLIEST_WORKING_DAYS), 1);
}

/** The last day to pay after a påkrav sent on `paakravDate`. */
export function paakravDeadline(paakravDate: string): string {
  return nextWorkingDayOnOrAfter(addDays(paakravDate, PAAKRAV_PAYMENT_DAYS));
}

/** The first day the lease may be ophævet after a påkrav sent on `paakravDate`. */
export function earliestOphaevelse(paakravDate: string): string {
  return addDays(paakravDeadline(paakravDate), 1);
}
