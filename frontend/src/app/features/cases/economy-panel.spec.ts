import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';

import { AGREEMENT_TRANSITIONS, type HelpApplication, type PaymentAgreement } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { LanguageStore } from '../../core/i18n/language-store';
import { registerIcons } from '../../core/shell/icons';
import { EconomyPanel } from './economy-panel';

const AGREEMENT: PaymentAgreement = {
  id: 'a1',
  caseId: 'c1',
  creditor: 'kreditor',
  creditorName: 'Inkasso A/S',
  principal: 2500,
  installment: 250,
  startDate: '2026-02-01',
  status: 'aftalt',
  atRisk: true,
  version: 3,
};

const APPLICATION: HelpApplication = {
  id: 'h1',
  caseId: 'c1',
  type: 'enkeltydelse',
  authority: 'Jobcenter Aarhus',
  amount: 4000,
  status: 'afslag',
  submittedAt: '2026-01-10T10:00:00Z',
  decidedAt: '2026-01-20T10:00:00Z',
  version: 2,
};

// Jest cannot load the ESM Danish locale data, so dates format in English here.
const STUB_LANGUAGE = { provide: LanguageStore, useValue: { language: signal('en') } };

async function setup(canEdit: boolean, agreements: PaymentAgreement[] = [AGREEMENT]) {
  TestBed.configureTestingModule({ imports: [EconomyPanel], providers: [...provideAppTesting(), STUB_LANGUAGE] });
  TestBed.runInInjectionContext(registerIcons);
  const fixture = TestBed.createComponent(EconomyPanel);
  fixture.componentRef.setInput('caseId', 'c1');
  fixture.componentRef.setInput('canEdit', canEdit);
  const changed = jest.fn();
  fixture.componentInstance.changed.subscribe(changed);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/cases/c1/agreements').flush(agreements);
  http.expectOne('/api/cases/c1/applications').flush([APPLICATION]);
  fixture.detectChanges();
  await fixture.whenStable();
  return {
    fixture,
    http,
    changed,
    el: fixture.nativeElement as HTMLElement,
    loader: TestbedHarnessEnvironment.loader(fixture),
  };
}

describe(EconomyPanel.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should list agreements with Danish amounts, status text and the at-risk warning', async () => {
    const { el } = await setup(false);
    const row = el.querySelector('[data-testid="agreement-row"]');
    const text = row?.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('Anden kreditor · Inkasso A/S');
    expect(row?.querySelector('[data-testid="agreement-principal-text"]')?.textContent?.trim()).toBe('2.500,00 kr.');
    expect(row?.querySelector('[data-testid="agreement-installment-text"]')?.textContent?.trim()).toBe('250,00 kr.');
    expect(row?.querySelector('[data-testid="agreement-status-chip"]')?.textContent?.trim()).toBe('Aftalt');
    expect(row?.querySelector('[data-testid="agreement-at-risk"]')?.textContent?.trim()).toBe(
      'I fare: restancen stiger',
    );
    const application = el.querySelector('[data-testid="application-row"]')?.textContent?.replace(/\s+/g, ' ');
    expect(application).toContain('Enkeltydelse (aktivloven § 81)');
    expect(application).toContain('Jobcenter Aarhus');
    expect(application).toContain('4.000,00 kr.');
    expect(application).toContain('Afslag');
    // Read-only: no create buttons or status menus.
    expect(el.querySelector('[data-testid="agreement-create"]')).toBeNull();
    expect(el.querySelector('[data-testid="agreement-status"]')).toBeNull();
    expect(el.querySelector('[data-testid="application-status"]')).toBeNull();
  });

  it('should offer only the allowed agreement transitions and send the version', async () => {
    const { loader, http, changed } = await setup(true);
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="agreement-status"]' }));
    await menu.open();
    const items = await menu.getItems();
    const texts = await Promise.all(items.map((i) => i.getText()));
    expect(texts).toEqual(['Overholdes', 'Misligholdt', 'Indfriet', 'Annulleret']);
    expect(items).toHaveLength(AGREEMENT_TRANSITIONS.aftalt.length);

    await menu.clickItem({ text: 'Misligholdt' });
    const request = http.expectOne('/api/cases/c1/agreements/a1/status');
    expect(request.request.body).toEqual({ status: 'misligholdt', version: 3 });
    request.flush({ ...AGREEMENT, status: 'misligholdt', version: 4 });
    TestBed.tick();
    http.expectOne('/api/cases/c1/agreements').flush([{ ...AGREEMENT, status: 'misligholdt', version: 4 }]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('should offer only Klage after Afslag for applications', async () => {
    const { loader } = await setup(true);
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="application-status"]' }));
    await menu.open();
    const texts = await Promise.all((await menu.getItems()).map((i) => i.getText()));
    expect(texts).toEqual(['Klage']);
    await menu.close();
  });

  it('should hide the status menu for final states', async () => {
    const { el } = await setup(true, [{ ...AGREEMENT, status: 'indfriet', atRisk: false }]);
    expect(el.querySelector('[data-testid="agreement-row"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agreement-status"]')).toBeNull();
    expect(el.querySelector('[data-testid="agreement-at-risk"]')).toBeNull();
  });

  it('should reload the list after a 409', async () => {
    const { loader, http, changed } = await setup(true);
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="agreement-status"]' }));
    await menu.open();
    await menu.clickItem({ text: 'Indfriet' });
    http
      .expectOne('/api/cases/c1/agreements/a1/status')
      .flush({ statusCode: 409, code: 'stale', message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    TestBed.tick();
    http.expectOne('/api/cases/c1/agreements').flush([AGREEMENT]);
    expect(changed).not.toHaveBeenCalled();
  });
});
