import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { SignalFormPage } from './signal-form-page';

async function setup() {
  TestBed.configureTestingModule({ imports: [SignalFormPage], providers: provideAppTesting() });
  await signIn(createUser(Role.SocialVicevaert, { teams: [{ id: 't1', name: 'Team Nord' }] }));
  const fixture = TestBed.createComponent(SignalFormPage);
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, component: fixture.componentInstance, http: TestBed.inject(HttpTestingController) };
}

describe(SignalFormPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should preselect the only team and require a description', async () => {
    const { fixture, component, http } = await setup();
    const { form } = component;
    expect(form.controls.teamId.value).toBe('t1');
    form.patchValue({ source: 'nabo' });
    component.submit();
    fixture.detectChanges();
    http.expectNone('/api/signals');
    expect(form.controls.description.hasError('required')).toBe(true);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Skal udfyldes');
  });

  it('should allow at most 500 characters and show the counter', async () => {
    const { fixture, component } = await setup();
    const { form } = component;
    form.patchValue({ description: 'x'.repeat(501) });
    form.controls.description.markAsTouched();
    fixture.detectChanges();
    expect(form.controls.description.hasError('maxlength')).toBe(true);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Må højst være 500 tegn');
    form.patchValue({ description: 'x'.repeat(500) });
    fixture.detectChanges();
    expect(form.controls.description.valid).toBe(true);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('500 / 500');
  });

  it('should post the signal and go to its page', async () => {
    const { component, http } = await setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    component.form.patchValue({ source: 'drift', description: ' Lugt fra opgang ', reporter: '' });
    component.submit();
    const request = http.expectOne('/api/signals');
    expect(request.request.body).toEqual({
      source: 'drift',
      teamId: 't1',
      description: 'Lugt fra opgang',
      reporter: null,
      tenancyId: null,
      personId: null,
    });
    request.flush({ id: 's9' });
    expect(navigate).toHaveBeenCalledWith(['/signals', 's9']);
  });
});
