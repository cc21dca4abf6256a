import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { definition, provideReportsTesting } from '../../../testing/report-fixtures';
import { DefinitionDialog } from './definition-dialog';

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [DefinitionDialog],
    providers: [
      ...provideReportsTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { current: definition({ version: 3 }) } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(DefinitionDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="definition-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, loader, el, close, submit, http: TestBed.inject(HttpTestingController) };
}

describe(DefinitionDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should start from the newest rule and send the changed one as a new version', async () => {
    const { loader, submit, http, close } = await setup();
    const stage = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="definition-stage"]' }));
    expect(await stage.getValueText()).toBe('Påkrav');
    await stage.open();
    await stage.clickOptions({ text: 'Ophævelse' });
    await (await loader.getHarness(MatCheckboxHarness.with({ label: /begæring tilbagekaldt/ }))).uncheck();
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="definition-months"]' }))
    ).setValue('12');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="definition-description"]' }))
    ).setValue('  Fra ophævelse, fastholdt efter et år  ');
    await submit();
    const request = http.expectOne('/api/reports/definitions');
    expect(request.request.body).toEqual({
      key: 'undgaaet_udsaettelse',
      description: 'Fra ophævelse, fastholdt efter et år',
      rule: {
        involvedMinStage: 'ophaevelse',
        avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_afvist'],
        requireApproval: true,
        sustainedMonths: 12,
      },
    });
    request.flush(definition({ version: 4 }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
  });

  it('should refuse no outcomes and an empty description', async () => {
    const { loader, submit, http, el } = await setup();
    for (const box of await loader.getAllHarnesses(MatCheckboxHarness.with({ label: /^Undgået/ }))) await box.uncheck();
    await submit();
    http.expectNone('/api/reports/definitions');
    expect(el.textContent).toContain('Vælg mindst ét udfald');
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Skal udfyldes');
  });
});
