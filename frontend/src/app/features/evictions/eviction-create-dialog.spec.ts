import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { EvictionCreateDialog } from './eviction-create-dialog';

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [EvictionCreateDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { caseId: 'c1', tenancy: { id: 't1', address: 'Fjordvej 3' } } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(EvictionCreateDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const click = async (id: string) => {
    el.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, click, http: TestBed.inject(HttpTestingController) };
}

describe(EvictionCreateDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should create the udsættelsessag for the lejemål with the case linked', async () => {
    const { click, http, close } = await setup();
    await click('eviction-create-submit');
    const request = http.expectOne('/api/evictions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ tenancyId: 't1', caseIds: ['c1'], ground: 'restance' });
    request.flush(evictionCase());
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'e1' }));
  });

  it('should offer to link the case when the lejemål already has an open udsættelsessag', async () => {
    const { click, http, close, el, fixture } = await setup();
    await click('eviction-create-submit');
    http.expectOne('/api/evictions').flush(
      {
        statusCode: 409,
        code: 'ALREADY_EXISTS',
        message: 'Der er allerede en åben udsættelsessag for lejemålet.',
        current: { id: 'e9' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="eviction-create-error"]')?.textContent).toContain(
      'Der er allerede en åben udsættelsessag for lejemålet.',
    );
    await click('eviction-link-existing');
    http.expectOne('/api/evictions/e9').flush(evictionCase({ id: 'e9', version: 7 }));
    const link = http.expectOne('/api/evictions/e9/cases');
    expect(link.request.body).toEqual({ caseId: 'c1', version: 7 });
    link.flush(evictionCase({ id: 'e9', version: 8 }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'e9' }));
  });
});
