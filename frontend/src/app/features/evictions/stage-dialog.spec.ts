import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import type { EvictionCase, RecordStageResponse } from '@bofast/contracts';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { StageDialog } from './stage-dialog';

async function setup(eviction: EvictionCase = evictionCase()) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [StageDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: eviction },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(StageDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  const select = (id: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
  const choose = async (id: string, text: string) => {
    const harness = await select(id);
    await harness.open();
    await harness.clickOptions({ text });
  };
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="stage-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const errors = () => Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
  return {
    fixture,
    loader,
    el,
    close,
    input,
    select,
    choose,
    submit,
    errors,
    http: TestBed.inject(HttpTestingController),
  };
}

describe(StageDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should suggest the next stage, label the select "Trin" and send a påkrav with a Danish amount', async () => {
    const { el, select, input, submit, http, close } = await setup();
    expect(el.querySelector('mat-label')?.textContent?.trim()).toBe('Trin');
    expect(await (await select('stage-select')).getValueText()).toBe('Påkrav');
    // Time, kommune and move-out fields belong to other stages.
    expect(el.querySelector('[data-testid="stage-time"]')).toBeNull();
    expect(el.querySelector('[data-testid="stage-notified-by"]')).toBeNull();
    expect(el.querySelector('[data-testid="stage-move-out"]')).toBeNull();

    await (await input('stage-date')).setValue('2026-03-16');
    await (await input('stage-amount')).setValue('2.500,00');
    await (await input('stage-note')).setValue('  Påkrav sendt med Digital Post  ');
    await submit();

    const request = http.expectOne('/api/evictions/e1/stages');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      stage: 'paakrav',
      date: '2026-03-16',
      time: null,
      amount: 2500,
      source: 'medarbejder',
      notifiedBy: null,
      channel: null,
      moveOutDate: null,
      note: 'Påkrav sendt med Digital Post',
      version: 3,
    });
    const response: RecordStageResponse = {
      eviction: evictionCase({ version: 4 }),
      warnings: [{ code: 'future_date', message: 'Datoen ligger i fremtiden.' }],
    };
    request.flush(response);
    expect(close).toHaveBeenCalledWith(response);
  });

  it('should require who notified the kommune and how, and send both', async () => {
    const { el, choose, input, submit, http, errors } = await setup();
    await choose('stage-select', 'Kommunen underrettet');
    await (await input('stage-date')).setValue('2026-03-20');
    await submit();
    http.expectNone('/api/evictions/e1/stages');
    expect(el.querySelector('[data-testid="stage-notified-by-required"]')?.textContent).toContain('Skal udfyldes');
    expect(el.querySelector('[data-testid="stage-channel-required"]')?.textContent).toContain('Skal udfyldes');
    expect(errors()).toEqual(['Skal udfyldes', 'Skal udfyldes']);

    await choose('stage-notified-by', 'Boligsocialt team');
    await choose('stage-channel', 'Digital Post');
    await submit();
    const request = http.expectOne('/api/evictions/e1/stages');
    expect(request.request.body).toMatchObject({
      stage: 'kommune_underrettet',
      notifiedBy: 'team',
      channel: 'digital_post',
      time: null,
      moveOutDate: null,
    });
    request.flush({ eviction: evictionCase(), warnings: [] });
  });

  it('should require the time for a berammet udsættelse and leave it optional for a retsmøde', async () => {
    const { el, choose, input, submit, http } = await setup();
    await choose('stage-select', 'Udsættelse berammet');
    await (await input('stage-date')).setValue('2026-05-12');
    await submit();
    http.expectNone('/api/evictions/e1/stages');
    expect(el.querySelector('[data-testid="stage-time-required"]')?.textContent).toContain(
      'Angiv klokkeslættet for den berammede udsættelse',
    );

    await (await input('stage-time')).setValue('09:30');
    await submit();
    const request = http.expectOne('/api/evictions/e1/stages');
    expect(request.request.body).toMatchObject({ stage: 'udsaettelse_berammet', date: '2026-05-12', time: '09:30' });
    request.flush({ eviction: evictionCase(), warnings: [] });
  });

  it('should send the time of a retsmøde only when given', async () => {
    const { choose, input, submit, http } = await setup();
    await choose('stage-select', 'Retsmøde i fogedretten');
    await (await input('stage-date')).setValue('2026-04-28');
    await submit();
    const request = http.expectOne('/api/evictions/e1/stages');
    expect(request.request.body).toMatchObject({ stage: 'retsmoede', time: null });
    request.flush({ eviction: evictionCase(), warnings: [] });
  });

  it('should offer the fraflytningsfrist only for an ophævelse and refuse one before the ophævelse', async () => {
    const { el, choose, input, submit, http } = await setup();
    await choose('stage-select', 'Ophævelse');
    await (await input('stage-date')).setValue('2026-04-07');
    await (await input('stage-move-out')).setValue('2026-04-01');
    await submit();
    http.expectNone('/api/evictions/e1/stages');
    expect(el.querySelector('[data-testid="stage-move-out-before"]')?.textContent).toContain(
      'Fraflytningsfristen kan ikke ligge før ophævelsen',
    );

    await (await input('stage-move-out')).setValue('2026-04-30');
    await submit();
    const request = http.expectOne('/api/evictions/e1/stages');
    expect(request.request.body).toMatchObject({ stage: 'ophaevelse', moveOutDate: '2026-04-30', time: null });
    request.flush({ eviction: evictionCase(), warnings: [] });

    await choose('stage-select', 'Rykker');
    expect(el.querySelector('[data-testid="stage-move-out"]')).toBeNull();
  });

  it('should require the date and reject an amount that is not Danish', async () => {
    const { input, submit, http, errors } = await setup();
    await (await input('stage-amount')).setValue('2,500.00');
    await submit();
    http.expectNone('/api/evictions/e1/stages');
    expect(errors()).toEqual(['Skal udfyldes', 'Skriv beløbet som fx 2.500,00']);
  });

  it('should show server field errors under the field', async () => {
    const { el, fixture, choose, input, submit, http } = await setup();
    await choose('stage-select', 'Kommunen underrettet');
    await (await input('stage-date')).setValue('2026-03-20');
    await choose('stage-notified-by', 'Fogedretten');
    await choose('stage-channel', 'Brev');
    await submit();
    http.expectOne('/api/evictions/e1/stages').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields: { channel: ['Angiv hvordan kommunen blev underrettet'], date: ['Skal være en dato (ÅÅÅÅ-MM-DD)'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    const texts = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(texts).toEqual(['Skal være en dato (ÅÅÅÅ-MM-DD)', 'Angiv hvordan kommunen blev underrettet']);
    expect(el.querySelector('[data-testid="stage-error"]')).toBeNull();
  });

  it('should close with "conflict" on a version conflict and show the reason of a refused change', async () => {
    const first = await setup();
    await (await first.input('stage-date')).setValue('2026-03-16');
    await first.submit();
    first.http
      .expectOne('/api/evictions/e1/stages')
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Posten er ændret af en anden.' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(first.close).toHaveBeenCalledWith('conflict');
    await first.fixture.whenStable();

    await first.submit();
    first.http
      .expectOne('/api/evictions/e1/stages')
      .flush(
        { statusCode: 409, code: 'INVALID_STATE', message: 'Udsættelsessagen er afsluttet.' },
        { status: 409, statusText: 'Conflict' },
      );
    first.fixture.detectChanges();
    expect(first.el.querySelector('[data-testid="stage-error"]')?.textContent).toContain(
      'Udsættelsessagen er afsluttet.',
    );
    expect(first.close).toHaveBeenCalledTimes(1);
  });
});
