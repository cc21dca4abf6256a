import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged } from 'rxjs';

import { ALL_ROLES, Permission, type Role, type UserSummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { ListPaginator } from '../../shared/list-paginator';
import { ActiveChip, ActiveToggle } from '../../shared/active-state';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserDialog, type UserDialogData } from './user-dialog';
import { UsersStore } from './users-store';

const DIALOG_CONFIG = { width: '36rem' } as const;

@Component({
  selector: 'bf-users-page',
  imports: [
    ActiveChip,
    ActiveToggle,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListPaginator,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [UsersStore],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly language = inject(LanguageStore).language;
  protected readonly canManage = inject(AuthStore).can(Permission.UserManage);
  protected readonly roles = ALL_ROLES;
  protected readonly searchControl = new FormControl('', { nonNullable: true });
  protected readonly columns = [
    'name',
    'username',
    'role',
    'teams',
    'status',
    'lastLogin',
    ...(this.canManage ? ['actions'] : []),
  ];

  constructor() {
    this.searchControl.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => this.store.setFilter({ search }));
  }

  protected filterByRole(role: Role | ''): void {
    this.store.setFilter({ role });
  }

  protected toggleInactive(includeInactive: boolean): void {
    this.store.setFilter({ includeInactive });
  }

  protected createUser(): void {
    this.openUserDialog({});
  }

  protected editUser(user: UserSummary): void {
    if (this.canManage) this.openUserDialog({ user });
  }

  protected resetPassword(user: UserSummary): void {
    this.dialogs.open(ResetPasswordDialog, {
      ...DIALOG_CONFIG,
      data: user,
    });
  }

  protected setActive(user: UserSummary, isActive: boolean): void {
    this.store.update(user.id, { isActive, version: user.version }).subscribe({
      next: () => {
        const key = isActive ? 'users.reactivated' : 'users.deactivated';
        this.snackBar.open(this.transloco.translate(key), undefined, {
          duration: 4000,
        });
        this.store.reload();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 409) {
          const entity = this.transloco.translate('users.entity');
          this.snackBar.open(this.transloco.translate('common.conflict', { entity }), undefined, {
            duration: 6000,
          });
        }
        this.store.reload();
      },
    });
  }

  private openUserDialog(data: UserDialogData): void {
    this.dialogs
      .open<UserDialog, UserDialogData, boolean>(UserDialog, {
        ...DIALOG_CONFIG,
        data,
      })
      .subscribe(() => {
        this.store.reload();
      });
  }
}
