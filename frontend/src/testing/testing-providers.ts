import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider, importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';

import { type CurrentUser, Locale, type Role, getPermissions } from '@bofast/contracts';

import da from '../../public/i18n/da.json';
import en from '../../public/i18n/en.json';
import { AuthStore } from '../app/core/auth/auth-store';
import { errorInterceptor } from '../app/core/http/error-interceptor';

export function provideTranslocoTesting(): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { da, en },
      translocoConfig: {
        availableLangs: ['da', 'en'],
        defaultLang: 'da',
        fallbackLang: 'da',
      },
      preloadLangs: true,
    }),
  );
}

/** HttpClient with the real interceptor against HttpTestingController, Danish texts, empty routes. */
export function provideAppTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([errorInterceptor])),
    provideHttpClientTesting(),
    provideRouter([]),
    provideTranslocoTesting(),
  ];
}

export function createUser(role: Role, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: `id-${role}`,
    username: role,
    displayName: `Test ${role}`,
    email: null,
    role,
    permissions: [...getPermissions(role)],
    teams: [],
    partnerOrganisation: null,
    boligorganisation: null,
    locale: Locale.Da,
    mustChangePassword: false,
    ...overrides,
  };
}

/** Signs `user` in through AuthStore.load(), answering GET /api/auth/me. */
export async function signIn(user: CurrentUser): Promise<void> {
  const loading = TestBed.inject(AuthStore).load();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(user);
  await loading;
}
