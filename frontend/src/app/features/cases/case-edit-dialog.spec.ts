import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { type AssignableUser, type CaseDetail, SENSITIVE_TAGS } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { CaseEditDialog } from './case-edit-dialog';

const USERS: AssignableUser[] = [
  { id: 'u1', displayName: 'Anne Ansvarlig', role: 'beboerraadgiver' },
  { id: 'u2', displayName: 'Bo Kollega', role: 'social_vicevaert' },
  { id: 'u3', displayName: 'Carla Kollega', role: 'social_vicevaert' },
];

function caseDetail(overrides: Partial<CaseDetail>): CaseDetail {
  return {
    id: 'c1',
    caseNumber: 'S-1',
    status: 'aktiv',
    version: 7,
    team: { id: 't1', name: 'Team Nord' },
    responsible: { id: 'u1', displayName: 'Anne Ansvarlig' },
    coWorkers: [{ id: 'u2', displayName: 'Bo Kollega' }],
    tags: ['gaeld'],
    hiddenSensitiveTags: false,
    reviewDate: null,
    isMember: true,
    ...overrides,
  } as CaseDetail;
}

async function setup(detail: CaseDetail) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [CaseEditDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: detail },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(CaseEditDialog);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/cases/assignable-users?teamId=t1').flush(USERS);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const checkbox = (tag: string) =>
    el.querySelector<HTMLInputElement>(`[data-testid="case-edit-tag-${tag}"] input[type="checkbox"]`);
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="case-edit-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, http, checkbox, submit };
}

describe(CaseEditDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should hide the sensitive tags and explain why when the user is not on the case', async () => {
    const { el, checkbox } = await setup(caseDetail({ isMember: false, hiddenSensitiveTags: true }));
    for (const tag of SENSITIVE_TAGS) expect(checkbox(tag)).toBeNull();
    expect(checkbox('gaeld')?.checked).toBe(true);
    expect(checkbox('jobtab')?.disabled).toBe(false);
    expect(el.querySelector('[data-testid="case-edit-sensitive-note"]')?.textContent).toContain(
      'kun ses og ændres af sagens',
    );
  });

  it('should offer the sensitive tags, marked følsom, when the user is on the case', async () => {
    const { el, checkbox } = await setup(caseDetail({ isMember: true, tags: ['gaeld', 'helbred'] }));
    for (const tag of SENSITIVE_TAGS) expect(checkbox(tag)?.disabled).toBe(false);
    expect(checkbox('helbred')?.checked).toBe(true);
    expect(el.querySelector('[data-testid="case-edit-tag-helbred"]')?.textContent).toContain('følsom');
    expect(el.querySelector('[data-testid="case-edit-tag-jobtab"]')?.textContent).not.toContain('følsom');
    expect(el.querySelector('[data-testid="case-edit-sensitive-note"]')).toBeNull();
  });

  it('should send the ticked tags, workers, review date and version', async () => {
    const { fixture, http, checkbox, submit, close } = await setup(caseDetail({ isMember: true }));
    checkbox('jobtab')?.click();
    checkbox('vold')?.click();
    checkbox('gaeld')?.click();
    const date = fixture.nativeElement.querySelector('[data-testid="case-edit-review-date"]') as HTMLInputElement;
    date.value = '2030-05-01';
    date.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/cases/c1' });
    expect(request.request.body).toEqual({
      responsibleId: 'u1',
      coWorkerIds: ['u2'],
      tags: ['jobtab', 'vold'],
      reviewDate: '2030-05-01',
      version: 7,
    });
    request.flush(caseDetail({ version: 8, tags: ['jobtab', 'vold'] }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ version: 8 }));
  });

  it('should send only the visible tags when the user is not on the case', async () => {
    const { http, checkbox, submit } = await setup(caseDetail({ isMember: false, hiddenSensitiveTags: true }));
    checkbox('ensomhed')?.click();
    await submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/cases/c1' });
    expect(request.request.body).toMatchObject({ tags: ['gaeld', 'ensomhed'], reviewDate: null, version: 7 });
    request.flush(caseDetail({}));
  });

  it('should close with conflict when the case changed meanwhile', async () => {
    const { http, submit, close } = await setup(caseDetail({}));
    await submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/cases/c1' })
      .flush({ statusCode: 409, code: 'stale', message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    expect(close).toHaveBeenCalledWith('conflict');
  });

  it('should put field messages of a 400 on the fields', async () => {
    const { fixture, el, http, submit, close } = await setup(caseDetail({}));
    await submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/cases/c1' })
      .flush(
        { statusCode: 400, code: 'validation', message: 'Invalid', fields: { reviewDate: ['Datoen er ugyldig'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    expect(el.textContent).toContain('Datoen er ugyldig');
    expect(close).not.toHaveBeenCalled();
  });
});
