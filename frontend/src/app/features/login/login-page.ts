import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type Locale, Role } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { readApiError } from '../../core/http/server-errors';
import { LANGUAGES, LanguageStore } from '../../core/i18n/language-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

export const DEMO_PASSWORD = 'Bofast-demo-2026';

export const DEMO_USERS: readonly { username: string; role: Role }[] = [
  { username: 'vicevaert', role: Role.SocialVicevaert },
  { username: 'beboerraadgiver', role: Role.Beboerraadgiver },
  { username: 'oekonomi', role: Role.OekonomiskRaadgiver },
  { username: 'teamleder', role: Role.Teamleder },
  { username: 'partner', role: Role.KommunalPartner },
  { username: 'boligorg', role: Role.Boligorganisation },
  { username: 'admin', role: Role.Admin },
  { username: 'dpo', role: Role.Dpo },
];

@Component({
  selector: 'bf-login-page',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCardModule, MatExpansionModule, TranslocoPipe],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly authStore = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly languageStore = inject(LanguageStore);

  readonly returnUrl = input<string>();

  protected readonly languages = LANGUAGES;
  protected readonly language = this.languageStore.language;
  protected readonly demoUsers = DEMO_USERS;
  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });

  protected useDemoUser(username: string): void {
    this.form.setValue({ username, password: DEMO_PASSWORD });
    this.errorMessage.set(null);
  }

  protected changeLanguage(locale: Locale): void {
    this.languageStore.use(locale);
  }

  protected login(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.authStore.login(this.form.getRawValue()).subscribe({
      next: () => {
        this.isSubmitting.set(false);
        void this.router.navigateByUrl(this.safeReturnUrl());
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        this.errorMessage.set(this.describeError(error));
      },
    });
  }

  private describeError(error: unknown): string {
    if (error instanceof HttpErrorResponse) {
      if (error.status === 401) return this.transloco.translate('login.wrongCredentials');
      if (error.status === 429) {
        return readApiError(error)?.message || this.transloco.translate('login.tooManyAttempts');
      }
      if (error.status === 0) return this.transloco.translate('errors.network');
      if (error.status >= 500) return this.transloco.translate('errors.server');
      const message = readApiError(error)?.message;
      if (message) return message;
    }
    return this.transloco.translate('errors.unknown');
  }

  // Only same-app paths, so a crafted link cannot send the user to another site after login.
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') ? url : '/';
  }
}
