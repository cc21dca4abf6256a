import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type PartnerDirectoryEntry, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { PartnerInfo } from '../referrals/partner-info';
import { injectDialogs } from '../../shared/dialogs';
import { PartnerEditDialog, type PartnerEditDialogResult } from './partner-edit-dialog';

/** /partnere — the partner directory: services, contact persons, how each partner takes referrals, response time. */
@Component({
  selector: 'bf-partners-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    PartnerInfo,
    TranslocoPipe,
  ],
  template: `
    <h1>{{ 'partners.title' | transloco }}</h1>
    <p class="bf-muted intro">{{ 'partners.intro' | transloco }}</p>
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>{{ 'partners.search' | transloco }}</mat-label>
      <input
        matInput
        type="search"
        [value]="query()"
        (input)="query.set($any($event.target).value)"
        autocomplete="off"
        data-testid="partners-search"
      />
    </mat-form-field>
    <ul class="bf-plain-list list" [attr.aria-busy]="partners.isLoading()" data-testid="partners-list">
      @for (p of shown(); track p.id) {
        <li data-testid="partners-row" [attr.data-name]="p.name">
          <mat-card appearance="outlined">
            <mat-card-content>
              <div class="head">
                <div>
                  <h2>{{ p.name }}</h2>
                  <p class="bf-muted type">{{ 'partnerType.' + p.type | transloco }} · {{ p.kommune }}</p>
                </div>
                @if (canManage) {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="edit(p)"
                    [attr.aria-label]="'partners.editFor' | transloco: { name: p.name }"
                    data-testid="partners-edit"
                  >
                    <mat-icon svgIcon="edit" aria-hidden="true" />{{ 'common.edit' | transloco }}
                  </button>
                }
              </div>
              <bf-partner-info [partner]="p" [showContacts]="true" />
            </mat-card-content>
          </mat-card>
        </li>
      } @empty {
        <li class="bf-muted">{{ (partners.isLoading() ? 'common.loading' : 'common.empty') | transloco }}</li>
      }
    </ul>
  `,
  styles: `
    .intro {
      max-width: 48rem;
    }
    .search {
      width: min(100%, 24rem);
      margin-bottom: 1rem;
    }
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
      gap: 1rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: flex-start;
      gap: 0.5rem;

      h2 {
        margin: 0;
      }
    }
    .type {
      margin: 0 0 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnersPage {
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly canManage = inject(AuthStore).can(Permission.OrganisationManage);
  protected readonly query = signal('');

  protected readonly partners = httpResource<PartnerDirectoryEntry[]>(
    () => ({ url: '/api/partners', context: pageLoadContext() }),
    { defaultValue: [] },
  );
  protected readonly shown = computed(() => {
    const q = this.query().trim().toLocaleLowerCase('da');
    if (!q) return this.partners.value();
    return this.partners
      .value()
      .filter((p) => [p.name, p.kommune, ...p.services].some((s) => s.toLocaleLowerCase('da').includes(q)));
  });

  protected edit(partner: PartnerDirectoryEntry): void {
    this.dialogs
      .open<PartnerEditDialog, PartnerDirectoryEntry, PartnerEditDialogResult>(PartnerEditDialog, {
        width: '40rem',
        data: partner,
      })
      .subscribe((result) => {
        this.partners.reload();
        if (result === 'conflict') {
          const entity = this.transloco.translate('partners.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
        } else {
          this.snackBar.open(this.transloco.translate('partners.saved'), undefined, { duration: 4000 });
        }
      });
  }
}
