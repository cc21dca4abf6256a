export const AgreementStatus = {
  Forhandles: 'forhandles',
  Aftalt: 'aftalt',
  Overholdes: 'overholdes',
  Misligholdt: 'misligholdt',
  Indfriet: 'indfriet',
  Annulleret: 'annulleret',
} as const;
export type AgreementStatus = (typeof AgreementStatus)[keyof typeof AgreementStatus];

/** Betalingsaftale (afdragsordning) states, domain brief §7.3. */
export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  forhandles: ['aftalt', 'annulleret'],
  aftalt: ['overholdes', 'misligholdt', 'indfriet', 'annulleret'],
  overholdes: ['misligholdt', 'indfriet', 'annulleret'],
  misligholdt: ['overholdes', 'annulleret'],
  indfriet: [],
  annulleret: [],
};

export const Creditor = {
  Boligorganisation: 'boligorganisation',
  Kreditor: 'kreditor',
  Offentlig: 'offentlig',
} as const;
export type Creditor = (typeof Creditor)[keyof typeof Creditor];

export interface PaymentAgreement {
  id: string;
  caseId: string;
  creditor: Creditor;
  creditorName: string | null;
  principal: number;
  installment: number;
  startDate: string;
  status: AgreementStatus;
  /** The newest restanceliste shows rising arrears for the case's tenancy while the agreement runs. */
  atRisk: boolean;
  version: number;
}

export interface CreateAgreementRequest {
  creditor: Creditor;
  creditorName?: string | null;
  principal: number;
  installment: number;
  startDate: string;
  status?: AgreementStatus;
}

export const ApplicationType = {
  Enkeltydelse: 'enkeltydelse',
  Boligstoette: 'boligstoette',
  FrivilligAdministration: 'frivillig_administration',
  Andet: 'andet',
} as const;
export type ApplicationType = (typeof ApplicationType)[keyof typeof ApplicationType];

export const ApplicationStatus = {
  Forberedes: 'forberedes',
  Indsendt: 'indsendt',
  Bevilget: 'bevilget',
  Afslag: 'afslag',
  Klage: 'klage',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  forberedes: ['indsendt'],
  indsendt: ['bevilget', 'afslag'],
  afslag: ['klage'],
  klage: ['bevilget', 'afslag'],
  bevilget: [],
};

/** A help application, e.g. enkeltydelse under aktivlovens § 81. */
export interface HelpApplication {
  id: string;
  caseId: string;
  type: ApplicationType;
  authority: string;
  amount: number | null;
  status: ApplicationStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

export interface CreateApplicationRequest {
  type: ApplicationType;
  authority: string;
  amount?: number | null;
}

export interface ChangeEconomyStatusRequest {
  status: string;
  version: number;
}
