import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';

import { provideAppTesting } from '../../../testing/testing-providers';
import { ActivationPage } from './activation-page';

const INFO = { username: 'sara.jensen', displayName: 'Sara Jensen', expiresAt: '2026-12-11T10:00:00.000Z' };

async function setup(token = 'tok-123') {
  TestBed.configureTestingModule({ imports: [ActivationPage], providers: provideAppTesting() });
  const fixture = TestBed.createComponent(ActivationPage);
  fixture.componentRef.setInput('token', token);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const check = http.expectOne(`/api/auth/activation/${token}`);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  return { fixture, http, check, el, settle, text, input };
}

describe(ActivationPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should greet the user and set the password, then point to the login', async () => {
    const { http, check, el, settle, text, input } = await setup();
    check.flush(INFO);
    await settle();
    expect(text('activation-intro')).toContain('Sara Jensen');
    expect(text('activation-intro')).toContain('sara.jensen');
    await (await input('activation-password')).setValue('Saras-egen-sommerdag-7');
    await (await input('activation-confirm')).setValue('Saras-egen-sommerdag-7');
    el.querySelector<HTMLButtonElement>('[data-testid="activation-submit"]')?.click();
    http.expectOne('/api/auth/csrf').flush(null);
    const post = http.expectOne('/api/auth/activation');
    expect(post.request.body).toEqual({ token: 'tok-123', password: 'Saras-egen-sommerdag-7' });
    post.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(text('activation-done')).toContain('Din adgangskode er gemt');
  });

  it('should show the server’s Danish message under the field for a common password', async () => {
    const { http, check, el, settle, text, input } = await setup();
    check.flush(INFO);
    await settle();
    await (await input('activation-password')).setValue('qwerty123456');
    await (await input('activation-confirm')).setValue('qwerty123456');
    el.querySelector<HTMLButtonElement>('[data-testid="activation-submit"]')?.click();
    http.expectOne('/api/auth/csrf').flush(null);
    http.expectOne('/api/auth/activation').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields: { password: ['Adgangskoden er for almindelig – vælg en anden'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text('activation-password-error')).toBe('Adgangskoden er for almindelig – vælg en anden');
    expect(text('activation-done')).toBeUndefined();
  });

  it('should not send two different passwords or a short one', async () => {
    const { http, check, el, settle, input } = await setup();
    check.flush(INFO);
    await settle();
    await (await input('activation-password')).setValue('kort');
    await (await input('activation-confirm')).setValue('andet');
    el.querySelector<HTMLButtonElement>('[data-testid="activation-submit"]')?.click();
    await settle();
    http.expectNone('/api/auth/activation');
    expect(el.textContent).toContain('Mindst 12 tegn');
  });

  it('should say that an expired link is expired, without a form', async () => {
    const { check, settle, text, el } = await setup();
    check.flush(
      {
        statusCode: 410,
        code: 'ACTIVATION_EXPIRED',
        message: 'Aktiveringslinket er udløbet. Bed en administrator om et nyt.',
      },
      { status: 410, statusText: 'Gone' },
    );
    await settle();
    expect(text('activation-problem')).toBe('Aktiveringslinket er udløbet. Bed en administrator om et nyt.');
    expect(el.querySelector('[data-testid="activation-form"]')).toBeNull();
  });
});
