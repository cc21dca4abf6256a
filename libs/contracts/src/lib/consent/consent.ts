export const ConsentPurpose = {
  Raadgivning: 'raadgivning',
  KontaktMyndighed: 'kontakt_myndighed',
  Videregivelse: 'videregivelse',
  TredjepartVedBesoeg: 'tredjepart_ved_besoeg',
  StatusTilUdlejer: 'status_til_udlejer',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];

export const DataCategory = {
  Oekonomi: 'oekonomi',
  Bolig: 'bolig',
  Beskaeftigelse: 'beskaeftigelse',
  Helbred: 'helbred',
  Misbrug: 'misbrug',
  Vold: 'vold',
  Boern: 'boern',
  Straf: 'straf',
} as const;
export type DataCategory = (typeof DataCategory)[keyof typeof DataCategory];

export const ConsentDirection = { Indhente: 'indhente', Videregive: 'videregive', Begge: 'begge' } as const;
export type ConsentDirection = (typeof ConsentDirection)[keyof typeof ConsentDirection];

export const ConsentForm = { Skriftlig: 'skriftlig', Mundtlig: 'mundtlig', Digital: 'digital' } as const;
export type ConsentForm = (typeof ConsentForm)[keyof typeof ConsentForm];

/** Derived, never stored: withdrawn wins over expired, expired over expiring soon. */
export const ConsentStatus = {
  Gyldig: 'gyldig',
  UdloeberSnart: 'udloeber_snart',
  Udloebet: 'udloebet',
  Tilbagekaldt: 'tilbagekaldt',
} as const;
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus];

export const CONSENT_DEFAULT_MONTHS = 12;
export const CONSENT_EXPIRING_SOON_DAYS = 30;

export interface Consent {
  id: string;
  personId: string;
  caseId: string | null;
  recipients: { id: string; name: string }[];
  dataCategories: DataCategory[];
  purposes: ConsentPurpose[];
  direction: ConsentDirection;
  form: ConsentForm;
  witnessName: string | null;
  interpreterUsed: boolean;
  hasDocument: boolean;
  givenAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalMethod: ConsentForm | null;
  withdrawalNote: string | null;
  status: ConsentStatus;
  version: number;
}

export interface CreateConsentRequest {
  personId: string;
  caseId?: string | null;
  recipientIds: string[];
  dataCategories: DataCategory[];
  purposes: ConsentPurpose[];
  direction: ConsentDirection;
  form: ConsentForm;
  witnessName?: string | null;
  interpreterUsed?: boolean;
  givenAt?: string;
  /** Defaults to givenAt + 12 months. */
  expiresAt?: string;
  /** Optional scanned declaration: base64 content (PDF, PNG or JPEG, at most 5 MB). */
  document?: { filename: string; contentType: string; base64: string } | null;
}

export interface WithdrawConsentRequest {
  method: ConsentForm;
  note?: string | null;
  version: number;
}

/** The question every disclosure must ask. */
export interface ConsentCoverageQuery {
  personId: string;
  recipientId: string;
  purpose: ConsentPurpose;
  categories: DataCategory[];
  direction?: ConsentDirection;
}

export interface ConsentCoverage {
  covered: boolean;
  consentId: string | null;
}
