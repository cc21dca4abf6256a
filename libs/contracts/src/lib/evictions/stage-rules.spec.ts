import { EvictionStage } from './evictions';
import {
  computeDeadlines,
  currentStage,
  danishToday,
  lacksKommuneNotification,
  lacksRecentContact,
  latestByStage,
  nextDeadline,
  outcomeMismatch,
  StageFact,
  stageEntryFieldErrors,
  stagesAfter,
  stageWarnings,
} from './stage-rules';

let seq = 0;
function fact(stage: EvictionStage, date: string, extra: Partial<StageFact> = {}): StageFact {
  seq += 1;
  return {
    stage,
    date,
    time: null,
    moveOutDate: null,
    recordedAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`,
    ...extra,
  };
}

const TODAY = '2026-12-01';

describe('eviction rules', () => {
  it('should take the latest recorded entry per stage and the furthest stage reached', () => {
    const first = fact('paakrav', '2026-10-01');
    const corrected = fact('paakrav', '2026-10-02');
    expect(latestByStage([first, corrected]).get('paakrav')).toBe(corrected);
    expect(currentStage([fact('retsmoede', '2026-12-10'), fact('paakrav', '2026-10-01')])).toBe('retsmoede');
    expect(currentStage([])).toBeNull();
  });

  it('should give the påkrav deadline and earliest ophævelse until an ophævelse is recorded', () => {
    const paakrav = fact('paakrav', '2026-11-20');
    expect(computeDeadlines([paakrav], 'aaben', { due: null, checked: false }, TODAY)).toEqual([
      { kind: 'paakrav_frist', date: '2026-12-04', time: null, daysLeft: 3, workingDaysLeft: 3 },
      { kind: 'tidligst_ophaevelse', date: '2026-12-05', time: null, daysLeft: 4, workingDaysLeft: 3 },
    ]);
    const withOph = [paakrav, fact('ophaevelse', '2026-12-07', { moveOutDate: '2026-12-21' })];
    expect(computeDeadlines(withOph, 'aaben', { due: null, checked: false }, TODAY).map((d) => d.kind)).toEqual([
      'fraflytning',
    ]);
  });

  it('should sort court dates by date and time and count working days over Christmas', () => {
    const entries = [
      fact('udsaettelse_berammet', '2027-01-05', { time: '10:00' }),
      fact('retsmoede', '2026-12-22', { time: '09:15' }),
    ];
    const deadlines = computeDeadlines(entries, 'aaben', { due: null, checked: false }, '2026-12-18');
    expect(deadlines).toEqual([
      { kind: 'retsmoede', date: '2026-12-22', time: '09:15', daysLeft: 4, workingDaysLeft: 2 },
      { kind: 'udsaettelse', date: '2027-01-05', time: '10:00', daysLeft: 18, workingDaysLeft: 8 },
    ]);
  });

  it('should show only the sustained check once the case is closed', () => {
    const entries = [fact('retsmoede', '2026-12-22')];
    expect(computeDeadlines(entries, 'afsluttet', { due: '2027-06-01', checked: false }, TODAY)).toEqual([
      expect.objectContaining({ kind: 'opfoelgning', date: '2027-06-01' }),
    ]);
    expect(computeDeadlines(entries, 'afsluttet', { due: '2027-06-01', checked: true }, TODAY)).toEqual([]);
  });

  it('should pick the next deadline from today, or the latest overdue one', () => {
    const d = (date: string, daysLeft: number) => ({
      kind: 'retsmoede' as const,
      date,
      time: null,
      daysLeft,
      workingDaysLeft: 0,
    });
    expect(nextDeadline([d('2026-11-20', -11), d('2026-12-10', 9)])?.date).toBe('2026-12-10');
    expect(nextDeadline([d('2026-11-10', -21), d('2026-11-20', -11)])?.date).toBe('2026-11-20');
    expect(nextDeadline([])).toBeNull();
  });

  it('should flag a fogedsag without kommune notification, but not an earlier stage or a closed case', () => {
    expect(lacksKommuneNotification([fact('ophaevelse', '2026-11-01')], 'aaben')).toBe(false);
    expect(lacksKommuneNotification([fact('begaering_indgivet', '2026-11-01')], 'aaben')).toBe(true);
    expect(
      lacksKommuneNotification(
        [fact('begaering_indgivet', '2026-11-01'), fact('kommune_underrettet', '2026-11-01')],
        'aaben',
      ),
    ).toBe(false);
    expect(lacksKommuneNotification([fact('retsmoede', '2026-11-01')], 'afsluttet')).toBe(false);
  });

  it('should flag no contact in the last N days', () => {
    expect(lacksRecentContact(null, 'aaben', TODAY, 14)).toBe(true);
    expect(lacksRecentContact('2026-11-17T10:00:00Z', 'aaben', TODAY, 14)).toBe(false);
    expect(lacksRecentContact('2026-11-16T10:00:00Z', 'aaben', TODAY, 14)).toBe(true);
    expect(lacksRecentContact(null, 'afsluttet', TODAY, 14)).toBe(false);
  });

  it('should warn, never block, for out-of-order stages, inconsistent dates, early ophævelse and future dates', () => {
    const codes = (existing: StageFact[], stage: EvictionStage, date: string) =>
      stageWarnings(existing, { stage, date }, TODAY).map((w) => w.code);
    expect(codes([], 'paakrav', '2026-11-01')).toEqual([]);
    expect(codes([fact('ophaevelse', '2026-11-20')], 'paakrav', '2026-11-01')).toEqual(['out_of_order']);
    expect(codes([fact('ophaevelse', '2026-11-20')], 'paakrav', '2026-11-10')).toEqual([
      'out_of_order',
      'before_earliest_ophaevelse',
    ]);
    expect(codes([fact('paakrav', '2026-11-20')], 'rykker', '2026-11-25')).toEqual([
      'out_of_order',
      'date_before_earlier_stage',
    ]);
    expect(codes([fact('paakrav', '2026-11-20')], 'ophaevelse', '2026-11-27')).toEqual(['before_earliest_ophaevelse']);
    expect(codes([], 'paakrav', '2026-12-05')).toEqual(['future_date']);
    expect(codes([], 'retsmoede', '2027-01-05')).toEqual([]);
    // A repeated stage (a second påkrav) is not out of order.
    expect(codes([fact('paakrav', '2026-10-01')], 'paakrav', '2026-11-01')).toEqual([]);
  });

  it('should refuse outcomes that do not fit the stages recorded', () => {
    const oph = [fact('paakrav', '2026-10-01'), fact('ophaevelse', '2026-10-20')];
    expect(outcomeMismatch('undgaaet_betalt', [fact('paakrav', '2026-10-01')])).toBeNull();
    expect(outcomeMismatch('undgaaet_betalt', oph)).toMatch(/ophævelse/);
    expect(outcomeMismatch('undgaaet_aftale', oph)).toBeNull();
    expect(outcomeMismatch('undgaaet_aftale', [])).toMatch(/ophævelsen/);
    expect(outcomeMismatch('undgaaet_afvist', oph)).toMatch(/udsættelsesbegæringen/);
    expect(outcomeMismatch('undgaaet_tilbagekaldt', [...oph, fact('begaering_indgivet', '2026-11-01')])).toBeNull();
    expect(outcomeMismatch('ukendt', [])).toBeNull();
  });

  it('should tell today in Copenhagen, not in UTC', () => {
    expect(danishToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(danishToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(danishToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe(stagesAfter.name, () => {
  it('should list the later stages in chain order', () => {
    expect(stagesAfter('paakrav')).toEqual([
      'ophaevelse',
      'kommune_underrettet',
      'begaering_indgivet',
      'retsmoede',
      'udsaettelse_berammet',
    ]);
    expect(stagesAfter('retsmoede')).toEqual(['udsaettelse_berammet']);
  });

  it('should list nothing after the last stage', () => {
    expect(stagesAfter('udsaettelse_berammet')).toEqual([]);
  });
});

describe(stageEntryFieldErrors.name, () => {
  it('should accept a plain entry', () => {
    expect(stageEntryFieldErrors({ stage: 'paakrav', date: '2026-03-01' })).toEqual({});
  });

  it('should ask a kommune notification who and how', () => {
    expect(Object.keys(stageEntryFieldErrors({ stage: 'kommune_underrettet', date: '2026-03-01' }))).toEqual([
      'notifiedBy',
      'channel',
    ]);
    expect(
      stageEntryFieldErrors({ stage: 'kommune_underrettet', date: '2026-03-01', notifiedBy: 'team', channel: 'brev' }),
    ).toEqual({});
  });

  it('should refuse notification fields on other stages', () => {
    expect(stageEntryFieldErrors({ stage: 'paakrav', date: '2026-03-01', channel: 'brev' })).toHaveProperty(
      'notifiedBy',
    );
  });

  it('should want a time for a berammet udsættelse and allow one only at court stages', () => {
    expect(stageEntryFieldErrors({ stage: 'udsaettelse_berammet', date: '2026-03-01' })).toHaveProperty('time');
    expect(stageEntryFieldErrors({ stage: 'retsmoede', date: '2026-03-01', time: '10:00' })).toEqual({});
    expect(stageEntryFieldErrors({ stage: 'retsmoede', date: '2026-03-01' })).toEqual({});
    expect(stageEntryFieldErrors({ stage: 'paakrav', date: '2026-03-01', time: '10:00' })['time']).toEqual([
      'Klokkeslæt bruges kun ved retsmøde og berammet udsættelse',
    ]);
  });

  it('should keep the move-out deadline to the ophævelse, not before it', () => {
    expect(stageEntryFieldErrors({ stage: 'ophaevelse', date: '2026-03-10', moveOutDate: '2026-04-01' })).toEqual({});
    expect(stageEntryFieldErrors({ stage: 'rykker', date: '2026-03-10', moveOutDate: '2026-04-01' })).toHaveProperty(
      'moveOutDate',
    );
    expect(
      stageEntryFieldErrors({ stage: 'ophaevelse', date: '2026-03-10', moveOutDate: '2026-03-01' })['moveOutDate'],
    ).toEqual(['Fraflytningsfristen kan ikke ligge før ophævelsen']);
  });
});
