import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { Shell } from './shell';

async function renderShell(role: Role): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    imports: [Shell],
    providers: provideAppTesting(),
  });
  await signIn(createUser(role, { displayName: 'Dorte Revisor' }));
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe(Shell.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show Adgangslog but not Teams when the user is a DPO', async () => {
    const element = await renderShell(Role.Dpo);
    expect(element.querySelector('[data-testid="nav-audit"]')?.textContent).toContain('Adgangslog');
    expect(element.querySelector('[data-testid="nav-teams"]')).toBeNull();
    expect(element.querySelector('[data-testid="current-user-role"]')?.textContent).toContain('DPO / revisor');
  });

  it('should show neither Brugere nor Adgangslog when the user is a social vicevært', async () => {
    const element = await renderShell(Role.SocialVicevaert);
    expect(element.querySelector('[data-testid="nav-users"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-audit"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-home"]')?.textContent).toContain('Overblik');
    expect(element.querySelector('[data-testid="nav-me"]')).not.toBeNull();
  });

  it('should show Sagstyper and Organisationer only when the user is an admin', async () => {
    const element = await renderShell(Role.Admin);
    expect(element.querySelector('[data-testid="nav-case-types"]')?.textContent).toContain('Sagstyper');
    expect(element.querySelector('[data-testid="nav-organisations"]')?.textContent).toContain('Organisationer');
    expect(element.querySelector('[data-testid="nav-case-types"]')?.getAttribute('href')).toBe('/admin/case-types');
  });

  it('should show neither Sagstyper nor Organisationer when the user is a teamleder', async () => {
    const element = await renderShell(Role.Teamleder);
    expect(element.querySelector('[data-testid="nav-case-types"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-organisations"]')).toBeNull();
  });
});
