import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

import { Locale } from '@bofast/contracts';

export const LANGUAGE_STORAGE_KEY = 'bofast.lang';
export const LANGUAGES: readonly Locale[] = [Locale.Da, Locale.En];

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(Locale.Da);

  readonly language = this.current.asReadonly();

  /** Picks the remembered language (or Danish) and loads its translations before first render. */
  async init(): Promise<void> {
    const stored = this.readStored();
    this.use(stored ?? Locale.Da, false);
    await firstValueFrom(this.transloco.load(this.current()));
  }

  use(lang: Locale, remember = true): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    if (remember) {
      this.writeStored(lang);
    }
  }

  private readStored(): Locale | null {
    // localStorage throws when storage is disabled (private mode, strict cookie settings).
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLocale(value) ? value : null;
    } catch {
      return null;
    }
  }

  private writeStored(lang: Locale): void {
    // Same as above: remembering the language is best effort.
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      /* ignore */
    }
  }
}
