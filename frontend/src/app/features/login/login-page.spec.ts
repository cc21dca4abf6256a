import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';

import { Role } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { createUser, provideAppTesting } from '../../../testing/testing-providers';
import { DEMO_PASSWORD, LoginPage } from './login-page';

async function setup(returnUrl?: string) {
  TestBed.configureTestingModule({
    imports: [LoginPage],
    providers: provideAppTesting(),
  });
  const fixture = TestBed.createComponent(LoginPage);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  const username = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="login-username"]' }));
  const password = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="login-password"]' }));
  const submit = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="login-submit"]' }));

  async function login(user: string, pass: string) {
    await username.setValue(user);
    await password.setValue(pass);
    await submit.click();
    http.expectOne('/api/auth/csrf').flush(null);
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: user, password: pass });
    return request;
  }

  async function errorText() {
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector('[data-testid="login-error"]')?.textContent?.trim();
  }

  return { fixture, loader, http, login, errorText };
}

describe(LoginPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show the wrong-credentials message when the API answers 401', async () => {
    const { login, errorText } = await setup();
    const request = await login('vicevaert', 'forkert');
    request.flush(
      { statusCode: 401, code: 'invalid_credentials', message: 'Unauthorized' },
      { status: 401, statusText: 'Unauthorized' },
    );
    expect(await errorText()).toBe('Forkert brugernavn eller adgangskode');
    expect(TestBed.inject(AuthStore).user()).toBeNull();
  });

  it('should show the message from the body when the API answers 429', async () => {
    const { login, errorText } = await setup();
    const request = await login('admin', 'x');
    request.flush(
      {
        statusCode: 429,
        code: 'too_many_attempts',
        message: 'Vent 60 sekunder.',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    expect(await errorText()).toBe('Vent 60 sekunder.');
  });

  it('should sign in and go to the return URL when the credentials are right', async () => {
    const { login } = await setup('/admin/users');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const request = await login('admin', DEMO_PASSWORD);
    request.flush(createUser(Role.Admin));
    expect(TestBed.inject(AuthStore).user()?.role).toBe(Role.Admin);
    expect(navigate).toHaveBeenCalledWith('/admin/users');
  });

  it('should not send anything and show Skal udfyldes when the fields are empty', async () => {
    const { loader, fixture } = await setup();
    const submit = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="login-submit"]' }));
    await submit.click();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Skal udfyldes');
  });

  it('should fill in username and password when a demo user is chosen', async () => {
    const { loader } = await setup();
    const demo = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="demo-user-dpo"]' }));
    await demo.click();
    const username = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="login-username"]' }));
    const password = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="login-password"]' }));
    expect(await username.getValue()).toBe('dpo');
    expect(await password.getValue()).toBe(DEMO_PASSWORD);
  });
});
