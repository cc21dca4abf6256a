import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';

import type { Locale } from '@bofast/contracts';

import { AuthStore } from '../auth/auth-store';
import { LANGUAGES, LanguageStore } from '../i18n/language-store';
import { registerIcons } from './icons';
import { visibleNavItems } from './nav-items';

export const HANDSET_QUERY = '(max-width: 767.98px)';

@Component({
  selector: 'bf-shell',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly authStore = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly languages = LANGUAGES;
  protected readonly language = inject(LanguageStore).language;
  protected readonly user = this.authStore.user;
  protected readonly navItems = computed(() => visibleNavItems(this.authStore.permissions()));
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly isNavOpen = linkedSignal(() => !this.isHandset());

  constructor() {
    registerIcons();
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
    this.document.defaultView?.scrollTo?.({ top: 0 });
  }

  protected closeNavOnHandset(): void {
    if (this.isHandset()) this.isNavOpen.set(false);
  }

  protected changeLanguage(locale: Locale): void {
    this.authStore.changeLanguage(locale);
  }

  protected logout(): void {
    this.authStore.logout().subscribe({
      next: () => void this.router.navigateByUrl('/login'),
      error: () => void this.router.navigateByUrl('/login'),
    });
  }
}
