import type {
  CaseDetail,
  Handoff,
  PartnerDirectoryEntry,
  PartnerReferral,
  Referral,
  Task,
  Visit,
} from '@bofast/contracts';

/** An open follow-up on case c1, version 2. */
export function task(overrides: Partial<Task> = {}): Task {
  return {
    id: 't1',
    caseId: 'c1',
    caseNumber: 'S-2026-0001',
    title: 'Ring til jobcentret',
    dueDate: '2026-12-08',
    assignee: { id: 'u1', displayName: 'Vibeke Vicevært' },
    status: 'aaben',
    source: 'besoeg',
    sourceId: 'v1',
    version: 2,
    ...overrides,
  };
}

/** A held, unannounced home visit on case c1. */
export function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    caseId: 'c1',
    caseNumber: 'S-2026-0001',
    personName: 'Bo Beboer',
    address: 'Engparken 7, st. tv.',
    status: 'gennemfoert',
    plannedAt: null,
    occurredAt: '2026-12-01T09:30:00Z',
    locationType: 'hjem',
    announced: false,
    participants: [{ kind: 'husstand', personId: 'p1', displayName: 'Bo Beboer' }],
    purpose: null,
    summary: 'Talt om huslejen.',
    followUps: [],
    author: { id: 'u1', displayName: 'Vibeke Vicevært' },
    clientId: null,
    version: 1,
    ...overrides,
  };
}

/** Case c1 of Bo Beboer (p1), whose household also has Sara (p2). Version 5. */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'c1',
    caseNumber: 'S-2026-0001',
    type: 'restance',
    status: 'aktiv',
    person: { id: 'p1', name: 'Bo Beboer' },
    tenancy: null,
    team: { id: 'team1', name: 'Team Engparken' },
    responsible: { id: 'u1', displayName: 'Vibeke Vicevært' },
    household: {
      id: 'h1',
      tenancy: null,
      members: [
        { personId: 'p1', name: 'Bo Beboer', relation: 'lejer', birthYear: 1980, age: 46 },
        { personId: 'p2', name: 'Sara Beboer', relation: 'barn', birthYear: 2014, age: 12 },
      ],
    },
    coWorkers: [],
    tags: [],
    hiddenSensitiveTags: false,
    closureReason: null,
    reopenedFrom: null,
    originSignalId: null,
    reviewDate: null,
    goals: [],
    actions: [],
    consent: { state: 'gyldig', expiresAt: null },
    isMember: true,
    openedAt: '2026-11-01T10:00:00Z',
    closedAt: null,
    updatedAt: '2026-11-01T10:00:00Z',
    version: 5,
    ...overrides,
  } as CaseDetail;
}

export function partnerEntry(overrides: Partial<PartnerDirectoryEntry> = {}): PartnerDirectoryEntry {
  return {
    id: 'po1',
    name: 'Jobcenter Fjordby',
    type: 'jobcenter',
    kommune: 'Fjordby Kommune',
    services: ['Virksomhedspraktik', 'Jobsamtaler'],
    contacts: [{ name: 'Camilla Berg', role: 'Jobkonsulent', phone: '12345678', email: 'cb@fjordby.dk' }],
    channels: ['portal', 'sikker_mail'],
    responseDays: 7,
    version: 3,
    ...overrides,
  };
}

/** A draft (udkast) to Jobcenter Fjordby that shares the arrears and a note on employment. */
export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'r1',
    caseId: 'c1',
    caseNumber: 'S-2026-0001',
    person: { id: 'p1', name: 'Bo Beboer' },
    partner: { id: 'po1', name: 'Jobcenter Fjordby' },
    method: 'formidlet_kontakt',
    reason: 'Ønsker hjælp til at komme i job',
    purpose: 'videregivelse',
    sharedCategories: ['beskaeftigelse', 'oekonomi'],
    sharedFields: ['arrears'],
    notes: { beskaeftigelse: 'Ledig siden september.' },
    underretning: false,
    underretningReason: null,
    consentId: null,
    consentActive: false,
    status: 'udkast',
    statusReason: null,
    outcome: null,
    sentAt: null,
    firstMeetingAt: null,
    history: [{ status: 'udkast', at: '2026-12-01T10:00:00Z', by: 'Vibeke Vicevært', side: 'team', reason: null }],
    messages: [],
    createdBy: { id: 'u1', displayName: 'Vibeke Vicevært' },
    version: 1,
    ...overrides,
  };
}

/** A sent referral as the partner sees it: the name and the address, and a note on employment. */
export function partnerReferral(overrides: Partial<PartnerReferral> = {}): PartnerReferral {
  return {
    id: 'r1',
    access: 'open',
    accessEndsAt: null,
    status: 'sendt',
    method: 'formel_henvisning',
    reason: 'Henvises til jobsamtale',
    underretning: false,
    underretningReason: null,
    sentAt: '2026-12-01T10:00:00Z',
    firstMeetingAt: null,
    outcome: null,
    from: { team: 'Team Engparken', worker: 'Vibeke Vicevært' },
    resident: { name: 'Bo Beboer', address: 'Engparken 7, st. tv.' },
    notes: { beskaeftigelse: 'Ledig siden september.' },
    sharedCategories: ['beskaeftigelse', 'bolig'],
    sharedFields: ['address'],
    history: [
      { status: 'udkast', at: '2026-12-01T09:00:00Z', by: 'Vibeke Vicevært', side: 'team', reason: null },
      { status: 'sendt', at: '2026-12-01T10:00:00Z', by: 'Vibeke Vicevært', side: 'team', reason: null },
    ],
    messages: [],
    version: 2,
    ...overrides,
  };
}

export function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: 'hd1',
    caseId: 'c1',
    kind: 'medarbejder',
    from: { userId: 'u1', userName: 'Vibeke Vicevært', teamId: 'team1', teamName: 'Team Engparken' },
    to: { userId: 'u2', userName: 'Louise Nielsen', teamId: 'team1', teamName: 'Team Engparken' },
    note: 'Restancen fylder mest nu.',
    at: '2026-12-01T10:00:00Z',
    by: { id: 'u1', displayName: 'Vibeke Vicevært' },
    ...overrides,
  };
}
