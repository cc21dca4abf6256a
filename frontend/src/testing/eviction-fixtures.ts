import type { EvictionCase, EvictionStageEntry, UpcomingEvictionItem } from '@bofast/contracts';

export function stageEntry(overrides: Partial<EvictionStageEntry>): EvictionStageEntry {
  return {
    id: `s-${overrides.stage ?? 'restance'}-${overrides.date ?? ''}`,
    stage: 'restance',
    date: '2026-03-02',
    time: null,
    amount: null,
    source: 'medarbejder',
    notifiedBy: null,
    channel: null,
    moveOutDate: null,
    note: null,
    outOfOrder: false,
    recordedAt: '2026-03-02T10:00:00Z',
    recordedBy: { id: 'u1', displayName: 'Rita Rådgiver' },
    ...overrides,
  };
}

/** An open udsættelsessag at the rykker stage, version 3. */
export function evictionCase(overrides: Partial<EvictionCase> = {}): EvictionCase {
  return {
    id: 'e1',
    tenancy: { id: 't1', address: 'Fjordvej 3, 1. tv.', lejemaalsnummer: '0042', afdeling: 'Fjordparken' },
    ground: 'restance',
    status: 'aaben',
    currentStage: 'rykker',
    responsible: { id: 'u1', displayName: 'Rita Rådgiver' },
    teamId: 'team1',
    nextDeadline: null,
    flags: { noKommuneNotification: false, noRecentContact: false, lastContactAt: null },
    outcome: null,
    version: 3,
    cases: [{ id: 'c1', caseNumber: 'S-2026-0001', personName: 'Bo Beboer', status: 'aktiv' }],
    stages: [
      stageEntry({ stage: 'restance', date: '2026-03-02', amount: 2500, source: 'restanceliste' }),
      stageEntry({ stage: 'rykker', date: '2026-03-09', source: 'brev' }),
    ],
    deadlines: [],
    outcomeState: {
      outcome: null,
      note: null,
      rehousingNote: null,
      proposedBy: null,
      proposedAt: null,
      approvedBy: null,
      decidedAt: null,
      returnedReason: null,
    },
    sustained: null,
    latestArrears: null,
    createdAt: '2026-03-02T10:00:00Z',
    ...overrides,
  };
}

export function upcomingItem(overrides: Partial<UpcomingEvictionItem> = {}): UpcomingEvictionItem {
  return {
    evictionId: 'e1',
    address: 'Fjordvej 3, 1. tv.',
    afdeling: 'Fjordparken',
    responsible: { id: 'u1', displayName: 'Rita Rådgiver' },
    currentStage: 'paakrav',
    deadline: { kind: 'paakrav_frist', date: '2026-04-03', time: null, daysLeft: 5, workingDaysLeft: 2 },
    flags: { noKommuneNotification: false, noRecentContact: false, lastContactAt: null },
    ...overrides,
  };
}
