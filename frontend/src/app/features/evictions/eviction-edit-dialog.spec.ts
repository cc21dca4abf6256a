import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { EvictionEditDialog } from './eviction-edit-dialog';

async function setup() {
  const close = jest.fn();
  const eviction = evictionCase();
  TestBed.configureTestingModule({
    imports: [EvictionEditDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: eviction },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(EvictionEditDialog);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http
    .expectOne(`/api/cases/assignable-users?teamId=${eviction.teamId}`)
    .flush([{ id: 'u2', displayName: 'Louise Nielsen' }]);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const choose = async (id: string, text: string) => {
    const select = await loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
    await select.open();
    await select.clickOptions({ text });
  };
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="eviction-edit-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, choose, submit, http, eviction };
}

describe(EvictionEditDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should send the ground and the responsible worker with the version', async () => {
    const { close, choose, submit, http, eviction } = await setup();
    await choose('eviction-edit-ground', 'Mislighold');
    await choose('eviction-edit-responsible', 'Louise Nielsen');
    await submit();
    const req = http.expectOne(`/api/evictions/${eviction.id}`);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ ground: 'mislighold', responsibleId: 'u2', version: eviction.version });
    req.flush({ ...eviction, ground: 'mislighold', version: eviction.version + 1 });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ ground: 'mislighold' }));
  });

  it('should show the server’s field message under the responsible worker', async () => {
    const { fixture, el, choose, submit, http, eviction } = await setup();
    await choose('eviction-edit-responsible', 'Louise Nielsen');
    await submit();
    http.expectOne(`/api/evictions/${eviction.id}`).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl',
        fields: { responsibleId: ['Medarbejderen er ikke med i teamet'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.textContent).toContain('Medarbejderen er ikke med i teamet');
  });
});
