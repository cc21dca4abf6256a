import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { partnerEntry, visit } from '../../../testing/referral-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { VisitDialog, type VisitDialogData } from './visit-dialog';
import { VISIT_DRAFTS_KEY, type VisitDraft, VisitDrafts } from './visit-drafts';
import { defaultFollowUpDate, defaultVisitValue } from './visit-form';

const HOUSEHOLD = [
  { personId: 'p1', name: 'Bo Beboer' },
  { personId: 'p2', name: 'Sara Beboer' },
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function setup(overrides: Partial<VisitDialogData> = {}) {
  const close = jest.fn();
  const data: VisitDialogData = { caseId: 'c1', mode: 'log', personId: 'p1', household: HOUSEHOLD, ...overrides };
  TestBed.configureTestingModule({
    imports: [VisitDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  TestBed.runInInjectionContext(registerIcons);
  const fixture = TestBed.createComponent(VisitDialog);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/partners').flush([partnerEntry()]);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    const target = q(id);
    (target?.querySelector<HTMLElement>('button, input') ?? target)?.click();
    await settle();
  };
  const type = async (id: string, value: string) => {
    const input = q(id) as HTMLInputElement | HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const submit = async () => {
    q('visit-dialog')?.dispatchEvent(new Event('submit'));
    await settle();
  };
  return { fixture, el, http, close, q, click, type, submit, settle };
}

const pressed = (el: HTMLElement | null) => String(!!el?.classList.contains('mat-button-toggle-checked'));

describe(VisitDialog.name, () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  it('should default to a held, unannounced home visit right now with the resident present', async () => {
    const { q, el } = await setup();
    expect(pressed(q('visit-status-gennemfoert'))).toBe('true');
    expect(pressed(q('visit-location-hjem'))).toBe('true');
    expect(q('visit-announced')?.querySelector('button')?.getAttribute('aria-checked')).toBe('false');
    expect(q('visit-participant-p1')?.querySelector('input')?.checked).toBe(true);
    expect(q('visit-participant-p2')?.querySelector('input')?.checked).toBe(false);
    expect((q('visit-occurred-at') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // Log mode offers the outcomes of a held visit, not "planlagt".
    expect(q('visit-status-planlagt')).toBeNull();
    expect(el.querySelector('[data-testid="visit-planned-at"]')).toBeNull();
  });

  it('should send the defaults, the summary and a clientId from the device, and close with the saved visit', async () => {
    const { http, type, submit, close } = await setup();
    await type('visit-summary', '  Talt om huslejen.  ');
    const before = Date.now();
    await submit();
    const request = http.expectOne('/api/cases/c1/visits');
    const body = request.request.body;
    expect(body).toEqual({
      clientId: expect.stringMatching(UUID),
      status: 'gennemfoert',
      plannedAt: null,
      occurredAt: expect.any(String),
      locationType: 'hjem',
      announced: false,
      participants: [{ kind: 'husstand', personId: 'p1' }],
      purpose: null,
      summary: 'Talt om huslejen.',
      followUps: [],
    });
    expect(Math.abs(new Date(body.occurredAt).getTime() - before)).toBeLessThan(60_000);
    request.flush(visit({ clientId: body.clientId }), { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'v1' }));
    expect(TestBed.inject(VisitDrafts).forCase('c1')).toBeNull();
  });

  it('should send what the big toggles, the interpreter and a follow-up say', async () => {
    const { http, click, type, submit } = await setup();
    await click('visit-status-ingen_hjemme');
    await click('visit-location-kontor');
    await click('visit-announced');
    await click('visit-participant-p2');
    await click('visit-interpreter');
    await type('visit-interpreter-name', 'Tolk (arabisk)');
    await click('visit-followup-add');
    await type('visit-followup-title-0', 'Ring igen');
    await submit();
    const request = http.expectOne('/api/cases/c1/visits');
    expect(request.request.body).toMatchObject({
      status: 'ingen_hjemme',
      locationType: 'kontor',
      announced: true,
      participants: [
        { kind: 'husstand', personId: 'p1' },
        { kind: 'husstand', personId: 'p2' },
        { kind: 'tolk', name: 'Tolk (arabisk)' },
      ],
      followUps: [{ title: 'Ring igen', dueDate: defaultFollowUpDate() }],
    });
    request.flush(visit(), { status: 201, statusText: 'Created' });
  });

  it('should say the visit is saved on the phone when there is no connection, and send it again', async () => {
    const { http, type, submit, q, click, close, settle } = await setup();
    await type('visit-summary', 'Referat fra døren');
    await submit();
    const first = http.expectOne('/api/cases/c1/visits');
    const clientId = first.request.body.clientId;
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect((q('visit-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(q('visit-offline-notice')?.textContent).toContain(
      'Besøget er gemt på telefonen og sendes, når der er forbindelse',
    );
    expect(close).not.toHaveBeenCalled();
    const stored: VisitDraft[] = JSON.parse(localStorage.getItem(VISIT_DRAFTS_KEY) ?? '[]');
    expect(stored).toEqual([expect.objectContaining({ clientId, caseId: 'c1', request: expect.anything() })]);
    expect(stored[0].value.summary).toBe('Referat fra døren');
    await click('visit-retry');
    const again = http.expectOne('/api/cases/c1/visits');
    expect(again.request.body.clientId).toBe(clientId);
    again.flush(visit(), { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'v1' }));
    expect(localStorage.getItem(VISIT_DRAFTS_KEY)).toBe('[]');
  });

  it('should keep every change on the device and restore the draft when the dialog opens again', async () => {
    const first = await setup();
    await first.type('visit-summary', 'Halvt skrevet');
    await first.click('visit-location-gaatur');
    const [saved]: VisitDraft[] = JSON.parse(localStorage.getItem(VISIT_DRAFTS_KEY) ?? '[]');
    expect(saved).toMatchObject({
      caseId: 'c1',
      request: null,
      value: { summary: 'Halvt skrevet', locationType: 'gaatur' },
    });
    TestBed.resetTestingModule();

    const { q, http, submit } = await setup();
    expect(q('visit-restored')).not.toBeNull();
    expect((q('visit-summary') as HTMLTextAreaElement).value).toBe('Halvt skrevet');
    expect(pressed(q('visit-location-gaatur'))).toBe('true');
    await submit();
    const request = http.expectOne('/api/cases/c1/visits');
    expect(request.request.body).toMatchObject({ clientId: saved.clientId, summary: 'Halvt skrevet' });
    request.flush(visit(), { status: 201, statusText: 'Created' });
  });

  it('should show the server’s refusal of partner staff without consent under the participants', async () => {
    const { http, fixture, submit, q, el } = await setup();
    fixture.componentInstance.form.controls.partnerId.setValue('po1');
    await submit();
    const request = http.expectOne('/api/cases/c1/visits');
    expect(request.request.body.participants).toContainEqual({
      kind: 'partner',
      partnerOrganisationId: 'po1',
      name: null,
    });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields: {
          participants: ['Partnerens medarbejder kan kun deltage med et gyldigt samtykke til "tredjepart ved besøg"'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(q('visit-participants-error')?.textContent).toContain('tredjepart ved besøg');
    expect(el.querySelector('[data-testid="visit-error"]')).toBeNull();
    expect(q('visit-offline-notice')).toBeNull();
    // The draft stays, to be corrected.
    expect(TestBed.inject(VisitDrafts).forCase('c1')).toMatchObject({ request: null });
  });

  it('should plan a visit: status planlagt, a time, no summary', async () => {
    const { http, q, submit } = await setup({ mode: 'plan' });
    expect(q('visit-status-gennemfoert')).toBeNull();
    expect(q('visit-summary')).toBeNull();
    expect((q('visit-planned-at') as HTMLInputElement).value).toBe(defaultVisitValue('plan', null).plannedAt);
    await submit();
    const request = http.expectOne('/api/cases/c1/visits');
    const body = request.request.body;
    expect(body).toMatchObject({ status: 'planlagt', occurredAt: null, summary: null, followUps: [], announced: true });
    expect(new Date(body.plannedAt).toISOString()).toBe(body.plannedAt);
    request.flush(visit({ status: 'planlagt' }), { status: 201, statusText: 'Created' });
  });

  it('should register the outcome of a planned visit with its version, and report a conflict', async () => {
    const planned = visit({
      id: 'v9',
      status: 'planlagt',
      plannedAt: '2026-12-02T09:00:00Z',
      summary: null,
      version: 4,
    });
    const { http, type, submit, close, q } = await setup({ mode: 'complete', visit: planned });
    expect(q('visit-status-planlagt')).toBeNull();
    expect(q('visit-discard')).toBeNull();
    await type('visit-summary', 'Holdt som aftalt');
    await submit();
    const request = http.expectOne('/api/visits/v9/complete');
    expect(request.request.body).toMatchObject({
      status: 'gennemfoert',
      summary: 'Holdt som aftalt',
      participants: [{ kind: 'husstand', personId: 'p1' }],
      version: 4,
    });
    request.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Posten er ændret af en anden.' },
      { status: 409, statusText: 'Conflict' },
    );
    expect(close).toHaveBeenCalledWith('conflict');
    expect(localStorage.getItem(VISIT_DRAFTS_KEY)).toBeNull();
  });
});
