import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';

import { visit } from '../../../testing/referral-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { VISIT_DRAFTS_KEY, VISIT_RETRY_MS, type VisitDraft, VisitDrafts, newClientId } from './visit-drafts';
import { createVisitRequest, defaultVisitValue } from './visit-form';

const CLIENT_ID = '0b8a3c52-6a4e-4d0c-9a51-0d8d2f6f7c11';
const URL = '/api/cases/c1/visits';

function draft(): Omit<VisitDraft, 'userId' | 'updatedAt'> & { request: ReturnType<typeof createVisitRequest> } {
  const value = { ...defaultVisitValue('log', 'p1'), summary: 'Talt om huslejen.' };
  return {
    clientId: CLIENT_ID,
    caseId: 'c1',
    mode: 'log',
    value,
    request: createVisitRequest(value, CLIENT_ID, 'log'),
  };
}

function stored(): VisitDraft[] {
  return JSON.parse(localStorage.getItem(VISIT_DRAFTS_KEY) ?? '[]');
}

function setup() {
  TestBed.configureTestingModule({ providers: provideAppTesting() });
  return { drafts: TestBed.inject(VisitDrafts), http: TestBed.inject(HttpTestingController) };
}

describe(VisitDrafts.name, () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
    jest.useRealTimers();
  });

  it('should keep the draft on the device when the POST fails for want of a connection', () => {
    const { drafts, http } = setup();
    const snackBar = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    const error = jest.fn();
    drafts.send(draft()).subscribe({ error });
    const request = http.expectOne(URL);
    expect(request.request.body).toEqual(
      expect.objectContaining({ clientId: CLIENT_ID, summary: 'Talt om huslejen.' }),
    );
    // Before the answer the draft is already stored, with the request it is sending.
    expect(stored()[0]).toMatchObject({ clientId: CLIENT_ID, caseId: 'c1', request: { clientId: CLIENT_ID } });
    request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    expect(error).toHaveBeenCalled();
    expect(stored()).toEqual([expect.objectContaining({ clientId: CLIENT_ID, value: draft().value })]);
    expect(drafts.queued().map((d) => d.clientId)).toEqual([CLIENT_ID]);
    // The dialog says it itself; no "no connection" snackbar on top.
    expect(snackBar).not.toHaveBeenCalled();
  });

  it('should keep the draft when the server fails', () => {
    const { drafts, http } = setup();
    drafts.send(draft()).subscribe({ error: () => undefined });
    http.expectOne(URL).flush({ message: 'Fejl' }, { status: 503, statusText: 'Unavailable' });
    expect(drafts.queued()).toHaveLength(1);
    expect(stored()).toHaveLength(1);
  });

  it('should remove the draft when the server answers 201 with the saved visit', () => {
    const { drafts, http } = setup();
    const sent = jest.fn();
    drafts.sent.subscribe(sent);
    const next = jest.fn();
    drafts.send(draft()).subscribe(next);
    http.expectOne(URL).flush(visit({ clientId: CLIENT_ID }), { status: 201, statusText: 'Created' });
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ id: 'v1' }));
    expect(stored()).toEqual([]);
    expect(drafts.forCase('c1')).toBeNull();
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ visit: expect.objectContaining({ id: 'v1' }) }));
  });

  it('should restore the stored draft when the app is opened again', () => {
    const first = setup();
    first.drafts.save({ ...draft(), request: null });
    TestBed.resetTestingModule();
    const { drafts } = setup();
    expect(drafts.forCase('c1')).toMatchObject({ clientId: CLIENT_ID, value: draft().value, request: null });
    expect(drafts.forCase('c2')).toBeNull();
  });

  it('should send a queued visit again on the online event, with the same clientId', () => {
    const { drafts, http } = setup();
    drafts.send(draft()).subscribe({ error: () => undefined });
    http.expectOne(URL).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    window.dispatchEvent(new Event('online'));
    const again = http.expectOne(URL);
    expect(again.request.body.clientId).toBe(CLIENT_ID);
    again.flush(visit(), { status: 201, statusText: 'Created' });
    expect(drafts.queued()).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('should send a queued visit again after a while without an online event', () => {
    jest.useFakeTimers();
    const { drafts, http } = setup();
    drafts.send(draft()).subscribe({ error: () => undefined });
    http.expectOne(URL).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    jest.advanceTimersByTime(VISIT_RETRY_MS - 1);
    http.expectNone(URL);
    jest.advanceTimersByTime(1);
    http.expectOne(URL).flush(visit(), { status: 201, statusText: 'Created' });
    expect(drafts.queued()).toEqual([]);
  });

  it('should turn a refused visit back into a draft to correct, and not retry it', () => {
    const { drafts, http } = setup();
    drafts.send(draft()).subscribe({ error: () => undefined });
    http
      .expectOne(URL)
      .flush(
        { message: 'Der er fejl i de indtastede oplysninger.', fields: { participants: ['x'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(drafts.forCase('c1')).toMatchObject({ clientId: CLIENT_ID, request: null });
    expect(drafts.queued()).toEqual([]);
    window.dispatchEvent(new Event('online'));
    http.expectNone(URL);
  });
});

describe('newClientId', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('should make version 4 UUIDs', () => {
    expect(newClientId()).toMatch(V4);
  });

  it('should make them without crypto.randomUUID, which plain-http pages lack', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newClientId()).toMatch(V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
