import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import { provideAppTesting } from '../../../testing/testing-providers';
import { PasswordForm } from './password-form';

async function setup() {
  TestBed.configureTestingModule({
    imports: [PasswordForm],
    providers: provideAppTesting(),
  });
  const fixture = TestBed.createComponent(PasswordForm);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  await fixture.whenStable();
  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testId}"]` }));
  const submit = () => loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="password-submit"]' }));
  const confirmField = () =>
    loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Gentag ny adgangskode' }));
  return {
    fixture,
    input,
    submit,
    confirmField,
    http: TestBed.inject(HttpTestingController),
  };
}

describe(PasswordForm.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should reject the form and send nothing when the confirmation does not match', async () => {
    const { fixture, input, submit, confirmField, http } = await setup();
    await (await input('password-current')).setValue('gammel-adgangskode');
    await (await input('password-new')).setValue('en-lang-ny-adgangskode');
    await (await input('password-confirm')).setValue('en-anden-adgangskode');
    await (await submit()).click();

    expect(fixture.componentInstance.form.hasError('mismatch')).toBe(true);
    expect(await (await confirmField()).getTextErrors()).toEqual(['Adgangskoderne er ikke ens']);
    http.expectNone('/api/auth/me/password');
  });

  it('should reject a new password shorter than the minimum length', async () => {
    const { input, submit, http, fixture } = await setup();
    await (await input('password-current')).setValue('gammel-adgangskode');
    await (await input('password-new')).setValue('kort');
    await (await input('password-confirm')).setValue('kort');
    await (await submit()).click();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Skal være mindst 12 tegn');
    http.expectNone('/api/auth/me/password');
  });

  it('should post the passwords when the confirmation matches', async () => {
    const { input, submit, http } = await setup();
    await (await input('password-current')).setValue('gammel-adgangskode');
    await (await input('password-new')).setValue('en-lang-ny-adgangskode');
    await (await input('password-confirm')).setValue('en-lang-ny-adgangskode');
    await (await submit()).click();
    const request = http.expectOne('/api/auth/me/password');
    expect(request.request.body).toEqual({
      currentPassword: 'gammel-adgangskode',
      newPassword: 'en-lang-ny-adgangskode',
    });
    request.flush(null);
  });
});
