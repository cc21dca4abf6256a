import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type EvictionCase, type EvictionSummary, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { injectDialogs } from '../../shared/dialogs';
import { EvictionCard } from './eviction-card';
import { EvictionCreateDialog, type EvictionCreateDialogData } from './eviction-create-dialog';
import { evictionListRequest } from './evictions-api';

/** "Udsættelsessag" on the case page: the eviction cases linked to the case, or a way to open one. */
@Component({
  selector: 'bf-eviction-panel',
  imports: [EvictionCard, MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    <div [attr.aria-busy]="evictions.isLoading()" data-testid="eviction-panel-body">
      @for (s of evictions.value(); track s.id) {
        <bf-eviction-card [evictionId]="s.id" [currentCaseId]="caseId()" (changed)="cardChanged()" />
      } @empty {
        <p class="bf-muted" data-testid="eviction-none">
          {{ (evictions.isLoading() ? 'common.loading' : 'evictions.none') | transloco }}
        </p>
      }
      @if (canWrite && !evictions.isLoading() && !hasOpen()) {
        @if (tenancy()) {
          <button mat-stroked-button type="button" (click)="create()" data-testid="eviction-create">
            <mat-icon svgIcon="add" aria-hidden="true" />{{ 'evictions.create' | transloco }}
          </button>
        } @else {
          <p class="bf-muted" data-testid="eviction-no-tenancy">{{ 'evictions.noTenancy' | transloco }}</p>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionPanel {
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly canWrite = inject(AuthStore).can(Permission.EvictionWrite);

  readonly caseId = input.required<string>();
  readonly tenancy = input<{ id: string; address: string; lejemaalsnummer?: string } | null>(null);
  readonly changed = output<void>();

  protected readonly evictions = httpResource<EvictionSummary[]>(() => evictionListRequest({ caseId: this.caseId() }), {
    defaultValue: [],
  });
  protected readonly hasOpen = computed(() => this.evictions.value().some((e) => e.status !== 'afsluttet'));

  reload(): void {
    this.evictions.reload();
  }

  /** A card saved something: its status may have changed (closed, reopened), so the list is read again. */
  protected cardChanged(): void {
    this.evictions.reload();
    this.changed.emit();
  }

  protected create(): void {
    const tenancy = this.tenancy();
    if (!tenancy) return;
    this.dialogs
      .open<EvictionCreateDialog, EvictionCreateDialogData, EvictionCase>(EvictionCreateDialog, {
        width: '30rem',
        data: { caseId: this.caseId(), tenancy },
      })
      .subscribe(() => {
        this.evictions.reload();
        this.snackBar.open(this.transloco.translate('evictions.created'), undefined, { duration: 4000 });
        this.changed.emit();
      });
  }
}
