import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';

import { Role } from '@bofast/contracts';

import { definition, provideReportsTesting, reportResult } from '../../../testing/report-fixtures';
import { createUser, signIn } from '../../../testing/testing-providers';
import { todayIso } from '../../core/format/dates';
import { MyNumbersPage } from './my-numbers-page';
import { presetPeriod } from './report-period';

const mine = (r: { url: string }) => r.url === '/api/reports/mine';

async function setup(role: Role) {
  TestBed.configureTestingModule({ imports: [MyNumbersPage], providers: provideReportsTesting() });
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(MyNumbersPage);
  fixture.detectChanges();
  TestBed.tick();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const answer = async (request: TestRequest) => {
    request.flush(reportResult());
    for (let i = 0; i < 5 && !http.match('/api/case-types').map((r) => r.flush([])).length; i++) {
      fixture.detectChanges();
      await Promise.resolve();
    }
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, el, answer, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe(MyNumbersPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should ask for this month’s own numbers and label them as the worker’s own, without the team’s estimate', async () => {
    const { http, el, answer } = await setup(Role.OekonomiskRaadgiver);
    http.expectNone('/api/reports/definitions');
    const request = http.expectOne(mine);
    const period = presetPeriod('thisMonth', todayIso());
    expect(request.request.params.get('from')).toBe(period.from);
    expect(request.request.params.get('to')).toBe(period.to);
    expect(el.querySelector('[data-testid="my-numbers-loading"] mat-progress-bar')).not.toBeNull();
    await answer(request);
    expect(el.querySelector('[data-testid="my-numbers-label"]')?.textContent).toContain('Dine egne tal.');
    expect(el.querySelector('[data-testid="report-headline"]')?.textContent?.trim()).toBe(
      'Involveret i 41 udsættelsessager · undgået 30',
    );
    expect(el.querySelector('[data-testid="report-funnel"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="report-estimate"]')).toBeNull();
    expect(el.querySelector('button[data-testid="report-avoided"]')).toBeNull();
    expect(el.querySelector('[data-testid="report-definition"]')?.textContent).toContain(
      'Dine tal bruger den nyeste version af definitionen.',
    );
  });

  it('should ask again when another period is chosen', async () => {
    const { http, answer, loader, fixture } = await setup(Role.SocialVicevaert);
    await answer(http.expectOne(mine));
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="my-numbers-preset"]' }));
    await select.open();
    // Clicked directly: a harness click waits for stability, which the new request holds up.
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => o.textContent?.trim() === 'Sidste år',
    );
    option?.click();
    fixture.detectChanges();
    TestBed.tick();
    const request = http.expectOne(mine);
    const year = Number(todayIso().slice(0, 4)) - 1;
    expect(request.request.params.get('from')).toBe(`${year}-01-01`);
    expect(request.request.params.get('to')).toBe(`${year}-12-31`);
    await answer(request);
  });

  it('should show a team lead the newest definition version', async () => {
    const { http, el, answer, fixture } = await setup(Role.Teamleder);
    http.expectOne('/api/reports/definitions').flush([definition(), definition({ version: 2, description: 'Ny' })]);
    await answer(http.expectOne(mine));
    fixture.detectChanges();
    const versions = Array.from(el.querySelectorAll('[data-testid="report-definition-version"]'));
    expect(versions).toHaveLength(1);
    expect(versions[0].textContent).toContain('Definition, version 2');
  });
});
