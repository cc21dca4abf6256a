import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';

import { Role } from '@bofast/contracts';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { EvictionCreateDialog } from './eviction-create-dialog';
import { EvictionPanel } from './eviction-panel';

const TENANCY = { id: 't1', address: 'Fjordvej 3, 1. tv.', lejemaalsnummer: '0042' };

async function setup(tenancy: typeof TENANCY | null, role = Role.SocialVicevaert) {
  TestBed.configureTestingModule({ imports: [EvictionPanel], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(EvictionPanel);
  fixture.componentRef.setInput('caseId', 'c1');
  fixture.componentRef.setInput('tenancy', tenancy);
  const changed = jest.fn();
  fixture.componentInstance.changed.subscribe(changed);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const list = http.expectOne((r) => r.url === '/api/evictions');
  expect(list.request.params.get('caseId')).toBe('c1');
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, list, settle, changed, el: fixture.nativeElement as HTMLElement };
}

describe(EvictionPanel.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should offer Opret udsættelsessag for the case’s lejemål and reload after creating', async () => {
    const { fixture, list, settle, el, http, changed } = await setup(TENANCY);
    list.flush([]);
    await settle();
    expect(el.querySelector('[data-testid="eviction-none"]')?.textContent).toContain(
      'Ingen udsættelsessag er knyttet til sagen',
    );
    const button = el.querySelector<HTMLButtonElement>('[data-testid="eviction-create"]');
    expect(button?.textContent?.trim()).toBe('Opret udsættelsessag');
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(evictionCase()) } as MatDialogRef<unknown>);
    button?.click();
    expect(open).toHaveBeenCalledWith(
      EvictionCreateDialog,
      expect.objectContaining({ data: { caseId: 'c1', tenancy: TENANCY } }),
    );
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/evictions').flush([evictionCase()]);
    // The card that appears loads its eviction case; stability would wait for that request.
    await Promise.resolve();
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/evictions/e1').flush(evictionCase());
    await settle();
    expect(el.querySelector('[data-testid="eviction-card"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="eviction-create"]')).toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('should explain that a case without a lejemål cannot get an udsættelsessag', async () => {
    const { list, settle, el } = await setup(null);
    list.flush([]);
    await settle();
    expect(el.querySelector('[data-testid="eviction-create"]')).toBeNull();
    expect(el.querySelector('[data-testid="eviction-no-tenancy"]')?.textContent).toContain(
      'ikke knyttet til et lejemål',
    );
  });

  it('should show nothing to create for a role without eviction.write', async () => {
    const { list, settle, el } = await setup(TENANCY, Role.KommunalPartner);
    list.flush([]);
    await settle();
    expect(el.querySelector('[data-testid="eviction-create"]')).toBeNull();
  });
});
