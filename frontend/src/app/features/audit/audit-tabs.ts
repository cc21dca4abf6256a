import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The DPO's two logs, side by side: the access log and the log of privileged changes. */
@Component({
  selector: 'bf-audit-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, TranslocoPipe],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'audit.tabs' | transloco">
      <a
        mat-tab-link
        class="tab"
        routerLink="/audit"
        routerLinkActive
        #log="routerLinkActive"
        [routerLinkActiveOptions]="{ exact: true }"
        [active]="log.isActive"
        data-testid="audit-tab-access-log"
        >{{ 'audit.title' | transloco }}</a
      >
      <a
        mat-tab-link
        class="tab"
        routerLink="/audit/privilegerede-aendringer"
        routerLinkActive
        #changes="routerLinkActive"
        [active]="changes.isActive"
        data-testid="audit-tab-privileged"
        >{{ 'privileged.title' | transloco }}</a
      >
    </nav>
    <mat-tab-nav-panel #panel />
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 1rem;
    }
    /* Both labels fit at phone width. */
    .tab {
      min-width: 0;
      padding-inline: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTabs {}
