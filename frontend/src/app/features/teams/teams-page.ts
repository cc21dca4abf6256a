import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { Permission, type TeamSummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { injectDialogs } from '../../shared/dialogs';
import { ActiveChip, ActiveToggle } from '../../shared/active-state';
import { TeamDialog, type TeamDialogData } from './team-dialog';
import { TeamsStore } from './teams-store';

@Component({
  selector: 'bf-teams-page',
  imports: [ActiveChip, ActiveToggle, MatButtonModule, MatTableModule, TranslocoPipe],
  providers: [TeamsStore],
  templateUrl: './teams-page.html',
  styleUrl: './teams-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPage {
  protected readonly store = inject(TeamsStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly canManage = inject(AuthStore).can(Permission.TeamManage);
  protected readonly columns = [
    'name',
    'description',
    'afdelinger',
    'memberCount',
    'status',
    ...(this.canManage ? ['actions'] : []),
  ];

  protected createTeam(): void {
    this.openTeamDialog({});
  }

  protected editTeam(team: TeamSummary): void {
    if (this.canManage) this.openTeamDialog({ team });
  }

  protected setActive(team: TeamSummary, isActive: boolean): void {
    this.store.update(team.id, { isActive, version: team.version }).subscribe({
      next: () => {
        const key = isActive ? 'teams.reactivated' : 'teams.deactivated';
        this.snackBar.open(this.transloco.translate(key), undefined, {
          duration: 4000,
        });
        this.store.reload();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 409) {
          const entity = this.transloco.translate('teams.entity');
          this.snackBar.open(this.transloco.translate('common.conflict', { entity }), undefined, {
            duration: 6000,
          });
        }
        this.store.reload();
      },
    });
  }

  private openTeamDialog(data: TeamDialogData): void {
    this.dialogs
      .open<TeamDialog, TeamDialogData, boolean>(TeamDialog, {
        width: '36rem',
        data,
      })
      .subscribe(() => {
        this.store.reload();
      });
  }
}
