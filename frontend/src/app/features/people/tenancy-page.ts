import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type HouseholdDetail, type PersonDetail, Permission, type TenancySummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { HouseholdMemberDialog, type HouseholdMemberDialogData } from './household-member-dialog';
import { PersonDialog, type PersonDialogData } from './person-dialog';

interface TenancyView {
  tenancy: TenancySummary;
  household: HouseholdDetail | null;
}

@Component({
  selector: 'bf-tenancy-page',
  imports: [DatePipe, MatButtonModule, MatCardModule, RouterLink, TranslocoPipe],
  template: `
    @if (view(); as v) {
      <h1>{{ v.tenancy.address }}</h1>
      <mat-card appearance="outlined" class="card">
        <mat-card-content>
          <dl class="bf-dl">
            <dt>{{ 'tenancy.number' | transloco }}</dt>
            <dd>{{ v.tenancy.lejemaalsnummer }}</dd>
            <dt>{{ 'tenancy.afdeling' | transloco }}</dt>
            <dd>{{ v.tenancy.afdeling.afdelingsnummer }} {{ v.tenancy.afdeling.name }}</dd>
            <dt>{{ 'tenancy.status' | transloco }}</dt>
            <dd>{{ 'tenancyStatus.' + v.tenancy.status | transloco }}</dd>
            @if (v.tenancy.moveInDate) {
              <dt>{{ 'tenancy.moveInDate' | transloco }}</dt>
              <dd>{{ v.tenancy.moveInDate | date: 'mediumDate' : undefined : language() }}</dd>
            }
          </dl>
        </mat-card-content>
      </mat-card>
      <div class="bf-page-header">
        <h2>{{ 'household.title' | transloco }}</h2>
        @if (canAdd) {
          <div class="bf-actions">
            <button mat-stroked-button type="button" (click)="addMember()" data-testid="household-add">
              {{ 'household.add' | transloco }}
            </button>
            <button mat-stroked-button type="button" (click)="addExisting()" data-testid="household-add-existing">
              {{ 'household.addExisting' | transloco }}
            </button>
          </div>
        }
      </div>
      <ul class="bf-plain-list members">
        @for (m of v.household?.members ?? []; track m.personId) {
          <li data-testid="household-member">
            <a [routerLink]="['/persons', m.personId]">{{ m.name }}</a> · {{ 'relation.' + m.relation | transloco }}
            @if (m.age !== null) {
              · {{ 'household.age' | transloco: { age: m.age } }}
            }
          </li>
        } @empty {
          <li class="bf-muted">{{ 'household.none' | transloco }}</li>
        }
      </ul>
    } @else {
      <p class="bf-muted">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: '.card { max-width: 40rem; margin-bottom: 1rem; } .members li { padding: 0.25rem 0; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenancyPage {
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canAdd = inject(AuthStore).can(Permission.PersonWrite);

  readonly id = input.required<string>();
  private readonly resource = httpResource<TenancyView>(() => ({
    url: `/api/tenancies/${encodeURIComponent(this.id())}`,
    context: pageLoadContext(),
  }));
  protected readonly view = computed(() => (this.resource.hasValue() ? this.resource.value() : null));

  protected addExisting(): void {
    this.dialogs
      .open<HouseholdMemberDialog, HouseholdMemberDialogData, HouseholdDetail>(HouseholdMemberDialog, {
        width: '32rem',
        data: { tenancyId: this.id() },
      })
      .subscribe((household) => {
        const current = this.view();
        if (current) this.resource.set({ ...current, household });
        else this.resource.reload();
        this.snackBar.open(this.transloco.translate('household.added'), undefined, { duration: 4000 });
      });
  }

  protected addMember(): void {
    this.dialogs
      .open<PersonDialog, PersonDialogData, PersonDetail | 'conflict'>(PersonDialog, {
        width: '32rem',
        data: { tenancyId: this.id() },
      })
      .subscribe(() => {
        this.resource.reload();
      });
  }
}
