import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';

import { Role, type Visit } from '@bofast/contracts';

import { caseDetail, task, visit } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { VisitDialog } from './visit-dialog';
import { VisitDrafts } from './visit-drafts';
import { defaultVisitValue } from './visit-form';
import { VisitsPanel, householdOf } from './visits-panel';

async function setup(list: Visit[]) {
  TestBed.configureTestingModule({ imports: [VisitsPanel], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(Role.SocialVicevaert));
  const fixture = TestBed.createComponent(VisitsPanel);
  fixture.componentRef.setInput('detail', caseDetail());
  fixture.componentRef.setInput('canEdit', true);
  const changed = jest.fn();
  fixture.componentInstance.changed.subscribe(changed);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const request = http.expectOne((r) => r.url === '/api/visits');
  expect(request.request.params.get('caseId')).toBe('c1');
  request.flush(list);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  await settle();
  const el = fixture.nativeElement as HTMLElement;
  return {
    fixture,
    http,
    el,
    settle,
    changed,
    q: (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`),
  };
}

describe(VisitsPanel.name, () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  it('should list the visits with status, place, announcement, participants, summary and follow-ups', async () => {
    const { q } = await setup([visit({ followUps: [task()] })]);
    const row = q('visit-row');
    expect(row?.querySelector('[data-testid="visit-status-chip"]')?.textContent).toContain('Gennemført');
    expect(row?.textContent).toContain('Hjem');
    expect(row?.textContent).toContain('Uvarslet');
    expect(row?.textContent).toContain('Bo Beboer');
    expect(q('visit-row-summary')?.textContent).toContain('Talt om huslejen.');
    expect(q('visit-row-followup')?.textContent).toContain('Ring til jobcentret');
    expect(q('visit-complete')).toBeNull();
  });

  it('should offer the outcome of a planned visit and reload after it is saved', async () => {
    const planned = visit({ status: 'planlagt', plannedAt: '2026-12-02T09:00:00Z', occurredAt: null });
    const { q, http, settle, changed } = await setup([planned]);
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(visit()) } as MatDialogRef<unknown>);
    q('visit-complete')?.click();
    expect(open).toHaveBeenCalledWith(
      VisitDialog,
      expect.objectContaining({
        data: expect.objectContaining({
          caseId: 'c1',
          mode: 'complete',
          visit: planned,
          household: householdOf(caseDetail()),
        }),
      }),
    );
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/visits').flush([visit()]);
    await settle();
    expect(changed).toHaveBeenCalled();
  });

  it('should tell about a draft of the case left on the device', async () => {
    localStorage.clear();
    const { q, settle } = await setup([]);
    TestBed.inject(VisitDrafts).save({
      clientId: '0b8a3c52-6a4e-4d0c-9a51-0d8d2f6f7c11',
      caseId: 'c1',
      mode: 'log',
      value: defaultVisitValue('log', 'p1'),
      request: null,
    });
    await settle();
    expect(q('visit-draft-notice')?.textContent).toContain('ikke er gemt endnu');
    expect(q('visit-draft-open')).not.toBeNull();
  });
});

describe('householdOf', () => {
  it('should put the resident first among those who can take part', () => {
    expect(householdOf(caseDetail()).map((m) => m.personId)).toEqual(['p1', 'p2']);
    expect(householdOf(caseDetail({ household: null })).map((m) => m.name)).toEqual(['Bo Beboer']);
  });
});
