import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, defer, firstValueFrom, of, switchMap, tap } from 'rxjs';

import {
  CSRF_COOKIE,
  type ChangePasswordRequest,
  type CurrentUser,
  type Locale,
  type LoginRequest,
  type Permission,
  type UpdateMeRequest,
  hasPermission,
} from '@bofast/contracts';

import { noAuthRedirectContext } from '../http/http-context';
import { LanguageStore } from '../i18n/language-store';

@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly languages = inject(LanguageStore);
  private readonly state = signal<CurrentUser | null>(null);

  readonly user = this.state.asReadonly();
  readonly isLoggedIn = computed(() => this.state() !== null);
  readonly permissions = computed(() => this.state()?.permissions ?? []);

  can(permission: Permission): boolean {
    return hasPermission(this.permissions(), permission);
  }

  /** Loads the session user at app start; 401 simply means logged out. */
  async load(): Promise<void> {
    try {
      const user = await firstValueFrom(
        this.http.get<CurrentUser>('/api/auth/me', {
          context: noAuthRedirectContext(),
        }),
      );
      this.setUser(user);
    } catch (error) {
      this.state.set(null);
      if (error instanceof HttpErrorResponse && error.status === 401) {
        // A missing CSRF cookie only matters at login, where it is fetched again.
        await firstValueFrom(this.ensureCsrfToken()).catch(() => undefined);
      }
    }
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.ensureCsrfToken().pipe(
      switchMap(() =>
        this.http.post<CurrentUser>('/api/auth/login', request, {
          context: noAuthRedirectContext(),
        }),
      ),
      tap((user) => this.setUser(user)),
    );
  }

  logout(): Observable<void> {
    return this.http
      .post<void>('/api/auth/logout', {}, { context: noAuthRedirectContext() })
      .pipe(tap({ finalize: () => this.clear() }));
  }

  updateMe(request: UpdateMeRequest): Observable<CurrentUser> {
    return this.http.patch<CurrentUser>('/api/auth/me', request).pipe(tap((user) => this.state.set(user)));
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http
      .post<void>('/api/auth/me/password', request, {
        context: noAuthRedirectContext(),
      })
      .pipe(tap(() => this.state.update((u) => (u ? { ...u, mustChangePassword: false } : u))));
  }

  endSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`);
  }

  changeLanguage(locale: Locale): void {
    this.languages.use(locale);
    if (this.isLoggedIn() && this.state()?.locale !== locale) {
      this.updateMe({ locale }).subscribe({ error: () => undefined });
    }
  }

  clear(): void {
    this.state.set(null);
  }

  /** The server answered PASSWORD_CHANGE_REQUIRED: the user must change their password first. */
  markMustChangePassword(): void {
    this.state.update((u) => (u ? { ...u, mustChangePassword: true } : u));
  }

  private setUser(user: CurrentUser): void {
    this.state.set(user);
    if (user.locale && user.locale !== this.languages.language()) {
      this.languages.use(user.locale);
    }
  }

  /** Public POSTs (login, activation) need the CSRF cookie first (double submit). */
  ensureCsrfToken(): Observable<unknown> {
    return defer(() =>
      this.document.cookie.split('; ').some((c) => c.startsWith(`${CSRF_COOKIE}=`))
        ? of(null)
        : this.http.get('/api/auth/csrf', { context: noAuthRedirectContext() }),
    );
  }
}
